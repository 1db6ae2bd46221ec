package newsroom.articlefetcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.ingest.ArticleFetchService;
import newsroom.core.ingest.IngestService;
import newsroom.core.model.DateHints;
import newsroom.core.model.RawArticle;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.Fetcher;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.testing.RecordingFetchQueue;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.ScriptedFetcher;
import newsroom.core.testing.TelemetryLines;

class ArticleFetcherHandlerTest {

    private static final String ARTICLE_URL = "https://news.example.com/2025/02/apple-alibaba-ai";
    private static final String BUSY_URL = "https://busy.example.org/markets/today";
    private static final String FIRST = "4f7c1d2e-0a3b-4c5d-8e9f-000000000001";
    private static final String SECOND = "4f7c1d2e-0a3b-4c5d-8e9f-000000000002";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryArticleIndex index = new InMemoryArticleIndex();
    private final RecordingEventPublisher bus = new RecordingEventPublisher();
    private final RecordingFetchQueue queue = new RecordingFetchQueue();
    private final TelemetryLines telemetry = new TelemetryLines("article-fetcher");

    ArticleFetcherHandlerTest() {
        store.put("config/sources.yaml", String.join("\n",
                "sources:",
                "  - name: example-news",
                "    type: feed",
                "    url: https://news.example.com/feed.xml",
                "    timeZone: Europe/Paris",
                "    categories: [business]",
                "    tags: [tech]",
                "").getBytes(StandardCharsets.UTF_8), "application/yaml");
    }

    /** Stands in for the Jsoup extractor: the page's title and paragraph, as the real one would give them. */
    private final HtmlArticleExtractor extractor = (html, url) -> new RawArticle(Map.of(
            "title", "Apple and Alibaba team up on AI",
            "date", "2025-02-12 16:10",
            "url", url),
            "Apple will use Alibaba's models for Apple Intelligence in China.");

    private SQSBatchResponse handle(Fetcher fetcher) {
        return handle(fetcher, extractor, EventLoader.loadSQSEvent(RepoFiles.event("article-fetcher-sqs.json")));
    }

    private SQSBatchResponse handle(Fetcher fetcher, HtmlArticleExtractor pageExtractor, SQSEvent event) {
        IngestService ingest = new IngestService(SiteConfig.defaults(), store, index, bus, pageExtractor,
                telemetry.telemetry(), TelemetryLines.CLOCK);
        ArticleFetchService service = new ArticleFetchService(fetcher, ingest, telemetry.telemetry());
        ArticleFetcherHandler handler = new ArticleFetcherHandler(ArticleFetcherWiring.of(service, queue,
                new SourcesFileContexts(store, "config/sources.yaml", SiteConfig.defaults(), telemetry.telemetry()),
                SiteConfig.defaults(), telemetry.telemetry()));
        return handler.handleRequest(event, null);
    }

    /** A page that states no date, as the extractor gives it. */
    private final HtmlArticleExtractor undated = (html, url) -> new RawArticle(Map.of(
            "title", "Undated story", "source", Map.of("url", url)), "A paragraph without any date.");

