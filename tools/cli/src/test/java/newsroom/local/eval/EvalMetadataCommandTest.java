package newsroom.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval-metadata on a small dataset written by the test, in the metadata-dev layout. */
class EvalMetadataCommandTest {

    @TempDir
    Path dir;

    private static String page(String head, String body) {
        return "<!doctype html><html lang=\"de\"><head>" + head + "</head><body><article>" + body
                + "<p>Die Hafenbehörde bestellt sechs Fähren mit Solarantrieb, die ab dem Frühjahr fahren sollen."
                + " Der Betrieb soll leiser und sauberer werden als bisher, sagt die Behörde.</p>"
                + "<p>Die Kosten liegen bei zwölf Millionen Euro, die zur Hälfte der Bund trägt.</p></article>"
                + "</body></html>";
    }

    private void writePage(String id, String html, Charset charset) throws IOException {
        Files.createDirectories(dir.resolve("html"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/" + id + ".html.gz")))) {
            out.write(html.getBytes(charset));
        }
    }

    @Test
    void scoresEveryFieldAndWritesTheJsonFigures() throws IOException {
        writePage("a", page("<title>Sechs Solarfähren</title>"
                + "<meta property=\"article:published_time\" content=\"2020-06-04T09:00:00+02:00\">"
                + "<meta name=\"author\" content=\"Anna Muster\">", "<h1>Sechs Solarfähren</h1>"),
                StandardCharsets.UTF_8);
        // declared windows-1252: read through the page's own charset, so "Fähren" is not mojibake
        writePage("b", page("<meta charset=\"windows-1252\"><title>Neue Fähren</title>"
                + "<meta property=\"article:published_time\" content=\"2019-01-01T09:00:00+01:00\">",
                "<h1>Neue Fähren</h1>"), Charset.forName("windows-1252"));
        writePage("c", page("<title>Ohne Datum</title>", "<h1>Ohne Datum</h1>"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ground-truth.json"), """
                {"a": {"url": "https://news.example/a", "title": "Sechs Solarfähren", "author": "Anna Muster",\
                 "date": "2020-06-04"},
                 "b": {"url": "https://news.example/b", "title": "Neue Fähren", "author": ["Ben Beispiel"],\
                 "date": "2019-01-02"},
                 "c": {"url": "https://news.example/c", "title": "Ohne Datum", "author": null, "date": "2021-05-05"}}
                """);
        Path json = dir.resolve("out/figures.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = EvalMetadataCommand.run(new String[] {dir.toString(), "--halves", "--json", json.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(code).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("newsroom").contains("date misses (2;").contains("b want 2019-01-02 got 2019-01-01");
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertThat(figures.path("pages").asInt()).isEqualTo(3);
        assertThat(figures.path("date").path("correct").asInt()).isEqualTo(1);
        assertThat(figures.path("date").path("wrong").asInt()).isEqualTo(1);
        assertThat(figures.path("date").path("none").asInt()).isEqualTo(1);
        assertThat(figures.path("date").path("precision").asDouble()).isEqualTo(0.5);
        assertThat(figures.path("title").path("pages").asInt()).isEqualTo(3);
        assertThat(figures.path("title").path("exact").asDouble()).isEqualTo(1.0);
        assertThat(figures.path("author").path("pages").asInt()).isEqualTo(2);
        assertThat(figures.path("author").path("exact").asDouble()).isEqualTo(0.5);
        // the halves partition the three pages
        assertThat(table).contains("newsroom A").contains("newsroom B");
        assertThat(figures.path("halves").path("A").path("pages").asInt()
                + figures.path("halves").path("B").path("pages").asInt()).isEqualTo(3);
    }

    @Test
    void theTwoHalvesSplitThePagesByTheirIdsTheSameWayEveryTime() throws IOException {
        StringBuilder truth = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            truth.append(i == 0 ? "" : ",").append("\"p").append(i).append("\": {\"url\": \"https://news.example/p")
                    .append(i).append("\", \"title\": \"T\", \"author\": null, \"date\": null}");
        }
        Files.writeString(dir.resolve("ground-truth.json"), truth.append("}").toString());
        MetadataDataset dataset = MetadataDataset.open(dir);

        MetadataDataset first = dataset.half(0);
        MetadataDataset second = dataset.half(1);
        assertThat(first.pages().size() + second.pages().size()).isEqualTo(40);
        assertThat(first.pages().keySet()).doesNotContainAnyElementsOf(second.pages().keySet()).isNotEmpty();
        assertThat(second.pages()).isNotEmpty();
        assertThat(MetadataDataset.open(dir).half(0).pages().keySet()).isEqualTo(first.pages().keySet());
    }

    @Test
    void aFolderOfAnotherLayoutIsAClearError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EvalMetadataCommand.run(new String[] {dir.toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ground-truth.json not found");
    }

    @Test
    void usageErrorsExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(EvalMetadataCommand.run(new String[] {}, System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(EvalMetadataCommand.run(new String[] {"x", "--worst", "many"}, System.out, new PrintStream(err,
                true, StandardCharsets.UTF_8))).isEqualTo(2);
    }
}
