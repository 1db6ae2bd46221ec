package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.SourceContext;
import newsroom.core.testing.RepoFiles;

/** The reference article of the target shape, ingested as a file, comes out exactly as the hand-written expectation. */
class CanonicalExampleTest {

    private final FrontMatterNormalizer normalizer = new FrontMatterNormalizer(SiteConfig.defaults());
    private final SourceContext context = SourceContext.ofFile("coinlive-apple-alibaba.md");

    @Test
    void writesTheExampleExactly_withRfc3339DateAndSlugAdded() throws IOException {
        byte[] input = Files.readAllBytes(RepoFiles.shared("examples/coinlive-apple-alibaba.md"));

        NormalizedArticle article = normalizer.normalize(input, context);

        assertThat(article.markdown()).isEqualTo(resource("frontmatter/coinlive-apple-alibaba.expected.md"));
    }

    @Test
    void keepsTheExampleBodyByteForByte() throws IOException {
        String input = Files.readString(RepoFiles.shared("examples/coinlive-apple-alibaba.md"));
        String bodyAsWritten = input.substring(input.indexOf("\n---\n") + "\n---\n\n".length());

        NormalizedArticle article = normalizer.normalize(input.getBytes(StandardCharsets.UTF_8), context);

        assertThat(article.body()).isEqualTo(bodyAsWritten);
    }

    @Test
    void changesNoByte_whenItsOwnOutputIsNormalizedAgain() throws IOException {
        String once = normalizer.normalize(Files.readAllBytes(RepoFiles.shared("examples/coinlive-apple-alibaba.md")),
                context).markdown();

        String twice = normalizer.normalize(once.getBytes(StandardCharsets.UTF_8), context).markdown();

        assertThat(twice).isEqualTo(once);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CanonicalExampleTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
