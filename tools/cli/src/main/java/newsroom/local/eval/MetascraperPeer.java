package newsroom.local.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jspecify.annotations.Nullable;

/**
 * Runs metascraper with its title, author and date rules (the project's {@code tools/metascraper} node script, pinned
 * versions) over the same decoded pages our extractor reads, for {@code eval-metadata --peers}. Installs the pinned
 * npm dependencies with {@code npm ci} when {@code node_modules} is missing. Runs node with {@code TZ=UTC}; metascraper
 * answers a date as an ISO instant in UTC, and its day is taken in UTC (it keeps no page offset to read it in).
 */
final class MetascraperPeer {

    /** What metascraper found per page, and its mean milliseconds per page (timed inside node). */
    record Result(Map<String, MetadataFigures.Found> found, double msPerPage) {
    }

    private static final NodePeer PEER = new NodePeer("tools/metascraper", "metascraper-eval.js", "metascraper",
            "20+");

    private MetascraperPeer() {
    }

    /** Runs the peer; empty (with a message on {@code err}) when node/npm are missing or the run fails. */
    static Optional<Result> run(MetadataDataset dataset, Map<String, String> decodedPages, PrintStream err) {
        Path pages = null;
        try {
            // metascraper reads the same decoded text our extractor reads, not the raw bytes
            pages = Files.createTempDirectory("metascraper-pages");
            ArrayNode manifest = NodePeer.manifest();
            for (MetadataDataset.Page page : dataset.pages().values()) {
                Path file = pages.resolve(page.id() + ".html");
                Files.writeString(file, decodedPages.get(page.id()), StandardCharsets.UTF_8);
                manifest.addObject().put("id", page.id()).put("url", page.url()).put("file", file.toString());
            }
            return PEER.run(manifest, err).map(MetascraperPeer::read);
        } catch (IOException e) {
            err.println("--peers: " + e.getMessage());
            return Optional.empty();
        } finally {
            NodePeer.deleteQuietly(pages);
        }
    }

    static Result read(JsonNode root) {
        Map<String, MetadataFigures.Found> found = new LinkedHashMap<>();
        double millis = 0;
        int pages = 0;
        for (Map.Entry<String, JsonNode> entry : root.path("output").properties()) {
            JsonNode page = entry.getValue();
            String author = page.path("author").asText(null);
            found.put(entry.getKey(), new MetadataFigures.Found(page.path("title").asText(null),
                    author == null || author.isBlank() ? List.of() : List.of(author),
                    utcDay(page.path("date").asText(null))));
            millis += page.path("ms").asDouble();
            pages++;
        }
        return new Result(found, pages == 0 ? 0 : millis / pages);
    }

    /** The UTC calendar day of metascraper's ISO date, or null when it gave none or one that does not parse. */
    static @Nullable LocalDate utcDay(@Nullable String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(iso.length() >= 10 ? iso.substring(0, 10) : iso);
            } catch (DateTimeParseException notADay) {
                return null;
            }
        }
    }
}
