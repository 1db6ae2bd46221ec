package newsroom.local.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteConfigLoader;
import newsroom.core.ingest.ArticleFetchService;
import newsroom.core.ingest.HtmlDecoding;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.model.DateHints;
import newsroom.core.model.Rejection;
import newsroom.core.model.SourceContext;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.Fetcher;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.discovery.InputResolver;
import newsroom.discovery.Source;
import newsroom.discovery.SourcePoller;
import newsroom.discovery.SourcesFileLoader;
import newsroom.fetch.SafeHttpFetcher;
import newsroom.local.Arguments;
import newsroom.local.LocalPipeline;
import newsroom.local.UsageException;
import newsroom.local.bus.InProcessEventBus;
import newsroom.local.bus.TemplateRules;

/**
 * {@code newsroom ingest [--out DIR] [--config FILE] [--sources FILE] INPUT...}: ingests Markdown files, HTML files,
 * folders of them, article URLs, feed URLs and homepages (their feed's items) into a Hugo site folder on the
 * embedded default; {@code --sources} polls every enabled source of a sources file once. Prints one line per input,
 * then what the event-driven functions did, then a summary. Exit 0 when nothing was rejected or failed, 1 when
 * something was, 2 on usage errors.
 */
public final class IngestCommand {

    static final String USAGE = String.join("\n",
            "usage: newsroom ingest [--out DIR] [--config FILE] [--sources FILE] [INPUT...]",
            "  INPUT      a Markdown file with front matter, an HTML file, a folder of them,",
            "             an article URL, a feed URL, or a homepage URL (its advertised feed is read)",
            "  --out      the site folder to write (default ./site)",
            "  --config   site configuration YAML (see README: Configuration)",
            "  --sources  a sources file (YAML): poll every enabled source once and ingest what is new");

    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Items taken from one feed or sitemap given on the command line. */
    private static final int MAX_ITEMS_PER_INPUT = 50;
    /** Feed items older than this are skipped when polling sources. */
    private static final Duration MAX_ITEM_AGE = Duration.ofDays(30);

    /** Builds the fetcher once the site configuration (which may add private networks) is read. */
    @FunctionalInterface
    public interface FetcherFactory {
        /** @throws InvalidConfigurationException naming the setting whose value is bad */
        Fetcher create(SiteConfig site);
    }

    private final HtmlArticleExtractor extractor;
    private final FetcherFactory fetchers;
    private final Clock clock;

    /**
     * @param fetcher every outbound request (pages, feeds, images) goes through it
     */
    public IngestCommand(HtmlArticleExtractor extractor, Fetcher fetcher, Clock clock) {
        this(extractor, site -> fetcher, clock);
    }

    /**
     * @param fetchers builds the fetcher every outbound request goes through, from the site configuration
     */
    public IngestCommand(HtmlArticleExtractor extractor, FetcherFactory fetchers, Clock clock) {
        this.extractor = extractor;
        this.fetchers = fetchers;
        this.clock = clock;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments = new Arguments(args, Set.of("--out", "--config", "--sources"), Set.of());
        if (arguments.help()) {
            out.println(USAGE);
            return 0;
        }
        String sourcesFile = arguments.option("--sources");
        if (arguments.positional().isEmpty() && sourcesFile == null) {
            throw new UsageException("no INPUT given\n" + USAGE);
        }
        SiteConfig config = loadConfig(arguments.option("--config"));
        Fetcher fetcher = fetchers.create(config);
        List<Source> sources = sourcesFile == null ? List.of() : loadSources(sourcesFile);
        List<Object> inputs = new ArrayList<>();
        for (String input : arguments.positional()) {
            inputs.addAll(expand(input));
        }

        Path site = Path.of(arguments.option("--out", "site"));
        LocalPipeline pipeline = new LocalPipeline(site, config, extractor, TemplateRules.bundled(), clock);
        if (fetcher instanceof SafeHttpFetcher safe) {
            safe.announceAllowedNetworks(pipeline.telemetry());
        }
        Downstream downstream = Downstream.bind(pipeline, fetcher);
        Run run = new Run(pipeline, fetcher, out, err, inputs.size());
        for (Object input : inputs) {
            if (input instanceof Path file) {
                run.file(file);
            } else {
                run.url((URI) input);
            }
        }
        for (Source source : sources) {
            run.source(source);
        }
        run.progress.clear();
        printDownstream(pipeline, downstream, out);
        out.println();
        out.println("summary");
        for (IngestOutcome.Status status : IngestOutcome.Status.values()) {
            out.printf(Locale.ROOT, "  %-10s %d%n", status.word(), run.counts.getOrDefault(status, 0));
        }
        if (run.failures > 0) {
            out.printf(Locale.ROOT, "  %-10s %d%n", "failed", run.failures);
        }
        out.println("site: " + displayName(pipeline.site()) + "  (log: "
                + displayName(pipeline.site().resolve(".newsroom/log.jsonl")) + ")");
        return run.counts.getOrDefault(IngestOutcome.Status.REJECTED, 0) > 0 || run.failures > 0 ? 1 : 0;
    }

