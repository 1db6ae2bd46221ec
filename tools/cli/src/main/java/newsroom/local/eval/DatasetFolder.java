package newsroom.local.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The folder layout every labelled dataset here shares: {@code ground-truth.json} (a JSON object of page id to that
 * page's labels) and {@code html/<id>.html.gz} (the page's bytes as saved).
 */
final class DatasetFolder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetFolder() {
    }

    /**
     * Reads {@code ground-truth.json}, one page per entry in file order.
     *
     * @param layout the layout's name, for the error ({@code metadata-dev})
     * @param labels the shape of one page's labels, for the error ({@code {url, title, author, date}})
     * @param page   builds a page from its id and its labels
     * @throws IOException naming the file when it is missing or not a JSON object
     */
    static <P> Map<String, P> readLabels(Path directory, String layout, String labels,
                                         BiFunction<String, JsonNode, P> page) throws IOException {
        Path truthFile = directory.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new IOException(truthFile + " not found (expected the " + layout + " layout: ground-truth.json and"
                    + " html/<id>.html.gz)");
        }
        JsonNode root = JSON.readTree(truthFile.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(truthFile + ": expected a JSON object of id -> " + labels);
        }
        Map<String, P> pages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            pages.put(entry.getKey(), page.apply(entry.getKey(), entry.getValue()));
        }
        return Collections.unmodifiableMap(pages);
    }

    /** Path of a page's gzipped HTML. */
    static Path htmlFile(Path directory, String id) {
        return directory.resolve("html").resolve(id + ".html.gz");
    }

    /** The page's bytes as saved (decompressed, not decoded). */
    static byte[] bytes(Path directory, String id) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(htmlFile(directory, id)))) {
            return in.readAllBytes();
        }
    }
}
