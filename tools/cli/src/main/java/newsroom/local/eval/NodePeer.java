package newsroom.local.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jspecify.annotations.Nullable;

/**
 * A pinned npm tool of {@code tools/} that an {@code --peers} evaluation runs over the same pages: found above the
 * working folder, installed once with {@code npm ci} when {@code node_modules} is missing, then run as
 * {@code node SCRIPT MANIFEST OUTPUT} in its folder with {@code TZ=UTC}. The manifest is a JSON array of pages
 * ({@code id}, {@code url}, {@code file}); the script writes its answers to OUTPUT as JSON.
 */
final class NodePeer {

    private static final long TIMEOUT_MINUTES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String toolDir;
    private final String script;
    private final String label;
    private final String nodeVersion;

    /**
     * @param toolDir     the tool's folder from the repository root, e.g. {@code tools/readability}
     * @param script      the node script in it
     * @param label       what the peer is called in messages
     * @param nodeVersion the Node.js version it needs, for the message when node is missing
     */
    NodePeer(String toolDir, String script, String label, String nodeVersion) {
        this.toolDir = toolDir;
        this.script = script;
        this.label = label;
        this.nodeVersion = nodeVersion;
    }

    /** A new, empty manifest to add the pages to. */
    static ArrayNode manifest() {
        return JSON.createArrayNode();
    }

    /**
     * Runs the tool over {@code manifest}; its output JSON, or empty (with the reason on {@code err}) when the tool
     * is not found, node or npm are missing, or the run fails.
     */
    Optional<JsonNode> run(ArrayNode manifest, PrintStream err) {
        Optional<Path> found = findToolDir();
        if (found.isEmpty()) {
            err.println("--peers: " + toolDir + "/package.json not found above " + Paths.get("").toAbsolutePath()
                    + "; run from the repository");
            return Optional.empty();
        }
        Path dir = found.get();
        Path work = null;
        try {
            if (!succeeds(List.of("node", "--version"), dir, err)) {
                err.println("--peers: node is not installed (Node.js " + nodeVersion + " and npm are needed to run "
                        + label + ")");
                return Optional.empty();
            }
            if (!Files.isDirectory(dir.resolve("node_modules"))) {
                err.println("--peers: installing the pinned " + label + " with npm ci --prefix " + dir);
                if (!succeeds(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", dir.toString()), dir, err)) {
                    err.println("--peers: npm ci failed (is npm installed and the npm registry reachable?)");
                    return Optional.empty();
                }
            }
            work = Files.createTempDirectory("peer-" + label.toLowerCase(Locale.ROOT).replace(' ', '-'));
            Path manifestFile = work.resolve("manifest.json");
            Path output = work.resolve("output.json");
            JSON.writeValue(manifestFile.toFile(), manifest);
            if (!succeeds(List.of("node", dir.resolve(script).toString(), manifestFile.toString(), output.toString()),
                    dir, err)) {
                err.println("--peers: the " + label + " run failed");
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(output.toFile()));
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

    private Optional<Path> findToolDir() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(toolDir);
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

    static void deleteQuietly(@Nullable Path dir) {
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