    /** The state of one run: counters, output, and how each kind of input is ingested. */
    private final class Run {
        private final LocalPipeline pipeline;
        private final Fetcher fetcher;
        private final ArticleFetchService fetchService;
        private final PrintStream out;
        private final Progress progress;
        private final Map<IngestOutcome.Status, Integer> counts = new EnumMap<>(IngestOutcome.Status.class);
        private int failures;

        Run(LocalPipeline pipeline, Fetcher fetcher, PrintStream out, PrintStream err, int total) {
            this.pipeline = pipeline;
            this.fetcher = fetcher;
            this.fetchService = new ArticleFetchService(fetcher, pipeline.ingest(), pipeline.telemetry());
            this.out = out;
            this.progress = new Progress(total, err);
        }

        void file(Path file) {
            String name = displayName(file);
            try {
                report(name, ingestFile(file, name));
            } catch (RuntimeException e) {
                fail(name, e.getMessage());
            }
        }

        void url(URI uri) {
            String name = uri.toString();
            InputResolver.Resolution resolution;
            try {
                resolution = new InputResolver(fetcher, MAX_ITEMS_PER_INPUT).resolve(uri);
            } catch (FetchException e) {
                fetchFailure(name, e);
                return;
            }
            SourceContext context = new SourceContext("cli", name, null, pipeline.config().timeZone(),
                    pipeline.config().languages().defaultLanguage(), List.of(), List.of());
            if (resolution instanceof InputResolver.ArticlePage page) {
                report(name, fetchService.ingestPage(page.page(), context));
            } else if (resolution instanceof InputResolver.Feed feed) {
                items(feed.itemUrls(), feed.listedDates(), DateHints.ListedIn.FEED);
            } else if (resolution instanceof InputResolver.Homepage homepage) {
                items(homepage.itemUrls(), homepage.listedDates(), DateHints.ListedIn.FEED);
            } else if (resolution instanceof InputResolver.Sitemap sitemap) {
                items(sitemap.urls(), sitemap.listedDates(), DateHints.ListedIn.SITEMAP);
            }
        }

        void source(Source source) {
            if (!source.enabled()) {
                out.println("source " + source.name() + ": disabled, skipped");
                return;
            }
            SourcePoller.PollResult poll;
            try {
                poll = new SourcePoller(fetcher, pipeline.index(), clock, MAX_ITEM_AGE, SourcePoller.DEFAULT_SEEN_TTL)
                        .poll(source);
            } catch (FetchException e) {
                fetchFailure("source " + source.name(), e);
                return;
            }
            out.println("source " + source.name() + ": " + (poll.unchanged() ? "not modified since the last poll"
                    : poll.requests().size() + " new item(s)"));
            for (FetchRequest request : poll.requests()) {
                article(request.url(), source.contextFor(request.url(), pipeline.config().languages().defaultLanguage())
                        .withDateHints(request.dateHints()));
            }
            pipeline.index().markSeen(source.name(), poll.seenUntil());
            pipeline.index().save(poll.newState());
        }

