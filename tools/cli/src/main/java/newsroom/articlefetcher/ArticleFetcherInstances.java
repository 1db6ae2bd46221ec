package newsroom.articlefetcher;

import java.time.Clock;
import java.util.Map;

/**
 * The article fetcher built by its production wiring from an environment map instead of the process environment:
 * one call is one Lambda execution environment. For {@code ./newsroom bench --scale}.
 */
public final class ArticleFetcherInstances {

    private ArticleFetcherInstances() {
    }

    public static ArticleFetcherHandler fromEnvironment(Map<String, String> env) {
        return new ArticleFetcherHandler(ArticleFetcherWiring.fromEnvironment(env, Clock.systemUTC()));
    }
}
