package newsroom.core.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import newsroom.core.port.SourceStateStore;

/**
 * A {@link SourceStateStore} kept in memory, for tests of pollers that use the port. Like the real adapters it
 * refuses a state without a source name and passes the port's contract suite.
 */
public final class InMemorySourceStateStore implements SourceStateStore {

    private final Map<String, SourceState> states = new LinkedHashMap<>();
    /** Source name → URL → until when it is seen. */
    private final Map<String, Map<String, Instant>> marks = new HashMap<>();

    @Override
    public synchronized Optional<SourceState> find(String sourceName) {
        return Optional.ofNullable(states.get(sourceName));
    }

    @Override
    public synchronized void save(SourceState state) {
        requireName(state.sourceName());
        states.put(state.sourceName(), state);
    }

    @Override
    public synchronized Set<String> seen(String sourceName, Collection<String> urls, Instant now) {
        Map<String, Instant> ofSource = marks.getOrDefault(sourceName, Map.of());
        Set<String> seen = new LinkedHashSet<>();
        for (String url : urls) {
            Instant until = ofSource.get(url);
            if (until != null && until.isAfter(now)) {
                seen.add(url);
            }
        }
        return seen;
    }

    @Override
    public synchronized void markSeen(String sourceName, Map<String, Instant> expiresAtByUrl) {
        requireName(sourceName);
        if (!expiresAtByUrl.isEmpty()) {
            marks.computeIfAbsent(sourceName, name -> new HashMap<>()).putAll(expiresAtByUrl);
        }
    }

    /** Every saved state by source name. */
    public synchronized Map<String, SourceState> states() {
        return Map.copyOf(states);
    }

    /** The seen marks of a source (URL → expiry), as marked. */
    public synchronized Map<String, Instant> marks(String sourceName) {
        return Map.copyOf(marks.getOrDefault(sourceName, Map.of()));
    }

    private static void requireName(String sourceName) {
        if (sourceName.isBlank()) {
            throw new IllegalArgumentException("source name must not be blank");
        }
    }
}
