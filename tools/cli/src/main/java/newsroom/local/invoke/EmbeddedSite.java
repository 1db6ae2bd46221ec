package newsroom.local.invoke;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.fetch.SafeHttpFetcher;
import newsroom.local.LocalPipeline;
import newsroom.local.bus.TemplateRules;
import newsroom.local.cli.Newsroom;
import newsroom.local.store.FileFetchQueue;

/**
 * The embedded default as a function sees it under {@code newsroom invoke} without {@code --env}: the site folder
 * of {@code newsroom ingest} (folder object store, embedded index, in-process bus routed by template.yaml's rules,
 * with no function bound: events are recorded in {@code events.jsonl}, not delivered), a fetch queue that appends to
 * {@code .newsroom/fetch-queue.jsonl}, and the SSRF-guarded fetcher. Read once from the function's environment:
 * {@value #SITE_VARIABLE} (set by {@link InvokeCommand}) and the template's site variables, as on Lambda.
 */
public record EmbeddedSite(LocalPipeline pipeline, FileFetchQueue queue, SafeHttpFetcher fetcher,
                           Telemetry telemetry) {

    /** Absolute path of the site folder; {@link InvokeCommand} sets it from {@code --out}. */
    public static final String SITE_VARIABLE = "NEWSROOM_SITE";

    /**
     * @param service   the service name on every log line (as the function's own wiring names it)
     * @param extractor the HTML extractor the function's wiring uses, or null where it uses none
     * @throws InvalidConfigurationException naming the missing or bad variable
     */
    public static EmbeddedSite fromEnvironment(Map<String, String> env, String service,
                                               HtmlArticleExtractor extractor) {
        String folder = env.get(SITE_VARIABLE);
        if (folder == null || folder.isBlank()) {
            throw new InvalidConfigurationException("environment: missing variable " + SITE_VARIABLE
                    + " (the site folder of the embedded default; newsroom invoke sets it from --out)");
        }
        SiteConfig config = SiteEnvironment.fromEnvironment(env);
        Telemetry telemetry = Telemetry.stdout(service);
        Clock clock = Clock.systemUTC();
        Path site = Path.of(folder);
        LocalPipeline pipeline = new LocalPipeline(site, config, extractor, TemplateRules.bundled(), clock, telemetry);
        FileFetchQueue queue = new FileFetchQueue(pipeline.site().resolve(".newsroom").resolve("fetch-queue.jsonl"));
        return new EmbeddedSite(pipeline, queue, Newsroom.fetcher(env, config, System.err), telemetry);
    }

    public SiteConfig config() {
        return pipeline.config();
    }
}
