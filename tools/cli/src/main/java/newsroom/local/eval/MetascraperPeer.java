package newsroom.local.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

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

    private static final String TOOL_DIR = "tools/metascraper";
    private static final long TIMEOUT_MINUTES = 30;

    private MetascraperPeer() {
    }

    /** Runs the peer; empty (with a message on {@code err}) when node/npm are missing or the run fails. */
    static Optional<Result> run(MetadataDataset dataset, Map<String, String> decodedPages, PrintStream err) {
        Optional<Path> toolDir = findToolDir();
        if (toolDir.isEmpty()) {
            err.println("--peers: " + TOOL_DIR + "/package.json not found above " + Paths.get("").toAbsolutePath()
                    + "; run from the repository");
            return Optional.empty();
        }
        Path dir = toolDir.get();
        Path work = null;
        try {
            if (!succeeds(List.of("node", "--version"), dir, err)) {
                err.println("--peers: node is not installed (Node.js 20+ and npm are needed to run metascraper)");
                return Optional.empty();
            }
            if (!Files.isDirectory(dir.resolve("node_modules"))) {
                err.println("--peers: installing pinned metascraper with npm ci --prefix " + dir);
                if (!succeeds(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", dir.toString()), dir, err)) {
                    err.println("--peers: npm ci failed (is npm installed and the npm registry reachable?)");
                    return Optional.empty();
                }
            }
            work = Files.createTempDirectory("metascraper-peer");
            ObjectMapper json = new ObjectMapper();
            ArrayNode manifest = json.createArrayNode();
            for (MetadataDataset.Page page : dataset.pages().values()) {
                Path file = work.resolve(page.id() + ".html");
                Files.writeString(file, decodedPages.get(page.id()), StandardCharsets.UTF_8);
                manifest.addObject().put("id", page.id()).put("url", page.url()).put("file", file.toString());
            }
            Path manifestFile = work.resolve("manifest.json");
            Path output = work.resolve("output.json");
            json.writeValue(manifestFile.toFile(), manifest);
            if (!succeeds(List.of("node", dir.resolve("metascraper-eval.js").toString(), manifestFile.toString(),
                    output.toString()), dir, err)) {
                err.println("--peers: the metascraper run failed");
                return Optional.empty();
            }
            return Optional.of(read(json.readTree(output.toFile())));
        } catch (IOException e) {
            err.println("--peers: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("--peers: interrupted");
            return Optional.empty();
        } finally {
            deleteQuietly(work);
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
                    author == null || author.isBlank() ? List.of() : List.of(author), utcDay(page.path("date").asText(null))));
            millis += page.path("ms").asDouble();
            pages++;
        }
        return new Result(found, pages == 0 ? 0 : millis / pages);
    }

    /** The UTC calendar day of metascraper's ISO date, or null when it gave none or one that does not parse. */
    static LocalDate utcDay(String iso) {
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

    private static Optional<Path> findToolDir() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(TOOL_DIR);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a process (TZ=UTC) with inherited stderr; false when it cannot start or exits non-zero. */
    private static boolean succeeds(List<String> command, Path dir, PrintStream err) throws InterruptedException {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("TZ", "UTC");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                err.println("--peers: " + command.get(0) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException cannotStart) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
