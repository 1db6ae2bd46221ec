package newsroom.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

import newsroom.core.model.ArticleRejectedException;

/**
 * Fuzz target for the extractor: any input ends in an article with text, or in a rejection with a code; nothing
 * else is thrown (no NullPointerException, no StackOverflowError, no OutOfMemoryError in this module's 256 MB test
 * heap), and no input takes longer than the per-input limit.
 *
 * <p>In {@code mvn verify} it runs in Jazzer's regression mode: the empty input and the seeds under
 * {@code src/test/resources/newsroom/extract/ArticleExtractorFuzzTestInputs/} (and any crash Jazzer found and saved
 * there), each under {@link #PER_INPUT}. To fuzz (coverage-guided, for {@code maxDuration}, each input under the
 * same limit; an input over it is a finding):
 * {@code JAZZER_FUZZ=1 mvn -o -pl libs/extract -am test -Dtest=ArticleExtractorFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (see docs/extraction.md).
 */
class ArticleExtractorFuzzTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    /**
     * Per-input time limit, checked in the test itself: JUnit's {@code @Timeout} would also bound a whole fuzzing run
     * under surefire (Jazzer issue 1060).
     */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);

    /** Loads and warms the extractor once, so that class loading does not count against the first input's limit. */
    @BeforeAll
    static void warmUp() {
        EXTRACTOR.extractArticle("<p>" + "Harbour ferries resumed their timetable. ".repeat(20) + "</p>", null);
    }

    @FuzzTest(maxDuration = "60s")
    void extractsAnArticle_orRejectsWithACode(byte[] input) {
        String html = new String(input, StandardCharsets.UTF_8);
        try {
            ExtractedArticle article = assertTimeoutPreemptively(PER_INPUT,
                    () -> EXTRACTOR.extractArticle(html, "https://news.example/a/1"));
            assertThat(article.content().text()).isNotBlank();
            assertThat(article.content().markdown()).isNotBlank();
        } catch (ArticleRejectedException rejected) {
            assertThat(rejected.rejection().code()).isNotNull();
        }
    }
}
