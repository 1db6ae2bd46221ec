package newsroom.feedpoller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

import newsroom.aws.SqsPollQueue;
import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.model.DateHints;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.PollQueue;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.InMemorySourceStateStore;
import newsroom.core.testing.RecordingFetchQueue;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.ScriptedFetcher;
import newsroom.core.testing.TelemetryLines;
import newsroom.discovery.SourcePoller;

/**
 * Dispatcher and poll worker together over the real sources file loader and SourcePoller, with a scripted origin:
 * each poll-queue message the dispatcher sends is handed to the worker as Lambda would (one SQS record each).
 */
class SourcesFileDiscoveryTest {

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Example News</title><link>https://news.example.com/</link>
            <item><title>One</title><link>https://news.example.com/2025/02/one</link>
              <pubDate>Tue, 11 Feb 2025 08:00:00 GMT</pubDate></item>
            <item><title>Two</title><link>https://news.example.com/2025/02/two?utm_source=rss</link>
              <pubDate>Wed, 12 Feb 2025 09:00:00 GMT</pubDate></item>
            </channel></rss>
            """;

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemorySourceStateStore states = new InMemorySourceStateStore();
    private final RecordingFetchQueue queue = new RecordingFetchQueue();
    private final List<PollQueue.PollRequest> polls = new ArrayList<>();
    private final TelemetryLines telemetry = new TelemetryLines("feed-poller");
    private final ScriptedFetcher origin = new ScriptedFetcher()
            .respond("https://news.example.com/feed.xml", "application/rss+xml", FEED.getBytes(StandardCharsets.UTF_8));

    private final PollDispatcherHandler dispatcher = new PollDispatcherHandler(PollDispatcherWiring.of(
            new PollDispatchService(new SourcesFileDiscovery(store, "config/sources.yaml", null,
                    Duration.ofMinutes(15), TelemetryLines.CLOCK),
                    states, polls::addAll, TelemetryLines.CLOCK, telemetry.telemetry()), telemetry.telemetry()));
    private final FeedPollerHandler worker = new FeedPollerHandler(FeedPollerWiring.of(new FeedPollService(
            new SourcesFileDiscovery(store, "config/sources.yaml",
                    new SourcePoller(origin, states, TelemetryLines.CLOCK, Duration.ofDays(30),
                            SourcePoller.DEFAULT_SEEN_TTL),
                    Duration.ofMinutes(15), TelemetryLines.CLOCK),
            queue, states, TelemetryLines.CLOCK, telemetry.telemetry()), telemetry.telemetry()));

    private void sourcesFile(String yaml) {
        store.put("config/sources.yaml", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    }

    private static ScheduledEvent scheduleEvent() {
        return EventLoader.loadScheduledEvent(RepoFiles.event("poll-dispatcher-schedule.json"));
    }

    /** One dispatcher tick, then every message it sent through the worker. */
    private List<SQSBatchResponse> tick() {
        polls.clear();
        dispatcher.handleRequest(scheduleEvent(), null);
        List<SQSBatchResponse> responses = new ArrayList<>();
        for (PollQueue.PollRequest poll : polls) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + poll.source());
            message.setBody(SqsPollQueue.body(poll));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(message));
            responses.add(worker.handleRequest(event, null));
        }
        return responses;
    }

    private static final String SOURCES = """
            sources:
              - name: example-news
                type: feed
                url: https://news.example.com/feed.xml
              - name: paused
                type: feed
                url: https://paused.example.com/feed.xml
                enabled: false
            """;

    @Test
    void queuesTheFeedsItemsNewestFirst_withTrackingParametersRemoved() {
        sourcesFile(SOURCES);

        tick();

        assertThat(queue.requests()).containsExactly(
                new FetchRequest("https://news.example.com/2025/02/two", "example-news", 0,
                        Instant.parse("2025-02-12T09:00:00Z"), DateHints.ListedIn.FEED),
                new FetchRequest("https://news.example.com/2025/02/one", "example-news", 0,
                        Instant.parse("2025-02-11T08:00:00Z"), DateHints.ListedIn.FEED));
    }

    @Test
    void neverDispatchesOrFetchesADisabledSource() {
        sourcesFile(SOURCES);

        tick();

        assertThat(polls).extracting(PollQueue.PollRequest::source).containsExactly("example-news");
        assertThat(origin.requested()).extracting(Object::toString)
                .doesNotContain("https://paused.example.com/feed.xml");
    }

    @Test
    void dispatchesNothing_beforeTheSourcesIntervalHasPassed() {
        sourcesFile(SOURCES);
        tick();

        tick();

        assertThat(polls).isEmpty();
        assertThat(states.states().get("example-news").nextPollAt())
                .isEqualTo(TelemetryLines.CLOCK.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void usesTheSourcesOwnInterval_whenTheFileSetsOne() {
        sourcesFile(SOURCES.replace("url: https://news.example.com/feed.xml",
                "url: https://news.example.com/feed.xml\n    pollEveryMinutes: 120"));

        tick();

        assertThat(states.states().get("example-news").nextPollAt())
                .isEqualTo(TelemetryLines.CLOCK.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void acknowledgesAndPollsNothing_whenTheSourceWasRemovedAfterDispatch() {
        sourcesFile(SOURCES);
        polls.clear();
        dispatcher.handleRequest(scheduleEvent(), null);
        sourcesFile("sources: []\n");
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody(SqsPollQueue.body(polls.get(0)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));

        SQSBatchResponse response = worker.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(origin.requested()).isEmpty();
        assertThat(telemetry.events()).contains("source.gone");
    }

    @Test
    void failsNamingTheObject_whenTheSourcesFileIsMissing() {
        assertThatThrownBy(() -> dispatcher.handleRequest(scheduleEvent(), null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("sources file mem://config/sources.yaml does not exist; upload one (see README: Sources)");
    }
}
