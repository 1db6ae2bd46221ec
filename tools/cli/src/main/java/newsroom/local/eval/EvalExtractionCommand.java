package newsroom.local.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import newsroom.core.model.ArticleRejectedException;
import newsroom.extract.ArticleExtractor;
import newsroom.local.Arguments;

/**
 * {@code eval-extraction DATASET_DIR [--out FILE] [--peers]}: extracts every page of a dataset in the
 * article-extraction-benchmark layout, writes the predictions, and prints precision, recall, F1, exact-match accuracy,
 * ms/page (mean and median) and the 10 worst pages. With {@code --peers} it also runs Mozilla Readability on jsdom over
 * the same pages (see {@link ReadabilityPeer}) and prints its figures beside ours. The ground truth is read only to
 * score.
 */
public final class EvalExtractionCommand {

    static final String USAGE = "usage: eval-extraction DATASET_DIR [--out FILE] [--peers]";
    private static final Path DEFAULT_OUT = Paths.get("target", "extraction-predictions.json");
    private static final int WORST_PAGES = 10;

    private EvalExtractionCommand() {
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Arguments.run(args, USAGE, Set.of("--out"), Set.of("--peers"), out, err, arguments -> {
            Path dataset = Paths.get(arguments.single("DATASET_DIR"));
            Path predictionsFile = Paths.get(arguments.option("--out", DEFAULT_OUT.toString()));
            return evaluate(dataset, predictionsFile, arguments.flag("--peers"), out, err);
        });
    }

    private static int evaluate(Path dataset, Path predictionsFile, boolean peers, PrintStream out, PrintStream err) {
        try {
            return evaluateDataset(dataset, predictionsFile, peers, out, err);
        } catch (IOException e) {
            err.println("eval-extraction: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("eval-extraction: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
    }

    private static int evaluateDataset(Path datasetDir, Path predictionsFile, boolean peers, PrintStream out,
                                       PrintStream err) throws IOException {
        BenchmarkDataset dataset = BenchmarkDataset.open(datasetDir);
        Map<String, String> htmlById = new LinkedHashMap<>();
        for (BenchmarkDataset.Page page : dataset.pages().values()) {
            htmlById.put(page.id(), dataset.html(page.id()));
        }
        out.printf(Locale.ROOT, "eval-extraction: %d pages from %s%n", htmlById.size(), datasetDir);

        ArticleExtractor extractor = new ArticleExtractor();
        runOurs(extractor, dataset, htmlById, new LinkedHashMap<>(), new ArrayList<>()); // warm-up, untimed
        Map<String, String> predictions = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        PageTimes ourTimes = runOurs(extractor, dataset, htmlById, predictions, rejected);
        writePredictions(predictionsFile, dataset, predictions);

        Map<String, String> truth = dataset.truth();
        ExtractionScorer.Summary ours = ExtractionScorer.score(truth, predictions);
        out.printf(Locale.ROOT, "%-23s %9s %9s %9s %9s %9s %9s%n", "extractor", "precision", "recall", "F1",
                "accuracy", "ms/page", "median ms");
        printRow(out, "newsroom (jsoup)", ours, ourTimes);
        if (peers) {
            Optional<ReadabilityPeer.Result> peer = ReadabilityPeer.run(dataset, err);
            if (peer.isPresent()) {
                ExtractionScorer.Summary theirs = ExtractionScorer.score(truth, peer.get().predictions());
                PageTimes theirTimes = peer.get().times();
                printRow(out, "readability 0.6.0+jsdom", theirs, theirTimes);
                out.printf(Locale.ROOT, "ratio newsroom/readability: F1 %.3f; speed %.1fx faster per page (mean), "
                                + "%.1fx (median)%n", ours.f1() / theirs.f1(), theirTimes.mean() / ourTimes.mean(),
                        theirTimes.median() / ourTimes.median());
            }
        }
        if (!rejected.isEmpty()) {
            out.printf(Locale.ROOT, "rejected (empty prediction): %d page(s): %s%n", rejected.size(), rejected);
        }
        out.println("worst " + WORST_PAGES + " pages (newsroom):");
        ours.pages().stream()
                .sorted(Comparator.comparingDouble(ExtractionScorer.PageScore::f1))
                .limit(WORST_PAGES)
                .forEach(p -> out.printf(Locale.ROOT, "  F1 %.3f  P %.3f  R %.3f  %s  %s%n", p.f1(), p.precision(),
                        p.recall(), p.id(), dataset.pages().get(p.id()).url()));
        out.println("predictions written to " + predictionsFile);
        return 0;
    }

    /** Extracts every page; returns the milliseconds spent inside the extractor per page. */
    private static PageTimes runOurs(ArticleExtractor extractor, BenchmarkDataset dataset,
                                     Map<String, String> htmlById, Map<String, String> predictions,
                                     List<String> rejected) {
        List<Double> millis = new ArrayList<>(htmlById.size());
        for (Map.Entry<String, String> page : htmlById.entrySet()) {
            String url = dataset.pages().get(page.getKey()).url();
            long start = System.nanoTime();
            String text;
            try {
                text = extractor.extractArticle(page.getValue(), url).content().text();
            } catch (ArticleRejectedException e) {
                text = "";
                rejected.add(page.getKey() + " (" + e.rejection().code() + ")");
            }
            millis.add((System.nanoTime() - start) / 1e6);
            predictions.put(page.getKey(), text);
        }
        return new PageTimes(millis);
    }

    private static void printRow(PrintStream out, String name, ExtractionScorer.Summary summary, PageTimes times) {
        out.printf(Locale.ROOT, "%-23s %9.4f %9.4f %9.4f %9.4f %9.2f %9.2f%n", name, summary.precision(),
                summary.recall(), summary.f1(), summary.accuracy(), times.mean(), times.median());
    }

    private static void writePredictions(Path file, BenchmarkDataset dataset, Map<String, String> predictions)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        predictions.forEach((id, text) -> root.putObject(id).put("articleBody", text)
                .put("url", dataset.pages().get(id).url()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
