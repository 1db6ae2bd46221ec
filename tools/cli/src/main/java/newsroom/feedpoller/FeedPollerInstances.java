package newsroom.feedpoller;

import java.time.Clock;
import java.util.Map;

/**
 * The dispatcher and the poll worker built by their production wiring from an environment map instead of the
 * process environment: one call is one Lambda execution environment (its own fetcher, caches and clients). For
 * {@code ./newsroom bench --scale}, which runs several such instances in one process against the emulators.
 */
public final class FeedPollerInstances {

    private FeedPollerInstances() {
    }

    public static PollDispatcherHandler dispatcher(Map<String, String> env) {
        return new PollDispatcherHandler(PollDispatcherWiring.fromEnvironment(env, Clock.systemUTC()));
    }

    public static FeedPollerHandler worker(Map<String, String> env) {
        return new FeedPollerHandler(FeedPollerWiring.fromEnvironment(env, Clock.systemUTC()));
    }
}
