package newsroom.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import newsroom.core.port.SourceStateStore;

/**
 * A {@link SourceStateStore} kept in memory, for tests of pollers that use the port. Like the real adapters it
 * refuses a state without a source name and passes the port's contract suite.
 */
public final class InMemorySourceStateStore implements SourceStateStore {

    private final Map<String, SourceState> states = new LinkedHashMap<>();

    @Override
    public synchronized Optional<SourceState> find(String sourceName) {
        return Optional.ofNullable(states.get(sourceName));
    }

    @Override
    public synchronized void save(SourceState state) {
        if (state.sourceName().isBlank()) {
            throw new IllegalArgumentException("source name must not be blank");
        }
        states.put(state.sourceName(), state);
    }

    /** Every saved state by source name. */
    public synchronized Map<String, SourceState> states() {
        return Map.copyOf(states);
    }
}
