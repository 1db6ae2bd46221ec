package newsroom.local.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
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

    private static final NodePeer PEER = new NodePeer("tools/readability", "readability-eval.js",
            "Readability + jsdom", "20.19+");

    private ReadabilityPeer() {
    }

    /** Runs the peer; empty (with a message on {@code err}) when node/npm are missing or the run fails. */
    static Optional<Result> run(BenchmarkDataset dataset, PrintStream err) {
        ArrayNode pages = NodePeer.manifest();
        for (BenchmarkDataset.Page page : dataset.pages().values()) {
            pages.addObject().put("id", page.id()).put("url", page.url())
                    .put("file", dataset.htmlFile(page.id()).toAbsolutePath().toString());
        }
        return PEER.run(pages, err).map(ReadabilityPeer::read);
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
}
