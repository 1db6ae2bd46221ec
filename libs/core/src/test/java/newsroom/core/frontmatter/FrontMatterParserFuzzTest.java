package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.RawArticle;

/**
 * Fuzz target for the front-matter parser: any file ends in fields and a body, or in a rejection with a code;
 * nothing else is thrown, and no input takes longer than the per-input limit.
 *
 * <p>In {@code mvn verify} it runs in Jazzer's regression mode: the empty input and the seeds under
 * {@code src/test/resources/newsroom/core/frontmatter/FrontMatterParserFuzzTestInputs/}, each under the
 * {@link #PER_INPUT}. To fuzz (an input over the limit is a finding):
 * {@code JAZZER_FUZZ=1 mvn -o -pl libs/core test -Dtest=FrontMatterParserFuzzTest} (see docs/extraction.md).
 */
class FrontMatterParserFuzzTest {

    private static final FrontMatterParser PARSER = new FrontMatterParser();
    /**
     * Per-input time limit, checked in the test itself: JUnit's {@code @Timeout} would also bound a whole fuzzing run
     * under surefire (Jazzer issue 1060).
     */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);

    /** Loads the parsers once, so that class loading does not count against the first input's limit. */
    @BeforeAll
    static void warmUp() {
        PARSER.parse("---\ntitle: t\n---\nbody\n".getBytes(StandardCharsets.UTF_8));
        PARSER.parse("+++\ntitle = 't'\n+++\nbody\n".getBytes(StandardCharsets.UTF_8));
        PARSER.parse("{\"title\": \"t\"}\nbody\n".getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    void parsesAFile_orRejectsWithACode(byte[] file) {
        try {
            RawArticle article = assertTimeoutPreemptively(PER_INPUT, () -> PARSER.parse(file));
            assertThat(article.fields()).isNotNull();
            assertThat(article.body()).isNotNull();
        } catch (ArticleRejectedException rejected) {
            assertThat(rejected.rejection().code()).isNotNull();
        }
    }
}
