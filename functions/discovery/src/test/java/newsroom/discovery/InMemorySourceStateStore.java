package newsroom.discovery;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import newsroom.core.port.SourceStateStore;

/** Test-only {@link SourceStateStore} in a map: last writer wins, as the port says. */
final class InMemorySourceStateStore implements SourceStateStore {

    final Map<String, SourceState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<SourceState> find(String sourceName) {
        return Optional.ofNullable(states.get(sourceName));
    }

    @Override
    public void save(SourceState state) {
        states.put(state.sourceName(), state);
    }
}
