package newsroom.feedpoller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.SourceStateStore.SourceState;
import newsroom.core.testing.InMemorySourceStateStore;
import newsroom.core.testing.RecordingFetchQueue;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.TelemetryLines;

class FeedPollerHandlerTest {

    private final RecordingFetchQueue queue = new RecordingFetchQueue();
    private final InMemorySourceStateStore states = new InMemorySourceStateStore();
    private final TelemetryLines telemetry = new TelemetryLines("feed-poller");
    /** Discovery scripted per source: a poll result or a fetch failure. */
    private final Map<String, Object> script = new LinkedHashMap<>();

    private final Discovery discovery = new Discovery() {
        @Override
        public List<String> enabledSources() {
            return List.copyOf(script.keySet());
        }

        @Override
        public Poll poll(String sourceName) throws FetchException {
            Object answer = script.get(sourceName);
            if (answer instanceof FetchException e) {
                throw e;
            }
            return (Poll) answer;
        }
    };

    private final FeedPollerHandler handler = new FeedPollerHandler(
            new FeedPollService(discovery, queue, states, telemetry.telemetry()), telemetry.telemetry());

    private static Map<String, Object> scheduleEvent() {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = EventLoader.loadEvent(RepoFiles.event("feed-poller-schedule.json"), Map.class);
        return event;
    }

    private static Discovery.Poll poll(String source, String... urls) {
        List<FetchRequest> requests = java.util.Arrays.stream(urls).map(u -> new FetchRequest(u, source, 0)).toList();
        return new Discovery.Poll(requests, new SourceState(source,
                Map.of("https://" + source + ".example/feed.xml", Map.of("ETag", "\"v2\"")),
                List.of(urls), "2025-02-12T15:10:00Z"));
    }

    @Test
    void queuesEverySourcesNewUrlsAndSavesTheirState() {
        script.put("alpha", poll("alpha", "https://alpha.example/1", "https://alpha.example/2"));
        script.put("beta", poll("beta", "https://beta.example/9"));

        Map<String, Object> result = handler.handleRequest(scheduleEvent(), null);

        assertThat(queue.requests()).containsExactly(new FetchRequest("https://alpha.example/1", "alpha", 0),
                new FetchRequest("https://alpha.example/2", "alpha", 0),
                new FetchRequest("https://beta.example/9", "beta", 0));
        assertThat(states.states()).containsOnlyKeys("alpha", "beta");
        assertThat(states.states().get("alpha").seenUrls())
                .containsExactly("https://alpha.example/1", "https://alpha.example/2");
        assertThat(result).isEqualTo(Map.of("queued", Map.of("alpha", 2, "beta", 1), "failed", Map.of()));
    }

    @Test
    void keepsPollingTheOtherSourcesAndCountsTheError_whenOneOriginFails() {
        script.put("down", new FetchException(FetchFailure.SERVER_ERROR, "origin unavailable", true, 0));
        script.put("up", poll("up", "https://up.example/a"));

        Map<String, Object> result = handler.handleRequest(scheduleEvent(), null);

        assertThat(queue.requests()).containsExactly(new FetchRequest("https://up.example/a", "up", 0));
        assertThat(states.states()).containsOnlyKeys("up");
        assertThat(result).isEqualTo(Map.of("queued", Map.of("up", 1),
                "failed", Map.of("down", "SERVER_ERROR (origin unavailable)")));
        assertThat(telemetry.metrics()).containsExactly("FetchErrors down");
    }

    @Test
    void savesNoStateAndFailsTheInvocation_whenTheQueueRefusesTheUrls() {
        script.put("alpha", poll("alpha", "https://alpha.example/1"));
        script.put("beta", poll("beta", "https://beta.example/9"));
        queue.failNextEnqueues(1);

        assertThatThrownBy(() -> handler.handleRequest(scheduleEvent(), null))
                .isInstanceOf(FeedPollService.PollFailedException.class)
                .hasMessage("could not queue the new URLs of alpha; their state was not saved, the retry will send"
                        + " them again");
        assertThat(states.states()).containsOnlyKeys("beta");
        assertThat(queue.requests()).containsExactly(new FetchRequest("https://beta.example/9", "beta", 0));
    }

    @Test
    void savesTheValidatorsWithoutQueueing_whenNothingIsNew() {
        script.put("quiet", poll("quiet"));

        handler.handleRequest(scheduleEvent(), null);

        assertThat(queue.batchSizes()).isEmpty();
        assertThat(states.states().get("quiet").validators())
                .containsEntry("https://quiet.example/feed.xml", Map.of("ETag", "\"v2\""));
    }
}
