package newsroom.local.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A dataset in the metadata-dev layout: {@code ground-truth.json} ({@code {id: {url, title, author, date}}}, where
 * {@code author} is a string, a list of strings or null, and {@code date} is {@code YYYY-MM-DD} or null) and
 * {@code html/<id>.html.gz} holding the page's bytes as saved. A null label means "not labelled".
 *
 * @param directory the dataset's folder
 * @param pages     its pages by id, in file order
 */
public record MetadataDataset(Path directory, Map<String, Page> pages) {

    /**
     * One labelled page.
     *
     * @param title  the labelled title, or null when not labelled
     * @param author the labelled author names (one or several), or null when not labelled
     * @param date   the labelled publication day, or null when not labelled (or the label is not a valid day)
     */
    public record Page(String id, @Nullable String url, @Nullable String title, @Nullable List<String> author,
                       @Nullable LocalDate date) {
    }

    /** Reads the labels; throws with the file named when they are missing or not of this layout. */
    public static MetadataDataset open(Path directory) throws IOException {
        return new MetadataDataset(directory, DatasetFolder.readLabels(directory, "metadata-dev",
                "{url, title, author, date}", (id, item) -> new Page(id, text(item.get("url")),
                        text(item.get("title")), authors(item.get("author")),
                        MetadataScorer.dateLabel(text(item.get("date"))))));
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static @Nullable List<String> authors(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual() && !n.asText().isBlank()) {
                    names.add(n.asText());
                }
            });
        } else if (node.isTextual() && !node.asText().isBlank()) {
            names.add(node.asText());
        }
        return names.isEmpty() ? null : List.copyOf(names);
    }

    /**
     * One of two fixed halves of the pages, for checking that a rule change helps on both (a change tuned to one half
     * that does nothing or harm on the other is fitted to those pages): half 0 holds the pages whose id's CRC-32 is
     * even, half 1 the others. The split depends on the ids alone, so it is the same in every run and every checkout.
     */
    public MetadataDataset half(int which) {
        if (which != 0 && which != 1) {
            throw new IllegalArgumentException("half is 0 or 1, not " + which);
        }
        Map<String, Page> half = new LinkedHashMap<>();
        pages.forEach((id, page) -> {
            CRC32 crc = new CRC32();
            crc.update(id.getBytes(StandardCharsets.UTF_8));
            if (crc.getValue() % 2 == which) {
                half.put(id, page);
            }
        });
        return new MetadataDataset(directory, Collections.unmodifiableMap(half));
    }

    /** The page's bytes as saved (decompressed, not decoded). */
    public byte[] bytes(String id) throws IOException {
        return DatasetFolder.bytes(directory, id);
    }
}
