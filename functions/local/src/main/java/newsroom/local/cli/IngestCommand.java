package newsroom.local.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteConfigLoader;
import newsroom.core.ingest.HtmlDecoding;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.model.Rejection;
import newsroom.core.model.SourceContext;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.local.LocalPipeline;
import newsroom.local.bus.InProcessEventBus;
import newsroom.local.bus.TemplateRules;

/**
 * {@code newsroom ingest [--out DIR] [--config FILE] INPUT...}: ingests Markdown files, HTML files and folders of
 * them into a Hugo site folder on the embedded default. Prints one line per input, then what the event-driven
 * functions did, then a summary. Exit 0 when nothing was rejected, 1 when something was, 2 on usage errors.
 */
public final class IngestCommand {

    static final String USAGE = "usage: newsroom ingest [--out DIR] [--config FILE] INPUT...\n"
            + "  INPUT   a Markdown file with front matter, an HTML file, or a folder of them\n"
            + "  --out   the site folder to write (default ./site)\n"
            + "  --config site configuration YAML (see README: Configuration)";

    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final HtmlArticleExtractor extractor;
    private final Clock clock;

    public IngestCommand(HtmlArticleExtractor extractor, Clock clock) {
        this.extractor = extractor;
        this.clock = clock;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments = new Arguments(args, Set.of("--out", "--config"), Set.of());
        if (arguments.positional().isEmpty()) {
            throw new UsageException("no INPUT given\n" + USAGE);
        }
        SiteConfig config = loadConfig(arguments.option("--config", null));
        Path site = Path.of(arguments.option("--out", "site"));
        LocalPipeline pipeline = new LocalPipeline(site, config, extractor, TemplateRules.bundled(), clock);
        Downstream.bind(pipeline);

        List<Path> files = new ArrayList<>();
        for (String input : arguments.positional()) {
            files.addAll(expand(input));
        }
        Map<IngestOutcome.Status, Integer> counts = new EnumMap<>(IngestOutcome.Status.class);
        int failures = 0;
        Progress progress = new Progress(files.size(), err);
        for (Path file : files) {
            String name = displayName(file);
            IngestOutcome outcome;
            try {
                outcome = ingestFile(pipeline, file, name);
            } catch (RuntimeException e) {
                failures++;
                progress.clear();
                out.println(name + ": failed: " + e.getMessage());
                continue;
            }
            counts.merge(outcome.status(), 1, Integer::sum);
            progress.clear();
            out.println(name + ": " + outcome.summary() + (outcome.location() == null
                    || outcome.status() == IngestOutcome.Status.REJECTED ? "" : " -> " + relative(outcome.location())));
            progress.advance();
        }
        progress.clear();
        printDownstream(pipeline.bus(), out, pipeline);
        out.println();
        out.println("summary");
        for (IngestOutcome.Status status : IngestOutcome.Status.values()) {
            out.printf(Locale.ROOT, "  %-10s %d%n", status.word(), counts.getOrDefault(status, 0));
        }
        if (failures > 0) {
            out.printf(Locale.ROOT, "  %-10s %d%n", "failed", failures);
        }
        out.println("site: " + relative(pipeline.site().toString()) + "  (log: "
                + relative(pipeline.site().resolve(".newsroom/log.jsonl").toString()) + ")");
        return counts.getOrDefault(IngestOutcome.Status.REJECTED, 0) > 0 || failures > 0 ? 1 : 0;
    }

    private IngestOutcome ingestFile(LocalPipeline pipeline, Path file, String name) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        SourceContext context = SourceContext.ofFile(name).withTimeZone(pipeline.config().timeZone());
        context = new SourceContext(context.name(), null, name, pipeline.config().timeZone(),
                pipeline.config().defaultLanguage(), List.of(), List.of());
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return IngestOutcome.rejected(new Rejection(Rejection.Code.TOO_LARGE,
                        "file is " + Files.size(file) + " bytes; the limit is " + MAX_FILE_BYTES));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (lower.endsWith(".html") || lower.endsWith(".htm")) {
                return pipeline.ingest().ingestHtml(HtmlDecoding.decode(bytes, null), context);
            }
            return pipeline.ingest().ingestMarkdown(bytes, context);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static SiteConfig loadConfig(String file) {
        if (file == null) {
            return SiteConfig.defaults();
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UsageException("configuration file not found: " + file);
        }
        try {
            return SiteConfigLoader.load(path);
        } catch (InvalidConfigurationException e) {
            throw new UsageException("invalid configuration: " + e.getMessage());
        }
    }

    /** A file as itself; a folder as its Markdown and HTML files, recursively, in a stable order. */
    private static List<Path> expand(String input) {
        Path path = Path.of(input);
        if (input.startsWith("http://") || input.startsWith("https://")) {
            throw new UsageException("URL inputs need the fetcher: " + input);
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                return walk.filter(Files::isRegularFile)
                        .filter(p -> isArticleFile(p) && !isHidden(path, p))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UsageException("cannot read folder " + input + ": " + e.getMessage());
            }
        }
        if (!Files.exists(path)) {
            throw new UsageException("no such file or folder: " + input);
        }
        return List.of(path);
    }

    private static boolean isArticleFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".html") || name.endsWith(".htm");
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The identity of a file input: its path relative to the working folder when inside it, with '/' separators. */
    static String displayName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    private static String relative(String location) {
        return displayName(Path.of(location));
    }

    private static void printDownstream(InProcessEventBus bus, PrintStream out, LocalPipeline pipeline) {
        Map<String, int[]> byFunction = new LinkedHashMap<>();
        for (InProcessEventBus.Delivery d : bus.deliveries()) {
            int[] c = byFunction.computeIfAbsent(d.function(), k -> new int[2]);
            c[d.failed() ? 1 : 0]++;
        }
        List<String> notes = Downstream.notes();
        if (byFunction.isEmpty() && notes.isEmpty()) {
            return;
        }
        out.println();
        out.println("event-driven functions (routed by the rules in template.yaml)");
        byFunction.forEach((function, c) -> out.printf(Locale.ROOT, "  %-22s %d done, %d failed%s%n", function,
                c[0], c[1], c[1] > 0 ? " (see " + relative(pipeline.site().resolve(".newsroom/dead-letters.jsonl")
                        .toString()) + ")" : ""));
        notes.forEach(n -> out.println("  " + n));
    }

    /** A one-line progress counter on the terminal when there are many inputs; silent when output is piped. */
    private static final class Progress {
        private final int total;
        private final PrintStream err;
        private final boolean enabled;
        private int done;

        Progress(int total, PrintStream err) {
            this.total = total;
            this.err = err;
            this.enabled = total >= 20 && System.console() != null;
        }

        void advance() {
            done++;
            if (enabled) {
                err.printf(Locale.ROOT, "\r[%d/%d]", done, total);
                err.flush();
            }
        }

        void clear() {
            if (enabled) {
                err.print("\r              \r");
            }
        }
    }
}
