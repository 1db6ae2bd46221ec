package newsroom.local.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import newsroom.core.ingest.HtmlDecoding;
import newsroom.core.model.ArticleRejectedException;
import newsroom.extract.ArticleExtractor;
import newsroom.extract.Field;
import newsroom.extract.PageMetadata;
import newsroom.local.Arguments;

/**
 * {@code eval-metadata DATASET_DIR [--peers] [--halves] [--json FILE] [--worst N]}: runs the extractor that
 * {@code ingest} uses on every page of a dataset in the metadata-dev layout (see {@link MetadataDataset}), in one JVM,
 * and prints date precision, recall, F1 and accuracy (correct / wrong / none), title and author exact match and token
 * F1, and ms/page, by the dataset's scoring rules ({@link MetadataScorer}); then the worst misses of each field with
 * the origin of what was found. {@code --peers} runs metascraper ({@link MetascraperPeer}) on the same decoded pages in
 * the same run and prints its row beside ours. {@code --halves} adds our figures on each of the dataset's two
 * fixed halves ({@link MetadataDataset#half}), to check that a rule change helps on both. The labels are read only to
 * score.
 */
public final class EvalMetadataCommand {

    static final String USAGE = "usage: eval-metadata DATASET_DIR [--peers] [--halves] [--json FILE] [--worst N]";
    private static final int DEFAULT_WORST = 10;
    private static final int SHOWN_CHARS = 70;

    /** What our extractor found on one page, with the origin of each field ("" for none). */
    record Ours(MetadataFigures.Found found, String titleOrigin, String authorOrigin, String dateOrigin,
                String rejected) {
    }

    private EvalMetadataCommand() {
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Arguments.run(args, USAGE, Set.of("--json", "--worst"), Set.of("--peers", "--halves"), out, err,
                arguments -> {
            Path dataset = Paths.get(arguments.single("DATASET_DIR"));
            String json = arguments.option("--json");
            int worst = arguments.intOption("--worst", DEFAULT_WORST, 0, Integer.MAX_VALUE);
            return evaluate(dataset, arguments.flag("--peers"), arguments.flag("--halves"),
                    json == null ? null : Paths.get(json), worst, out, err);
        });
    }

    private static int evaluate(Path dataset, boolean peers, boolean halves, @Nullable Path jsonFile, int worst,
                                PrintStream out, PrintStream err) {
        try {
            return evaluateDataset(MetadataDataset.open(dataset), peers, halves, jsonFile, worst, out, err);
        } catch (IOException e) {
            err.println("eval-metadata: " + e.getMessage());
            return 1;
        }
    }

    private static int evaluateDataset(MetadataDataset dataset, boolean peers, boolean halves,
                                       @Nullable Path jsonFile, int worst,
                                       PrintStream out, PrintStream err) throws IOException {
        ArticleExtractor extractor = new ArticleExtractor();
        Map<String, String> decoded = new LinkedHashMap<>();
        for (MetadataDataset.Page page : dataset.pages().values()) {
            decoded.put(page.id(), decode(dataset.bytes(page.id())));
        }
        // one untimed pass so the timed one measures a warm JVM, as eval-extraction does
        for (MetadataDataset.Page page : dataset.pages().values()) {
            extract(extractor, decoded.get(page.id()), page.url());
        }
        Map<String, Ours> ours = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (MetadataDataset.Page page : dataset.pages().values()) {
            ours.put(page.id(), extract(extractor, decoded.get(page.id()), page.url()));
        }
        double msPerPage = (System.nanoTime() - started) / 1e6 / Math.max(1, dataset.pages().size());
        Map<String, MetadataFigures.Found> found = new LinkedHashMap<>();
        ours.forEach((id, o) -> found.put(id, o.found()));
        MetadataFigures figures = MetadataFigures.score(dataset, found, msPerPage);

        Map<String, MetadataFigures> rows = new LinkedHashMap<>();
        rows.put("newsroom", figures);
        if (halves) {
            // the same findings scored on the two fixed halves (see MetadataDataset.half): a rule should help on both
            rows.put("newsroom A", MetadataFigures.score(dataset.half(0), found, msPerPage));
            rows.put("newsroom B", MetadataFigures.score(dataset.half(1), found, msPerPage));
        }
        if (peers) {
            MetascraperPeer.run(dataset, decoded, err).ifPresent(peer ->
                    rows.put("metascraper", MetadataFigures.score(dataset, peer.found(), peer.msPerPage())));
        }
        printTable(rows, out);
        printWorst(dataset, ours, worst, out);
        if (jsonFile != null) {
            writeJson(rows, jsonFile);
            out.println("figures written to " + jsonFile);
        }
        return 0;
    }

    /** The page's text, decoded as {@code ingest} decodes a local file ({@link HtmlDecoding}). */
    static String decode(byte[] bytes) {
        return HtmlDecoding.decode(bytes, null);
    }

    static Ours extract(ArticleExtractor extractor, String html, @Nullable String url) {
        try {
            PageMetadata metadata = extractor.extractArticle(html, url).metadata();
            LocalDate day = metadata.published().map(f -> f.value().dateTime().toLocalDate()).orElse(null);
            MetadataFigures.Found found = new MetadataFigures.Found(metadata.title().map(Field::value).orElse(null),
                    metadata.authors().map(Field::value).orElse(List.of()), day);
            return new Ours(found, origin(metadata.title()), origin(metadata.authors()), origin(metadata.published()),
                    "");
        } catch (ArticleRejectedException e) {
            return new Ours(new MetadataFigures.Found(null, List.of(), null), "", "", "", e.rejection().toString());
        }
    }

    private static String origin(Optional<? extends Field<?>> field) {
        return field.map(Field::origin).orElse("");
    }

