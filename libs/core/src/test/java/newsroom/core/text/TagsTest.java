package newsroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void dropsEntityTypeLabels_keepingTheName() {
        assertThat(Tags.useful(List.of("Mark Esper GOVERNMENT_FIGURE PERSON",
                "PERSON Hamidou Diallo PROFESSIONAL_ATHLETE SPORTS_FIGURE PERSON"), 10))
                .containsExactly("Mark Esper", "Hamidou Diallo");
    }

    @Test
    void dropsATagThatIsOnlyLabels_orAUrl() {
        assertThat(Tags.useful(List.of("COACH SPORTS_FIGURE PERSON", "https://twitter.com/AP_Sports", "NBA"), 10))
                .containsExactly("NBA");
    }

    @Test
    void keepsCapitalisedTagsWithoutLabels() {
        assertThat(Tags.useful(List.of("NASA", "EU AI Act", "COVID-19"), 10))
                .containsExactly("NASA", "EU AI Act", "COVID-19");
    }

    @Test
    void dropsDuplicatesIgnoringCase_keepingTheFirstSpelling_alsoAfterNoiseIsRemoved() {
        assertThat(Tags.useful(List.of("Apple", "apple", "APPLE", "LeBron James", "LeBron James SPORTS_FIGURE"), 10))
                .containsExactly("Apple", "LeBron James");
    }

    @Test
    void keepsAtMostTheLimit_inOrder() {
        List<String> many = IntStream.rangeClosed(1, 64).mapToObj(i -> "tag" + i).toList();

        assertThat(Tags.useful(many, 10)).containsExactlyElementsOf(many.subList(0, 10));
        assertThat(Tags.useful(many, 3)).containsExactly("tag1", "tag2", "tag3");
        assertThat(Tags.useful(Collections.nCopies(20, "same"), 10)).containsExactly("same");
    }
}
