package newsroom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    private static final String PARAGRAPH = "The council voted on Tuesday to expand the tram network by twelve "
            + "kilometres, ending a debate that lasted more than ten years in the city.";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExtractCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsMetadataWithOriginsMarkdownAndText() throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html lang=\"en\"><head><meta property=\"og:title\" content=\"Trams\">"
                + "<meta property=\"og:image\" content=\"/t.jpg\"></head><body><article><p>" + PARAGRAPH
                + " <a href=\"/plan\">Plan</a>.</p></article></body></html>");

        int exit = run(page.toString(), "--url", "https://news.example.com/trams");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/metadata/title/value").asText()).isEqualTo("Trams");
        assertThat(json.at("/metadata/title/origin").asText()).isEqualTo("meta:og:title");
        assertThat(json.at("/metadata/leadImage/value").asText()).isEqualTo("https://news.example.com/t.jpg");
        assertThat(json.at("/metadata/language/origin").asText()).isEqualTo("html[lang]");
        assertThat(json.at("/markdown").asText()).isEqualTo(PARAGRAPH + " [Plan](https://news.example.com/plan).\n");
        assertThat(json.at("/text").asText()).isEqualTo(PARAGRAPH + " Plan.");
    }

    @Test
    void reportsARejection_withoutAStackTrace() throws IOException {
        Path page = dir.resolve("empty.html");
        Files.writeString(page, "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");

        int exit = run(page.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "extract: rejected: NO_ARTICLE_CONTENT (no block of the page looks like article text)"
                        + System.lineSeparator());
    }

    @Test
    void reportsAMissingFile() {
        int exit = run(dir.resolve("missing.html").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("extract: cannot read ");
    }
}
