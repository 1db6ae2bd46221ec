package newsroom.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import newsroom.core.port.SourceStateStore;

/** A {@link SourceStateStore} kept in memory, for tests of pollers that use the port. */
public final class InMemorySourceStateStore implements SourceStateStore {

    private final Map<String, SourceState> states = new LinkedHashMap<>();

    @Override
    public synchronized Optional<SourceState> find(String sourceName) {
        return Optional.ofNullable(states.get(sourceName));
    }

    @Override
    public synchronized void save(SourceState state) {
        states.put(state.sourceName(), state);
    }

    public synchronized Map<String, SourceState> states() {
        return Map.copyOf(states);
    }
}
