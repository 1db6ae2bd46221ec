package newsroom.feedpoller;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import newsroom.core.port.Fetcher.FetchException;
import newsroom.discovery.SourcePoller;
import newsroom.local.invoke.EmbeddedSite;

/**
 * {@link FeedPollerHandler} (the poll worker) wired to the embedded default, for {@code newsroom invoke} without
 * {@code --env}: the sources file is {@code SOURCES_KEY} in the site folder, the poll state is in the embedded index,
 * discovered URLs go to {@code .newsroom/fetch-queue.jsonl}. In the function's package (CLI module) for its
 * package-private types. A site folder without a sources file polls nothing and says so in a warning (on AWS a
 * missing file is a configuration error), so the sample event runs on a fresh folder.
 */
public final class EmbeddedFeedPollerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FeedPollerHandler handler;

    public EmbeddedFeedPollerHandler() {
        Map<String, String> env = System.getenv();
        EmbeddedSite site = EmbeddedSite.fromEnvironment(env, "feed-poller", null);
        String sourcesKey = env.getOrDefault(FeedPollerWiring.SOURCES_KEY, "config/sources.yaml").trim();
        Duration interval = FeedPollerWiring.pollInterval(env);
        SourcePoller poller = new SourcePoller(site.fetcher(), site.pipeline().index(), Clock.systemUTC(),
                FeedPollerWiring.MAX_ITEM_AGE, FeedPollerWiring.seenUrlTtl(env));
        Discovery file = new SourcesFileDiscovery(site.pipeline().store(), sourcesKey, poller, interval,
                Clock.systemUTC());
        Discovery discovery = new Discovery() {
            private boolean hasFile() {
                if (site.pipeline().store().get(sourcesKey).isEmpty()) {
                    site.telemetry().warn("poll.no_sources_file", Map.of("location",
                            site.pipeline().store().locationOf(sourcesKey), "hint", "copy a sources file there"));
                    return false;
                }
                return true;
            }

            @Override
            public List<String> enabledSources() {
                return hasFile() ? file.enabledSources() : List.of();
            }

            @Override
            public Optional<Poll> poll(String sourceName) throws FetchException {
                return hasFile() ? file.poll(sourceName) : Optional.empty();
            }

            @Override
            public Duration intervalOf(String sourceName) {
                return hasFile() ? file.intervalOf(sourceName) : interval;
            }
        };
        FeedPollService service = new FeedPollService(discovery, site.queue(), site.pipeline().index(),
                Clock.systemUTC(), site.telemetry());
        this.handler = new FeedPollerHandler(FeedPollerWiring.of(service, site.telemetry()));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent input, Context context) {
        return handler.handleRequest(input, context);
    }
}
