package newsroom.feedpoller;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.ObjectStore;
import newsroom.discovery.Source;
import newsroom.discovery.SourcePoller;
import newsroom.discovery.SourcesFileLoader;

/**
 * {@link Discovery} over the sources file in the object store and the discovery module's {@link SourcePoller}.
 * {@link #enabledSources()} (the dispatcher, once per schedule tick) always reads the file afresh, so an edited file
 * takes effect on the next tick. A poll worker handles one source per message and keeps the parsed file for
 * {@code cacheTtl} (one GET per warm instance and TTL instead of one per source), re-reading it at once when asked
 * for a source it does not know. A missing or invalid sources file is an {@link InvalidConfigurationException}
 * naming the object and the problem.
 */
final class SourcesFileDiscovery implements Discovery {

    /** How long a poll worker keeps the parsed sources file. */
    static final Duration CACHE_TTL = Duration.ofMinutes(1);

    private final ObjectStore store;
    private final String key;
    private final SourcePoller poller;
    private final Duration defaultInterval;
    private final Clock clock;
    private Map<String, Source> sources = Map.of();
    private Instant loadedAt = Instant.MIN;

    /** @param poller null for a discovery that only lists sources (the dispatcher, which fetches nothing) */
    SourcesFileDiscovery(ObjectStore store, String key, SourcePoller poller, Duration defaultInterval, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.poller = poller;
        this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized List<String> enabledSources() {
        load();
        return List.copyOf(sources.keySet());
    }

    @Override
    public Optional<Poll> poll(String sourceName) throws FetchException {
        if (poller == null) {
            throw new IllegalStateException("this discovery lists sources and polls none");
        }
        Optional<Source> source = source(sourceName);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        SourcePoller.PollResult result = poller.poll(source.get());
        return Optional.of(new Poll(result.requests(), result.seenUntil(), result.newState()));
    }

    @Override
    public Duration intervalOf(String sourceName) {
        return source(sourceName).map(s -> s.pollIntervalOr(defaultInterval)).orElse(defaultInterval);
    }

    private synchronized Optional<Source> source(String name) {
        boolean fresh = false;
        if (clock.instant().isAfter(loadedAt.plus(CACHE_TTL))) {
            load();
            fresh = true;
        }
        if (!sources.containsKey(name) && !fresh) {
            load();
        }
        return Optional.ofNullable(sources.get(name));
    }

    private void load() {
        byte[] file = store.get(key).orElseThrow(() -> new InvalidConfigurationException("sources file "
                + store.locationOf(key) + " does not exist; upload one (see README: Sources)"));
        Map<String, Source> enabled = new LinkedHashMap<>();
        for (Source source : SourcesFileLoader.parse(new ByteArrayInputStream(file), store.locationOf(key))) {
            if (source.enabled()) {
                enabled.put(source.name(), source);
            }
        }
        sources = enabled;
        loadedAt = clock.instant();
    }
}
