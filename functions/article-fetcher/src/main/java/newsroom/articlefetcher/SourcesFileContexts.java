package newsroom.articlefetcher;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.config.SiteConfig;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ObjectStore;
import newsroom.discovery.Source;
import newsroom.discovery.SourcesFileLoader;

/**
 * {@link SourceContexts} from the sources file in the object store, read on first use and kept for the life of the
 * execution environment (a changed file is seen by new environments). When the file is missing or invalid, every
 * source gets the site defaults and the problem is logged once: articles are still ingested, never dropped.
 */
final class SourcesFileContexts implements SourceContexts {

    private final ObjectStore store;
    private final String key;
    private final SiteConfig site;
    private final Telemetry telemetry;
    private Map<String, Source> sources;

    SourcesFileContexts(ObjectStore store, String key, SiteConfig site, Telemetry telemetry) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.site = Objects.requireNonNull(site, "site");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    @Override
    public SourceContext contextFor(String sourceName, String articleUrl) {
        Source source = sources().get(sourceName);
        if (source == null) {
            return new SourceContext(sourceName, articleUrl, null, site.timeZone(), site.languages().defaultLanguage(),
                    List.of(), List.of());
        }
        return source.contextFor(articleUrl, site.languages().defaultLanguage());
    }

    private synchronized Map<String, Source> sources() {
        if (sources == null) {
            sources = load();
        }
        return sources;
    }

    private Map<String, Source> load() {
        Optional<byte[]> file = store.get(key);
        if (file.isEmpty()) {
            telemetry.warn("sources.missing", Map.of("location", store.locationOf(key)));
            return Map.of();
        }
        try {
            return SourcesFileLoader.parse(new ByteArrayInputStream(file.get()), store.locationOf(key)).stream()
                    .collect(Collectors.toMap(Source::name, Function.identity(), (a, b) -> a));
        } catch (InvalidConfigurationException e) {
            telemetry.error("sources.invalid", Map.of("location", store.locationOf(key)), e);
            return Map.of();
        }
    }
}
