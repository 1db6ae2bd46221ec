package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianIsTheMiddleValue_forAnOddCountInAnyOrder() {
        assertThat(Stats.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
    }

    @Test
    void medianIsTheMeanOfTheTwoMiddleValues_forAnEvenCount() {
        assertThat(Stats.median(List.of(4.0, 1.0, 10.0, 2.0))).isEqualTo(3.0);
    }

    @Test
    void medianIgnoresOneWildOutlier() {
        assertThat(Stats.median(List.of(100.0, 101.0, 5000.0))).isEqualTo(101.0);
    }

    @Test
    void medianOfNothing_isRejected() {
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no values");
    }

    @Test
    void medianOfNaN_isRejected() {
        assertThatThrownBy(() -> Stats.median(List.of(1.0, Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairRatiosDivideRunIByRunI() {
        assertThat(Stats.pairRatios(List.of(10.0, 30.0, 8.0), List.of(5.0, 10.0, 4.0)))
                .containsExactly(2.0, 3.0, 2.0);
    }

    @Test
    void medianRatioIsTheMedianOfThePairRatios_notTheRatioOfTheMedians() {
        // the medians give 12 / 10 = 1.2, but the rounds say 1.0, 4.0, 1.0 -> 1.0
        List<Double> a = List.of(12.0, 40.0, 2.0);
        List<Double> b = List.of(12.0, 10.0, 2.0);
        assertThat(Stats.median(a) / Stats.median(b)).isEqualTo(1.2);
        assertThat(Stats.medianRatio(a, b)).isEqualTo(1.0);
    }

    @Test
    void pairRatiosOfUnequalRunCounts_areRejected() {
        assertThatThrownBy(() -> Stats.pairRatios(List.of(1.0, 2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 1");
    }

    @Test
    void pairRatioWithAZeroDenominator_isRejected() {
        assertThatThrownBy(() -> Stats.pairRatios(List.of(1.0), List.of(0.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive denominator");
    }
}