    private static SQSEvent oneMessage(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(FIRST);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private String storedMarkdown() {
        String key = store.keys().stream().filter(k -> k.startsWith("content/")).findFirst().orElseThrow();
        return new String(store.get(key).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void datesAnUndatedPage_byTheFeedEntryDateCarriedInTheMessage() {
        String body = "{\"url\":\"" + BUSY_URL + "\",\"source\":\"example-news\","
                + "\"listedDate\":\"2020-06-04T07:47:00Z\",\"listedIn\":\"feed\"}";

        SQSBatchResponse response = handle(new ScriptedFetcher().respondHtml(BUSY_URL, "<p>x</p>"), undated,
                oneMessage(body));

        assertThat(failedIds(response)).isEmpty();
        assertThat(storedMarkdown()).contains("date: \"2020-06-04T09:47:00+02:00\"")
                .contains("dateSource: \"feed\"");
    }

    @Test
    void datesAnUndatedPage_byItsHttpLastModified_whenNothingElseDatesIt() {
        SQSBatchResponse response = handle(new ScriptedFetcher().respondHtml(BUSY_URL, "<p>x</p>",
                        Map.of("Last-Modified", "Wed, 12 Feb 2025 15:10:00 GMT")), undated,
                oneMessage("{\"url\":\"" + BUSY_URL + "\",\"source\":\"busy-origin\"}"));

        assertThat(failedIds(response)).isEmpty();
        assertThat(storedMarkdown()).contains("date: \"2025-02-12T15:10:00Z\"")
                .contains("dateSource: \"http-last-modified\"");
    }

    @Test
    void keepsTheListedDate_whenItRequeuesAMessage() {
        String body = "{\"url\":\"" + BUSY_URL + "\",\"source\":\"busy-origin\","
                + "\"listedDate\":\"2020-06-04T07:47:00Z\",\"listedIn\":\"sitemap\"}";

        handle(new ScriptedFetcher().fail(BUSY_URL,
                new FetchException(FetchFailure.RATE_LIMITED, "slow down", true, 60)), undated, oneMessage(body));

        assertThat(queue.requests()).containsExactly(new FetchRequest(BUSY_URL, "busy-origin", 60,
                Instant.parse("2020-06-04T07:47:00Z"), DateHints.ListedIn.SITEMAP));
    }

    @Test
    void ignoresAListedDateItCannotRead_andStillIngests() {
        String body = "{\"url\":\"" + BUSY_URL + "\",\"source\":\"busy-origin\","
                + "\"listedDate\":\"yesterday\",\"listedIn\":\"feed\"}";

        SQSBatchResponse response = handle(new ScriptedFetcher().respondHtml(BUSY_URL, "<p>x</p>"), undated,
                oneMessage(body));

        assertThat(failedIds(response)).isEmpty();
        assertThat(storedMarkdown()).contains("dateSource: \"first-seen\"");
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private static ScriptedFetcher pages() {
        return new ScriptedFetcher().respondHtml(ARTICLE_URL, "<html><title>Apple</title><p>text</p></html>");
    }

    @Test
    void storesTheArticleAndEmitsArticleStored_forAFetchedPage() {
        SQSBatchResponse response = handle(pages().fail(BUSY_URL,
                new FetchException(FetchFailure.HTTP_ERROR, "gone", false, 0)));

        assertThat(failedIds(response)).isEmpty();
        assertThat(bus.detailTypes()).containsExactly("ArticleStored");
        assertThat(bus.published().get(0).detail()).containsEntry("source", "example-news")
                .containsEntry("url", ARTICLE_URL);
        assertThat(store.keys()).containsExactly("config/sources.yaml",
                "content/en/2025/02/apple-and-alibaba-team-up-on-ai.md");
    }

    @Test
    void appliesTheSourcesTimeZoneAndDefaults_fromTheSourcesFile() {
        handle(pages().fail(BUSY_URL, new FetchException(FetchFailure.HTTP_ERROR, "gone", false, 0)));

        String markdown = new String(store.get("content/en/2025/02/apple-and-alibaba-team-up-on-ai.md").orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(markdown).contains("date: \"2025-02-12T16:10:00+01:00\"").contains("- \"business\"")
                .contains("- \"tech\"");
    }

    @Test
    void requeuesWithRetryAfterDelay_andAcknowledgesTheOriginal_whenOriginSaysRetryAfter() {
        SQSBatchResponse response = handle(pages().fail(BUSY_URL,
                new FetchException(FetchFailure.RATE_LIMITED, "too many requests", true, 120)));

        assertThat(failedIds(response)).doesNotContain(SECOND);
        assertThat(queue.requests()).containsExactly(new FetchRequest(BUSY_URL, "busy-origin", 120));
    }

    @Test
    void capsTheRequeueDelayAtSqsMaximum_whenRetryAfterIsLonger() {
        handle(pages().fail(BUSY_URL, new FetchException(FetchFailure.SERVER_ERROR, "maintenance", true, 7200)));

        assertThat(queue.requests()).containsExactly(new FetchRequest(BUSY_URL, "busy-origin", 900));
    }

    @Test
    void reportsTheMessageAsFailed_whenRetryAfterRequeueIsRefused() {
        queue.failNextEnqueues(1);

        SQSBatchResponse response = handle(pages().fail(BUSY_URL,
                new FetchException(FetchFailure.RATE_LIMITED, "too many requests", true, 60)));

        assertThat(failedIds(response)).contains(SECOND);
        assertThat(queue.requests()).isEmpty();
    }

    @Test
    void reportsThatMessageAsFailed_whenTheFetchFailureIsRetryableWithoutDelay() {
        SQSBatchResponse response = handle(pages().fail(BUSY_URL,
                new FetchException(FetchFailure.CONNECT_FAILED, "connection reset", true, 0)));

        assertThat(failedIds(response)).contains(SECOND).doesNotContain("4f7c1d2e-0a3b-4c5d-8e9f-000000000003");
        assertThat(queue.requests()).isEmpty();
    }

    @Test
    void logsAndCountsTheDeadLetter_whenTheLastAllowedReceiveFails() {
        // the second record of the sample is on its third receive: SQS moves it to the DLQ after this failure
        handle(pages().fail(BUSY_URL, new FetchException(FetchFailure.CONNECT_FAILED, "connection reset", true, 0)));

        assertThat(telemetry.events()).contains("message.dead-lettered");
        assertThat(telemetry.metrics()).contains("DlqSends busy-origin");
        Map<String, Object> line = telemetry.parsed().stream()
                .filter(m -> "message.dead-lettered".equals(m.get("event"))).findFirst().orElseThrow();
        assertThat(line).containsEntry("messageId", SECOND).containsEntry("url", BUSY_URL)
                .containsEntry("reason", "CONNECT_FAILED").containsEntry("receiveCount", 3);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) line.get("error");
        assertThat(error).containsEntry("type", FetchException.class.getName())
                .containsEntry("message", "CONNECT_FAILED (connection reset)");
        assertThat((String) error.get("stackTrace")).contains("\tat ");
    }

    @Test
    void reportsTheMessageAsFailed_whenInfrastructureBreaksMidway() {
        Fetcher broken = (uri, kind, validators) -> {
            throw new UncheckedIOException(new IOException("socket closed by the platform"));
        };

        SQSBatchResponse response = handle(broken);

        assertThat(failedIds(response)).containsExactly(FIRST, SECOND);
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void acknowledgesAndCountsAPermanentFetchFailure_withoutRetrying() {
        SQSBatchResponse response = handle(pages().fail(BUSY_URL,
                new FetchException(FetchFailure.HTTP_ERROR, "not found", false, 0)));

        assertThat(failedIds(response)).doesNotContain(SECOND);
        assertThat(telemetry.metrics()).contains("FetchErrors busy-origin");
        assertThat(queue.requests()).isEmpty();
    }

    @Test
    void acknowledgesAndCountsAnUndecodableMessage_withItsReasonLogged() {
        SQSBatchResponse response = handle(pages().fail(BUSY_URL,
                new FetchException(FetchFailure.HTTP_ERROR, "not found", false, 0)));

        assertThat(failedIds(response)).doesNotContain("4f7c1d2e-0a3b-4c5d-8e9f-000000000003");
        Map<String, Object> line = telemetry.parsed().stream()
                .filter(m -> "message.rejected".equals(m.get("event"))
                        && "INVALID_MESSAGE".equals(m.get("reason"))).findFirst().orElseThrow();
        assertThat(line).containsEntry("detail", "message body is not JSON");
        assertThat(telemetry.metrics()).contains("ArticlesRejected unknown");
    }

    @Test
    void primesWithoutWritingAnything_beforeTheSnapStartCheckpoint() {
        ArticleFetcherHandler handler = new ArticleFetcherHandler(ArticleFetcherWiring.of(
                new ArticleFetchService(new ScriptedFetcher(), new IngestService(SiteConfig.defaults(), store, index,
                        bus, extractor, telemetry.telemetry(), TelemetryLines.CLOCK), telemetry.telemetry()), queue,
                new SourcesFileContexts(store, "config/sources.yaml", SiteConfig.defaults(), telemetry.telemetry()),
                SiteConfig.defaults(), telemetry.telemetry()));

        handler.beforeCheckpoint(null);

        assertThat(store.keys()).containsExactly("config/sources.yaml");
        assertThat(index.records()).isEmpty();
        assertThat(bus.published()).isEmpty();
        assertThat(queue.requests()).isEmpty();
        assertThat(telemetry.events()).doesNotContain("priming.incomplete");
    }
}
