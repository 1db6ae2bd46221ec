package newsroom.local.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import newsroom.core.ingest.HtmlDecoding;

/**
 * A dataset in the article-extraction-benchmark layout: {@code ground-truth.json} (id to {@code {articleBody, url}})
 * and {@code html/<id>.html.gz}. Also reads prediction files in either of the benchmark's two formats.
 *
 * @param directory the dataset's folder
 * @param pages     its pages by id, in file order
 */
public record BenchmarkDataset(Path directory, Map<String, Page> pages) {

    /** One page of the dataset: its id, the URL it was fetched from, and the article text a person marked. */
    public record Page(String id, @Nullable String url, String articleBody) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads {@code ground-truth.json} of the dataset in {@code directory}.
     *
     * @throws IOException when the file is missing or not the expected JSON object
     */
    public static BenchmarkDataset open(Path directory) throws IOException {
        return new BenchmarkDataset(directory, DatasetFolder.readLabels(directory, "article-extraction-benchmark",
                "{articleBody, url}", (id, item) -> new Page(id, item.path("url").asText(null),
                        item.path("articleBody").asText(""))));
    }

    /** Page id to true article text, in file order. */
    public Map<String, String> truth() {
        Map<String, String> truth = new LinkedHashMap<>();
        pages.forEach((id, page) -> truth.put(id, page.articleBody()));
        return truth;
    }

    /** Path of a page's gzipped HTML. */
    public Path htmlFile(String id) {
        return DatasetFolder.htmlFile(directory, id);
    }

    /** The page's HTML, decompressed and decoded as a local file is ({@link HtmlDecoding}: BOM, meta, detection). */
    public String html(String id) {
        try {
            return HtmlDecoding.decode(DatasetFolder.bytes(directory, id), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page " + id, e);
        }
    }

    /**
     * Reads a predictions file: {@code {id: {"articleBody": text}}} or {@code {"version": ..., "output": {id: ...}}}.
     *
     * @return page id to predicted text; entries without an {@code articleBody} string map to ""
     */
    public static Map<String, String> readPredictions(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object of predictions");
        }
        JsonNode items = root.has("output") && root.get("output").isObject() ? root.get("output") : root;
        Map<String, String> predictions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : items.properties()) {
            JsonNode body = entry.getValue().path("articleBody");
            predictions.put(entry.getKey(), body.isTextual() ? body.asText() : "");
        }
        return predictions;
    }
}
