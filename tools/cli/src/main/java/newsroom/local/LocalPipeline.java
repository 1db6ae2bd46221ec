package newsroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import newsroom.core.config.SiteConfig;
import newsroom.core.ingest.IngestService;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.local.bus.InProcessEventBus;
import newsroom.local.bus.TemplateRules;
import newsroom.local.store.EmbeddedArticleIndex;
import newsroom.local.store.FileObjectStore;

/**
 * The whole pipeline on one machine, no AWS account, no Docker: the same services the Lambda handlers call, wired to
 * embedded adapters. The site folder holds the Hugo tree ({@code content/…}, {@code static/thumbnails/…}) and,
 * under {@code .newsroom/}, the index, the event log, the dead-letter log and the JSON log.
 */
public final class LocalPipeline {

    private final Path site;
    private final SiteConfig config;
    private final FileObjectStore store;
    private final EmbeddedArticleIndex index;
    private final InProcessEventBus bus;
    private final Telemetry telemetry;
    private final IngestService ingest;

    /**
     * @param extractor the HTML extractor, or null to reject HTML inputs
     */
    public LocalPipeline(Path site, SiteConfig config, HtmlArticleExtractor extractor, List<TemplateRules.Rule> rules,
                         Clock clock) {
        this(site, config, extractor, rules, clock, new Telemetry("newsroom-cli",
                fileSink(site.toAbsolutePath().normalize().resolve(".newsroom").resolve("log.jsonl")), clock));
    }

    /**
     * @param extractor the HTML extractor, or null to reject HTML inputs
     * @param telemetry where the services log (the CLI keeps {@code .newsroom/log.jsonl}; an invoked function,
     *                  standard output, as on Lambda)
     */
    public LocalPipeline(Path site, SiteConfig config, HtmlArticleExtractor extractor, List<TemplateRules.Rule> rules,
                         Clock clock, Telemetry telemetry) {
        this.site = Objects.requireNonNull(site, "site").toAbsolutePath().normalize();
        this.config = Objects.requireNonNull(config, "config");
        Path state = this.site.resolve(".newsroom");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.store = new FileObjectStore(this.site);
        this.index = new EmbeddedArticleIndex(state.resolve("index"));
        this.bus = new InProcessEventBus(rules, state, telemetry, clock);
        this.ingest = extractor == null ? new IngestService(config, store, index, bus, telemetry, clock)
                : new IngestService(config, store, index, bus, extractor, telemetry, clock);
    }

    public Path site() {
        return site;
    }

    public SiteConfig config() {
        return config;
    }

    public FileObjectStore store() {
        return store;
    }

    public EmbeddedArticleIndex index() {
        return index;
    }

    public InProcessEventBus bus() {
        return bus;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    public IngestService ingest() {
        return ingest;
    }

    /** Appends each line to the file (created on first use); the CLI keeps stdout for people. */
    private static Consumer<String> fileSink(Path file) {
        return line -> {
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the log " + file, e);
            }
        };
    }
}
