package newsroom.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The scoring rules of shared/data/metadata-dev/README.md, one case each. */
class MetadataScorerTest {

    @Test
    void normalizationFoldsCaseQuotesDashesSpacesAndCompatibilityForms() {
        assertThat(MetadataScorer.normalize("  \u201CStra\u00DFe\u201D \u2013 Caf\u00E9\u00A0 \uFB01le  "))
                .isEqualTo("\"strasse\" - caf\u00E9 file");
    }

    @Test
    void titleExactComparesNormalizedStrings() {
        assertThat(MetadataScorer.titleExact("Die \u201EWende\u201C \u2014 jetzt", "die \"wende\" - JETZT")).isTrue();
        assertThat(MetadataScorer.titleExact("Die Wende", "Die Wende | Zeitung")).isFalse();
        assertThat(MetadataScorer.titleExact("Die Wende", null)).isFalse();
    }

    @Test
    void tokenF1IsTheMultisetOverlap() {
        // truth 4 tokens, predicted 6 with 4 in common: P 4/6, R 1 -> F1 0.8
        assertThat(MetadataScorer.titleTokenF1("Die Wende kommt jetzt", "Die Wende kommt jetzt | Die Zeitung"))
                .isCloseTo(0.8, Offset.offset(1e-9));
        assertThat(MetadataScorer.titleTokenF1("a b", null)).isZero();
        assertThat(MetadataScorer.titleTokenF1("x y", "z")).isZero();
    }

    @Test
    void authorsAreMultisetsOfNameTokensWithoutJoiningWords() {
        assertThat(MetadataScorer.authorExact(List.of("Anna Muster und Ben Beispiel"),
                List.of("Ben Beispiel", "Anna Muster"))).isTrue();
        assertThat(MetadataScorer.authorExact(List.of("Anna Muster"), List.of("Von Anna Muster"))).isFalse();
        assertThat(MetadataScorer.authorExact(List.of("Anna Muster"), List.of())).isFalse();
        assertThat(MetadataScorer.authorTokenF1(List.of("Anna Muster"), List.of("Anna Muster", "Redaktion")))
                .isCloseTo(0.8, Offset.offset(1e-9));
    }

    @Test
    void datesCountByCalendarDayAndBadLabelsAreNoLabel() {
        LocalDate label = LocalDate.of(2020, 6, 4);
        assertThat(MetadataScorer.date(label, LocalDate.of(2020, 6, 4))).isEqualTo(MetadataScorer.DateOutcome.CORRECT);
        assertThat(MetadataScorer.date(label, LocalDate.of(2020, 6, 5))).isEqualTo(MetadataScorer.DateOutcome.WRONG);
        assertThat(MetadataScorer.date(label, null)).isEqualTo(MetadataScorer.DateOutcome.NONE);
        assertThat(MetadataScorer.dateLabel("2020-02-30")).isNull();
        assertThat(MetadataScorer.dateLabel("2020-06-04")).isEqualTo(label);
    }

    @Test
    void figuresFollowTheDefinitions() {
        // P = 3/(3+1), R = 3/(3+2)
        MetadataFigures f = new MetadataFigures(10, 6, 3, 1, 2, 0, 0, 0, 0, 0, 0, 0);
        assertThat(f.datePrecision()).isEqualTo(0.75);
        assertThat(f.dateRecall()).isEqualTo(0.6);
        assertThat(f.dateF1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, Offset.offset(1e-12));
        assertThat(f.dateAccuracy()).isEqualTo(0.5);
    }

    @Test
    void metascraperDatesAreReadAsUtcDays() {
        assertThat(MetascraperPeer.utcDay("2020-06-03T22:30:00.000Z")).isEqualTo(LocalDate.of(2020, 6, 3));
        assertThat(MetascraperPeer.utcDay(null)).isNull();
        assertThat(MetascraperPeer.utcDay("not a date")).isNull();
    }
}
