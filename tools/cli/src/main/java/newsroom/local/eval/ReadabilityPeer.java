package newsroom.local.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Runs Mozilla Readability 0.6.0 on jsdom (the project's {@code tools/readability} node script) over a dataset, for
 * comparison. Installs the pinned npm dependencies with {@code npm ci} when {@code node_modules} is missing. Timing is
 * measured inside node per page (parse + extract, after a warm-up pass), so node startup is not counted.
 */
final class ReadabilityPeer {

    /** The peer's predictions and its milliseconds per page. */
    record Result(Map<String, String> predictions, PageTimes times) {
    }

    private static final String TOOL_DIR = "tools/readability";
    private static final long TIMEOUT_MINUTES = 30;

    private ReadabilityPeer() {
    }

    /** Runs the peer; empty (with a message on {@code err}) when node/npm are missing or the run fails. */
    static Optional<Result> run(BenchmarkDataset dataset, PrintStream err) {
        Optional<Path> toolDir = findToolDir();
        if (toolDir.isEmpty()) {
            err.println("--peers: " + TOOL_DIR + "/package.json not found above " + Paths.get("").toAbsolutePath()
                    + "; run from the repository");
            return Optional.empty();
        }
        Path dir = toolDir.get();
        try {
            if (!succeeds(List.of("node", "--version"), dir, err)) {
                err.println("--peers: node is not installed (Node.js 20.19+ and npm are needed to run Readability)");
                return Optional.empty();
            }
            if (!Files.isDirectory(dir.resolve("node_modules"))) {
                err.println("--peers: installing pinned Readability + jsdom with npm ci --prefix " + dir);
                if (!succeeds(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", dir.toString()), dir, err)) {
                    err.println("--peers: npm ci failed (is npm installed and the npm registry reachable?)");
                    return Optional.empty();
                }
            }
            Path manifest = Files.createTempFile("readability-manifest", ".json");
            Path output = Files.createTempFile("readability-output", ".json");
            try {
                ObjectMapper json = new ObjectMapper();
                ArrayNode pages = json.createArrayNode();
                for (BenchmarkDataset.Page page : dataset.pages().values()) {
                    pages.addObject().put("id", page.id()).put("url", page.url())
                            .put("file", dataset.htmlFile(page.id()).toAbsolutePath().toString());
                }
                json.writeValue(manifest.toFile(), pages);
                if (!succeeds(List.of("node", dir.resolve("readability-eval.js").toString(), manifest.toString(),
                        output.toString()), dir, err)) {
                    err.println("--peers: the Readability run failed");
                    return Optional.empty();
                }
                return Optional.of(read(json.readTree(output.toFile())));
            } finally {
                Files.deleteIfExists(manifest);
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            err.println("--peers: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("--peers: interrupted");
            return Optional.empty();
        }
    }

    private static Result read(JsonNode root) {
        Map<String, String> predictions = new LinkedHashMap<>();
        List<Double> millis = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("output").properties()) {
            predictions.put(entry.getKey(), entry.getValue().path("articleBody").asText(""));
            millis.add(entry.getValue().path("ms").asDouble());
        }
        return new Result(predictions, new PageTimes(millis));
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

    /** Runs a process with inherited stderr; false when it cannot start or exits non-zero. */
    private static boolean succeeds(List<String> command, Path dir, PrintStream err)
            throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
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
}
