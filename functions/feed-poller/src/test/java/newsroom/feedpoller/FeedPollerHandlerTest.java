package newsroom.feedpoller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.SourceStateStore.SourceState;
import newsroom.core.testing.InMemorySourceStateStore;
import newsroom.core.testing.RecordingFetchQueue;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.TelemetryLines;

/** The poll worker on the sample poll-queue event (events/feed-poller-sqs.json), with a scripted discovery. */
class FeedPollerHandlerTest {

    private static final Instant DISPATCHED = Instant.parse("2025-02-12T15:15:00Z");
    private static final Instant SEEN_UNTIL = Instant.parse("2025-03-14T15:10:00Z");

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
        public Optional<Poll> poll(String sourceName) throws FetchException {
            Object answer = script.get(sourceName);
            if (answer instanceof FetchException e) {
                throw e;
            }
            return Optional.ofNullable((Poll) answer);
        }

        @Override
        public Duration intervalOf(String sourceName) {
            return Duration.ofMinutes(15);
        }
    };

    private final FeedPollerHandler handler = new FeedPollerHandler(FeedPollerWiring.of(
            new FeedPollService(discovery, queue, states, TelemetryLines.CLOCK, telemetry.telemetry()),
            telemetry.telemetry()));

    private static SQSEvent sampleEvent() {
        return EventLoader.loadSQSEvent(RepoFiles.event("feed-poller-sqs.json").toString());
    }

    private static Discovery.Poll poll(String source, String... urls) {
        List<FetchRequest> requests = Arrays.stream(urls).map(u -> new FetchRequest(u, source, 0)).toList();
        Map<String, Instant> seenUntil = new LinkedHashMap<>();
        Arrays.stream(urls).forEach(u -> seenUntil.put(u, SEEN_UNTIL));
        return new Discovery.Poll(requests, seenUntil, new SourceState(source,
                Map.of("https://" + source + ".example/feed.xml", Map.of("ETag", "\"v2\"")),
                List.of(), Instant.parse("2025-02-12T15:10:00Z")));
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void queuesTheSourcesNewUrlsAndSavesItsStateDueOneIntervalAfterDispatch() {
        script.put("example-news", poll("example-news", "https://example-news.example/1",
                "https://example-news.example/2"));
        script.put("flaky-origin", poll("flaky-origin"));

        SQSBatchResponse response = handler.handleRequest(sampleEvent(), null);

        assertThat(failedIds(response)).isEmpty();
        assertThat(queue.requests()).containsExactly(
                new FetchRequest("https://example-news.example/1", "example-news", 0),
                new FetchRequest("https://example-news.example/2", "example-news", 0));
        SourceState saved = states.states().get("example-news");
        assertThat(states.marks("example-news")).isEqualTo(Map.of("https://example-news.example/1", SEEN_UNTIL,
                "https://example-news.example/2", SEEN_UNTIL));
        assertThat(saved.nextPollAt()).isEqualTo(DISPATCHED.plus(Duration.ofMinutes(15)));
        assertThat(saved.consecutiveFailures()).isZero();
    }

    @Test
    void recordsTheFailureWithABackoffAndAcknowledges_whenTheOriginFails() {
        script.put("example-news", poll("example-news"));
        script.put("flaky-origin", new FetchException(FetchFailure.SERVER_ERROR, "origin unavailable", true, 0));
        states.save(new SourceState("flaky-origin", Map.of(), List.of("https://flaky.example/old"), null, 2,
                "SERVER_ERROR (origin unavailable)", null));

        SQSBatchResponse response = handler.handleRequest(sampleEvent(), null);

        assertThat(failedIds(response)).isEmpty();
        SourceState flaky = states.states().get("flaky-origin");
        assertThat(flaky.consecutiveFailures()).isEqualTo(3);
        assertThat(flaky.lastError()).isEqualTo("SERVER_ERROR (origin unavailable)");
        // 2^3 × 15 min after now
        assertThat(flaky.nextPollAt()).isEqualTo(TelemetryLines.CLOCK.instant().plus(Duration.ofMinutes(120)));
        assertThat(flaky.legacySeenUrls()).as("an earlier version's list, kept until a poll succeeds")
                .containsExactly("https://flaky.example/old");
        assertThat(telemetry.metrics()).containsExactly("FetchErrors flaky-origin");
        assertThat(telemetry.events()).contains("source.poll-failed", "message.rejected");
    }

    @Test
    void reportsOnlyThatMessageAsFailedAndSavesNoState_whenTheQueueRefusesItsUrls() {
        script.put("example-news", poll("example-news", "https://example-news.example/1"));
        script.put("flaky-origin", poll("flaky-origin", "https://flaky-origin.example/9"));
        queue.failNextEnqueues(1);

        SQSBatchResponse response = handler.handleRequest(sampleEvent(), null);

        assertThat(failedIds(response)).containsExactly("9a1b2c3d-0a3b-4c5d-8e9f-000000000001");
        assertThat(states.states()).containsOnlyKeys("flaky-origin");
        assertThat(states.marks("example-news")).as("nothing marked seen that was not queued").isEmpty();
        assertThat(queue.requests())
                .containsExactly(new FetchRequest("https://flaky-origin.example/9", "flaky-origin", 0));
    }

    @Test
    void backsOffExponentially_cappedAtADay() {
        Duration interval = Duration.ofMinutes(15);

        assertThat(FeedPollService.backoff(interval, 1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(FeedPollService.backoff(interval, 4)).isEqualTo(Duration.ofMinutes(240));
        assertThat(FeedPollService.backoff(interval, 7)).isEqualTo(Duration.ofHours(24));
        assertThat(FeedPollService.backoff(interval, 500)).isEqualTo(FeedPollService.MAX_BACKOFF);
    }
}
