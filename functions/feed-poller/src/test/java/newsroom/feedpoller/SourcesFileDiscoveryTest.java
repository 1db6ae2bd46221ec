package newsroom.feedpoller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.InMemorySourceStateStore;
import newsroom.core.testing.RecordingFetchQueue;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.ScriptedFetcher;
import newsroom.core.testing.TelemetryLines;
import newsroom.discovery.SourcePoller;

/** The poller function over the real sources file loader and SourcePoller, with a scripted origin. */
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
    private final TelemetryLines telemetry = new TelemetryLines("feed-poller");
    private final ScriptedFetcher origin = new ScriptedFetcher()
            .respond("https://news.example.com/feed.xml", "application/rss+xml", FEED.getBytes(StandardCharsets.UTF_8));

    private final FeedPollerHandler handler = new FeedPollerHandler(new FeedPollService(
            new SourcesFileDiscovery(store, "config/sources.yaml",
                    new SourcePoller(origin, states, TelemetryLines.CLOCK, Duration.ofDays(30))),
            queue, states, telemetry.telemetry()), telemetry.telemetry());

    private void sourcesFile(String yaml) {
        store.put("config/sources.yaml", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    }

    private static Map<String, Object> scheduleEvent() {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = EventLoader.loadEvent(RepoFiles.event("feed-poller-schedule.json"), Map.class);
        return event;
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

        handler.handleRequest(scheduleEvent(), null);

        assertThat(queue.requests()).containsExactly(
                new FetchRequest("https://news.example.com/2025/02/two", "example-news", 0,
                        java.time.Instant.parse("2025-02-12T09:00:00Z"), newsroom.core.model.DateHints.ListedIn.FEED),
                new FetchRequest("https://news.example.com/2025/02/one", "example-news", 0,
                        java.time.Instant.parse("2025-02-11T08:00:00Z"), newsroom.core.model.DateHints.ListedIn.FEED));
    }

    @Test
    void neverFetchesADisabledSource() {
        sourcesFile(SOURCES);

        handler.handleRequest(scheduleEvent(), null);

        assertThat(origin.requested()).extracting(Object::toString).doesNotContain("https://paused.example.com/feed.xml");
    }

    @Test
    void queuesNothingTwice_whenTheSameFeedIsPolledAgain() {
        sourcesFile(SOURCES);
        handler.handleRequest(scheduleEvent(), null);

        Map<String, Object> second = handler.handleRequest(scheduleEvent(), null);

        assertThat(queue.requests()).hasSize(2);
        assertThat(second).isEqualTo(Map.of("queued", Map.of("example-news", 0), "failed", Map.of()));
    }

    @Test
    void failsNamingTheObject_whenTheSourcesFileIsMissing() {
        assertThatThrownBy(() -> handler.handleRequest(scheduleEvent(), null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("sources file mem://config/sources.yaml does not exist; upload one (see README: Sources)");
    }
}