        /** The items of a feed or sitemap named on the command line, each with the date the document gave it. */
        private void items(List<String> urls, Map<String, Instant> listedDates, DateHints.ListedIn listedIn) {
            for (String item : urls) {
                article(item, new SourceContext("cli", item, null, pipeline.config().timeZone(),
                        pipeline.config().languages().defaultLanguage(), List.of(), List.of(),
                        DateHints.listed(listedDates.get(item), listedIn)));
            }
        }

        private void article(String url, SourceContext context) {
            try {
                report(url, fetchService.fetchAndIngest(url, context));
            } catch (FetchException e) {
                fetchFailure(url, e);
            } catch (RuntimeException e) {
                fail(url, e.getMessage());
            }
        }

        private IngestOutcome ingestFile(Path file, String name) {
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            SourceContext context = new SourceContext("cli", null, name, pipeline.config().timeZone(),
                    pipeline.config().languages().defaultLanguage(), List.of(), List.of());
            try {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    return IngestOutcome.rejected(new Rejection(Rejection.Code.TOO_LARGE,
                            "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES));
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

        private void report(String name, IngestOutcome outcome) {
            counts.merge(outcome.status(), 1, Integer::sum);
            progress.clear();
            String location = outcome instanceof IngestOutcome.Ingested ingested ? ingested.location() : null;
            out.println(name + ": " + outcome.summary()
                    + (location != null ? " -> " + displayName(Path.of(location)) : ""));
            progress.advance();
        }

        /** A URL we may not or could not fetch: permanent reasons are rejections, transient ones failures. */
        private void fetchFailure(String name, FetchException e) {
            if (e.retryable()) {
                fail(name, e.getMessage() + "; try again later");
            } else {
                report(name, IngestOutcome.rejected(ArticleFetchService.rejectionOf(e)));
            }
        }

        private void fail(String name, String message) {
            failures++;
            progress.clear();
            out.println(name + ": failed: " + message);
            progress.advance();
        }
    }

    private static SiteConfig loadConfig(@Nullable String file) {
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

    private static List<Source> loadSources(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UsageException("sources file not found: " + file);
        }
        try {
            return SourcesFileLoader.load(path);
        } catch (InvalidConfigurationException e) {
            throw new UsageException("invalid sources file: " + e.getMessage());
        }
    }

    /** A URL as a URI; a file as itself; a folder as its Markdown and HTML files, recursively, in a stable order. */
    private static List<Object> expand(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                return List.of(new URI(input));
            } catch (URISyntaxException e) {
                throw new UsageException("not a valid URL: " + input + " (" + e.getReason() + ")");
            }
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new UsageException("only http(s) URLs can be ingested: " + input);
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                return walk.filter(Files::isRegularFile)
                        .filter(p -> isArticleFile(p) && !isHidden(path, p))
                        .sorted()
                        .map(p -> (Object) p)
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

    /**
     * A path as shown to people, and the identity of a file input: relative to the working folder when inside it,
     * with '/' separators.
     */
    static String displayName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    private static void printDownstream(LocalPipeline pipeline, Downstream downstream, PrintStream out) {
        Map<String, int[]> byFunction = new LinkedHashMap<>();
        for (InProcessEventBus.Delivery d : pipeline.bus().deliveries()) {
            int[] c = byFunction.computeIfAbsent(d.function(), k -> new int[2]);
            c[d.failed() ? 1 : 0]++;
        }
        List<String> notes = downstream.notes();
        if (byFunction.isEmpty() && notes.isEmpty()) {
            return;
        }
        out.println();
        out.println("event-driven functions (routed by the rules in template.yaml)");
        String deadLetters = displayName(pipeline.site().resolve(".newsroom/dead-letters.jsonl"));
        byFunction.forEach((function, c) -> out.printf(Locale.ROOT, "  %-20s %d delivered, %d failed%s%n", function,
                c[0], c[1], c[1] > 0 ? " (reasons in " + deadLetters + ")" : ""));
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
                err.print("\r                \r");
            }
        }
    }
}