    private static void printTable(Map<String, MetadataFigures> rows, PrintStream out) {
        MetadataFigures any = rows.values().iterator().next();
        out.printf(Locale.ROOT, "metadata: %d pages; date labelled on %d, title on %d, author on %d%n%n", any.pages(),
                any.datePages(), any.titlePages(), any.authorPages());
        out.printf(Locale.ROOT, "%-12s | %-45s | %-15s | %-15s | %s%n", "", "date", "title", "author", "");
        out.printf(Locale.ROOT, "%-12s | %6s %6s %6s %6s %5s %5s %5s | %6s %8s | %6s %8s | %8s%n", "system", "P",
                "R", "F1", "acc", "ok", "wrong", "none", "exact", "tokenF1", "exact", "tokenF1", "ms/page");
        rows.forEach((name, f) -> out.printf(Locale.ROOT,
                "%-12s | %6.3f %6.3f %6.3f %6.3f %5d %5d %5d | %6.3f %8.3f | %6.3f %8.3f | %8.2f%n", name,
                f.datePrecision(), f.dateRecall(), f.dateF1(), f.dateAccuracy(), f.correct(), f.wrong(), f.none(),
                f.titleExact(), f.titleTokenF1(), f.authorExact(), f.authorTokenF1(), f.msPerPage()));
    }

    private static void printWorst(MetadataDataset dataset, Map<String, Ours> ours, int worst, PrintStream out) {
        if (worst <= 0) {
            return;
        }
        List<String> dateMisses = new ArrayList<>();
        List<Map.Entry<Double, String>> titleMisses = new ArrayList<>();
        List<Map.Entry<Double, String>> authorMisses = new ArrayList<>();
        for (MetadataDataset.Page page : dataset.pages().values()) {
            Ours o = ours.get(page.id());
            MetadataFigures.Found f = o.found();
            String rejected = o.rejected().isEmpty() ? "" : "  [rejected: " + o.rejected() + "]";
            if (page.date() != null
                    && MetadataScorer.date(page.date(), f.date()) != MetadataScorer.DateOutcome.CORRECT) {
                String line = String.format(Locale.ROOT, "  %s want %s got %s%s%s", page.id(), page.date(),
                        f.date() == null ? "none" : f.date(), f.date() == null ? "" : "  (" + o.dateOrigin() + ")",
                        rejected);
                // wrong dates first (they cost precision), then missing ones
                if (f.date() != null) {
                    dateMisses.add(0, line);
                } else {
                    dateMisses.add(line);
                }
            }
            if (page.title() != null && !MetadataScorer.titleExact(page.title(), f.title())) {
                titleMisses.add(Map.entry(MetadataScorer.titleTokenF1(page.title(), f.title()), String.format(
                        Locale.ROOT, "  %s want \"%s\"%n      got \"%s\"  (%s)%s", page.id(), shown(page.title()),
                        shown(f.title()), o.titleOrigin(), rejected)));
            }
            if (page.author() != null && !MetadataScorer.authorExact(page.author(), f.authors())) {
                authorMisses.add(Map.entry(MetadataScorer.authorTokenF1(page.author(), f.authors()), String.format(
                        Locale.ROOT, "  %s want %s got %s  (%s)%s", page.id(), page.author(),
                        f.authors().isEmpty() ? "none" : f.authors(), o.authorOrigin(), rejected)));
            }
        }
        out.printf(Locale.ROOT, "%ndate misses (%d; wrong first, then none; first %d):%n", dateMisses.size(), worst);
        dateMisses.stream().limit(worst).forEach(out::println);
        printLowest("title misses", titleMisses, worst, out);
        printLowest("author misses", authorMisses, worst, out);
    }

    private static void printLowest(String heading, List<Map.Entry<Double, String>> misses, int worst,
            PrintStream out) {
        out.printf(Locale.ROOT, "%n%s (%d; lowest token F1 first; first %d):%n", heading, misses.size(), worst);
        misses.stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).limit(worst)
                .forEach(e -> out.println(e.getValue()));
    }

    private static String shown(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SHOWN_CHARS ? oneLine : oneLine.substring(0, SHOWN_CHARS) + "…";
    }

    private static void writeJson(Map<String, MetadataFigures> rows, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = figuresJson(json, rows.get("newsroom"));
        ObjectNode halves = json.createObjectNode();
        ObjectNode peers = json.createObjectNode();
        rows.forEach((name, f) -> {
            if (name.startsWith("newsroom ")) {
                // "newsroom A" -> halves.A
                halves.set(name.substring("newsroom ".length()), figuresJson(json, f));
            } else if (!name.equals("newsroom")) {
                peers.set(name, figuresJson(json, f));
            }
        });
        if (!halves.isEmpty()) {
            root.set("halves", halves);
        }
        if (!peers.isEmpty()) {
            root.set("peers", peers);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        json.writeValue(file.toFile(), root);
    }

    /** The figures as {@code {"pages", "date": {...}, "title": {...}, "author": {...}, "msPerPage"}}. */
    static ObjectNode figuresJson(ObjectMapper json, MetadataFigures f) {
        ObjectNode root = json.createObjectNode();
        root.put("pages", f.pages());
        ObjectNode date = root.putObject("date");
        date.put("precision", f.datePrecision()).put("recall", f.dateRecall()).put("f1", f.dateF1())
                .put("accuracy", f.dateAccuracy()).put("correct", f.correct()).put("wrong", f.wrong())
                .put("none", f.none());
        root.putObject("title").put("pages", f.titlePages()).put("exact", f.titleExact())
                .put("tokenF1", f.titleTokenF1());
        root.putObject("author").put("pages", f.authorPages()).put("exact", f.authorExact())
                .put("tokenF1", f.authorTokenF1());
        root.put("msPerPage", f.msPerPage());
        return root;
    }
}
