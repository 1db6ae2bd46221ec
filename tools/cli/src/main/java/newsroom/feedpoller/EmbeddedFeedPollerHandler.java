package newsroom.feedpoller;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import newsroom.core.port.Fetcher.FetchException;
import newsroom.discovery.SourcePoller;
import newsroom.local.invoke.EmbeddedSite;

/**
 * {@link FeedPollerHandler} wired to the embedded default, for {@code newsroom invoke} without {@code --env}: the
 * sources file is {@code SOURCES_KEY} in the site folder, the poll state is in the embedded index, discovered URLs go
 * to {@code .newsroom/fetch-queue.jsonl}. In the function's package (CLI module) for its package-private types.
 * A site folder without a sources file polls nothing and says so in a warning (on AWS a missing file is a
 * configuration error), so the sample schedule event runs on a fresh folder.
 */
public final class EmbeddedFeedPollerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final FeedPollerHandler handler;

    public EmbeddedFeedPollerHandler() {
        EmbeddedSite site = EmbeddedSite.fromEnvironment(System.getenv(), "feed-poller", null);
        String sourcesKey = System.getenv().getOrDefault(FeedPollerWiring.SOURCES_KEY, "config/sources.yaml").trim();
        SourcePoller poller = new SourcePoller(site.fetcher(), site.pipeline().index(), java.time.Clock.systemUTC(),
                FeedPollerWiring.MAX_ITEM_AGE);
        Discovery file = new SourcesFileDiscovery(site.pipeline().store(), sourcesKey, poller);
        Discovery discovery = new Discovery() {
            @Override
            public List<String> enabledSources() {
                if (site.pipeline().store().get(sourcesKey).isEmpty()) {
                    site.telemetry().warn("poll.no_sources_file", Map.of("location",
                            site.pipeline().store().locationOf(sourcesKey), "hint", "copy a sources file there"));
                    return List.of();
                }
                return file.enabledSources();
            }

            @Override
            public Poll poll(String sourceName) throws FetchException {
                return file.poll(sourceName);
            }
        };
        FeedPollService service = new FeedPollService(discovery, site.queue(), site.pipeline().index(),
                site.telemetry());
        this.handler = new FeedPollerHandler(service, site.telemetry());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return handler.handleRequest(input, context);
    }
}
