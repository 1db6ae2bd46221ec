package newsroom.feedpoller;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.ObjectStore;
import newsroom.discovery.Source;
import newsroom.discovery.SourcePoller;
import newsroom.discovery.SourcesFileLoader;

/**
 * {@link Discovery} over the sources file in the object store (read afresh at every poll, so an edited file takes
 * effect on the next schedule) and the discovery module's {@link SourcePoller}. A missing or invalid sources file
 * is an {@link InvalidConfigurationException} naming the object and the problem.
 */
final class SourcesFileDiscovery implements Discovery {

    private final ObjectStore store;
    private final String key;
    private final SourcePoller poller;
    private final Map<String, Source> sources = new LinkedHashMap<>();

    SourcesFileDiscovery(ObjectStore store, String key, SourcePoller poller) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.poller = Objects.requireNonNull(poller, "poller");
    }

    @Override
    public List<String> enabledSources() {
        byte[] file = store.get(key).orElseThrow(() -> new InvalidConfigurationException("sources file "
                + store.locationOf(key) + " does not exist; upload one (see README: Sources)"));
        sources.clear();
        for (Source source : SourcesFileLoader.parse(new ByteArrayInputStream(file), store.locationOf(key))) {
            if (source.enabled()) {
                sources.put(source.name(), source);
            }
        }
        return List.copyOf(sources.keySet());
    }

    @Override
    public Poll poll(String sourceName) throws FetchException {
        Source source = sources.get(sourceName);
        if (source == null) {
            throw new IllegalArgumentException("no enabled source named " + sourceName);
        }
        SourcePoller.PollResult result = poller.poll(source);
        return new Poll(result.requests(), result.newState());
    }
}
