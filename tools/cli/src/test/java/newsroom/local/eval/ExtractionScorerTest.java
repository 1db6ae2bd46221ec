package newsroom.local.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.core.testing.RepoFiles;

class ExtractionScorerTest {

    private static final Path BENCHMARK = RepoFiles.shared("data/article-extraction-benchmark");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "trafilatura.json, 0.938289, 0.977519, 0.957503, 0.292818",
            "boilerpipe.json,  0.849747, 0.869764, 0.859639, 0.005525",
            "html-text.json,   0.499508, 0.994196, 0.664936, 0.0",
    })
    void reproducesReferenceFigures_forBenchmarkPredictionFiles(String file, double precision, double recall,
                                                                  double f1, double accuracy) throws Exception {
        BenchmarkDataset dataset = BenchmarkDataset.open(BENCHMARK);
        Map<String, String> predictions = BenchmarkDataset.readPredictions(BENCHMARK.resolve("output").resolve(file));

        ExtractionScorer.Summary summary = ExtractionScorer.score(dataset.truth(), predictions);

        assertThat(summary.precision()).isCloseTo(precision, within(5e-7));
        assertThat(summary.recall()).isCloseTo(recall, within(5e-7));
        assertThat(summary.f1()).isCloseTo(f1, within(5e-7));
        assertThat(summary.accuracy()).isCloseTo(accuracy, within(5e-7));
    }

    @Test
    void tokensAreRunsOfLettersDigitsAndUnderscores_caseKept() {
        assertThat(ExtractionScorer.tokens("Héllo, wörld_2 — it's 3.5%")).containsExactly(
                "Héllo", "wörld_2", "it", "s", "3", "5");
    }

    @Test
    void countsRepeatedShinglesWithMultiplicity() {
        ExtractionScorer.PageScore score = ExtractionScorer.scorePage("p", "a b c d a b c d", "a b c d");

        // truth shingles: abcd x2, bcda, cdab, dabc; prediction: abcd
        assertThat(List.of(score.truePositives(), score.falsePositives(), score.falseNegatives()))
                .containsExactly(1L, 0L, 4L);
    }

    @Test
    void shortTextGivesOneShortShingle() {
        ExtractionScorer.PageScore score = ExtractionScorer.scorePage("p", "two words", "two words");

        assertThat(score.truePositives()).isEqualTo(1);
        assertThat(score.exactMatch()).isTrue();
    }

    @Test
    void missingPredictionCountsAsEmptyText_withZeroRecallAndNoPrecisionSample() {
        ExtractionScorer.Summary summary = ExtractionScorer.score(
                Map.of("a", "one two three four five", "b", "six seven eight nine"),
                Map.of("b", "six seven eight nine"));

        assertThat(summary.recall()).isEqualTo(0.5);
        assertThat(summary.precision()).isEqualTo(1.0);
        assertThat(summary.accuracy()).isEqualTo(0.5);
    }
}
