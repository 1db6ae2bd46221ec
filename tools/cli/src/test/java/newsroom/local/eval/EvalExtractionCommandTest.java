package newsroom.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalExtractionCommandTest {

    private static final String BODY = "Trams return to the city centre after forty years, the council decided on "
            + "Tuesday evening after a long debate.\nBuilding starts next spring and the first line opens in three "
            + "years, officials said.\nOpponents wanted buses, which they said would be cheaper and quicker to run.";

    @TempDir
    Path dataset;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EvalExtractionCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void writeDataset() throws IOException {
        Files.writeString(dataset.resolve("ground-truth.json"), "{\"page1\": {\"articleBody\": "
                + new ObjectMapper().writeValueAsString(BODY) + ", \"url\": \"https://news.example.com/trams\"}}");
        Files.createDirectories(dataset.resolve("html"));
        StringBuilder html = new StringBuilder("<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Trams</h1>");
        for (String paragraph : BODY.split("\n")) {
            html.append("<p>").append(paragraph).append("</p>");
        }
        html.append("</article><footer>Contact the newsroom</footer></body></html>");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dataset.resolve("html/page1.html.gz")))) {
            gz.write(html.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void scoresEveryPage_andWritesPredictions() throws IOException {
        writeDataset();
        Path predictions = dataset.resolve("out/predictions.json");

        int exit = run(dataset.toString(), "--out", predictions.toString());

        assertThat(exit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("1 pages from");
        assertThat(printed).containsPattern("newsroom \\(jsoup\\)\\s+1\\.0000\\s+1\\.0000\\s+1\\.0000\\s+1\\.0000");
        assertThat(printed).contains("worst 10 pages",
                "F1 1.000  P 1.000  R 1.000  page1  https://news.example.com/trams");
        JsonNode written = new ObjectMapper().readTree(predictions.toFile());
        assertThat(written.path("page1").path("articleBody").asText()).isEqualTo(BODY);
    }

    @Test
    void failsWithAClearMessage_whenTheFolderIsNotADataset() {
        int exit = run(dataset.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ground-truth.json not found");
    }

    @Test
    void printsUsage_whenTheDatasetIsMissing() {
        int exit = run("--peers");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(EvalExtractionCommand.USAGE);
    }

    @Test
    void failsWithAClearMessage_whenAPageFileIsMissing() throws IOException {
        writeDataset();
        Files.delete(dataset.resolve("html/page1.html.gz"));

        int exit = run(dataset.toString(), "--out", dataset.resolve("p.json").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("eval-extraction: cannot read page page1: ");
    }
}
