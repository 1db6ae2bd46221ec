package newsroom.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.testing.RepoFiles;
import newsroom.extract.ArticleExtractor;

/**
 * Scores the extractor on a handful of benchmark pages, so a change that breaks extraction fails fast; the full
 * 181-page evaluation is the {@code eval-extraction} command.
 */
class BenchmarkSampleTest {

    private static final int SAMPLE_PAGES = 12;

    @Test
    void extractsSampledBenchmarkPagesWithHighPrecisionAndRecall() throws Exception {
        BenchmarkDataset dataset = BenchmarkDataset.open(RepoFiles.shared("data/article-extraction-benchmark"));
        List<String> ids = List.copyOf(dataset.pages().keySet());
        Map<String, String> truth = new LinkedHashMap<>();
        Map<String, String> predictions = new LinkedHashMap<>();
        ArticleExtractor extractor = new ArticleExtractor();
        for (int i = 0; i < ids.size(); i += ids.size() / SAMPLE_PAGES) {
            BenchmarkDataset.Page page = dataset.pages().get(ids.get(i));
            truth.put(page.id(), page.articleBody());
            predictions.put(page.id(), extractor.extractArticle(dataset.html(page.id()), page.url()).content().text());
        }

        ExtractionScorer.Summary summary = ExtractionScorer.score(truth, predictions);

        assertThat(summary.pages()).hasSizeGreaterThanOrEqualTo(SAMPLE_PAGES);
        assertThat(summary.precision()).isGreaterThan(0.9);
        assertThat(summary.recall()).isGreaterThan(0.9);
    }
}
