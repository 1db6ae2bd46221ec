package newsroom.core.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import newsroom.core.port.RobotsTxtShare;

/** {@link RobotsTxtShare} in memory, shared by several fetchers of one test; passes the port's contract suite. */
public final class InMemoryRobotsTxtShare implements RobotsTxtShare {

    private final Map<String, SharedRobotsTxt> files = new HashMap<>();

    @Override
    public synchronized Optional<SharedRobotsTxt> find(String origin) {
        return Optional.ofNullable(files.get(origin));
    }

    @Override
    public synchronized void save(SharedRobotsTxt robots) {
        files.put(robots.origin(), robots);
    }
}
