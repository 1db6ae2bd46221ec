package newsroom.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageTimesTest {

    @Test
    void medianIsTheMiddleValue_forAnOddCount() {
        assertThat(new PageTimes(List.of(9.0, 1.0, 5.0)).median()).isEqualTo(5.0);
    }

    @Test
    void medianIsTheMeanOfTheTwoMiddleValues_forAnEvenCount() {
        assertThat(new PageTimes(List.of(4.0, 1.0, 100.0, 2.0)).median()).isEqualTo(3.0);
    }

    @Test
    void meanIncludesOutliers() {
        assertThat(new PageTimes(List.of(1.0, 2.0, 9.0)).mean()).isEqualTo(4.0);
    }

    @Test
    void emptyTimesAreZero() {
        assertThat(new PageTimes(List.of()).median()).isZero();
        assertThat(new PageTimes(List.of()).mean()).isZero();
    }
}
