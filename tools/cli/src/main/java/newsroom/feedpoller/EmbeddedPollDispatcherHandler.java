package newsroom.feedpoller;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.local.invoke.EmbeddedSite;
import newsroom.local.store.FilePollQueue;

/**
 * {@link PollDispatcherHandler} wired to the embedded default, for {@code newsroom invoke} without {@code --env}: the
 * sources file is {@code SOURCES_KEY} in the site folder, the source states are in the embedded index, and the poll
 * requests go to {@code .newsroom/poll-queue.jsonl}. A folder without a sources file dispatches nothing (warning).
 */
public final class EmbeddedPollDispatcherHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final PollDispatcherHandler handler;

    public EmbeddedPollDispatcherHandler() {
        Map<String, String> env = System.getenv();
        EmbeddedSite site = EmbeddedSite.fromEnvironment(env, "poll-dispatcher", null);
        String sourcesKey = env.getOrDefault(FeedPollerWiring.SOURCES_KEY, "config/sources.yaml").trim();
        Discovery file = new SourcesFileDiscovery(site.pipeline().store(), sourcesKey, null,
                FeedPollerWiring.DEFAULT_POLL_INTERVAL, Clock.systemUTC());
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
            public Optional<Poll> poll(String sourceName) {
                throw new IllegalStateException("the dispatcher polls nothing");
            }

            @Override
            public Duration intervalOf(String sourceName) {
                return FeedPollerWiring.DEFAULT_POLL_INTERVAL;
            }
        };
        FilePollQueue queue =
                new FilePollQueue(site.pipeline().site().resolve(".newsroom").resolve("poll-queue.jsonl"));
        this.handler = new PollDispatcherHandler(PollDispatcherWiring.of(new PollDispatchService(discovery,
                site.pipeline().index(), queue, Clock.systemUTC(), site.telemetry()), site.telemetry()));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
