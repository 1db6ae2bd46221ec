package newsroom.articlefetcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.aws.testing.DeadlineContext;
import newsroom.core.config.SiteConfig;
import newsroom.core.ingest.ArticleFetchService;
import newsroom.core.ingest.IngestService;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.testing.RecordingFetchQueue;
import newsroom.core.testing.TelemetryLines;
import newsroom.fetch.AddressPolicy;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;

/**
 * A batch against a trickling loopback origin with little time left: the invocation ends before the Lambda timeout,
 * the finished message is acknowledged, and everything else is reported as a batch item failure.
 */
class SlowOriginBatchTest {

    private static final long REMAINING_MILLIS = 6_000;
    /** Scaled down from the production budget so the test takes seconds: 2 s per message, 0.3 s reserve. */
    private static final MessageBudget BUDGET = new MessageBudget(Duration.ofMillis(2_000), Duration.ofMillis(300),
            Duration.ofMillis(500), Duration.ofMillis(300));

    private HttpServer origin;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final RecordingEventPublisher bus = new RecordingEventPublisher();
    private final TelemetryLines telemetry = new TelemetryLines("article-fetcher");

    private final HtmlArticleExtractor extractor = (html, url) -> new RawArticle(Map.of(
            "title", "Harbour ferries resume", "date", "2025-02-12 16:10", "url", url), "Ferries run again.");

    @BeforeEach
    void start() throws IOException {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        origin.createContext("/robots.txt", ex -> respond(ex, 404, "text/plain", "none"));
        origin.createContext("/fast", ex -> respond(ex, 200, "text/html", "<html><title>Ferries</title></html>"));
        origin.createContext("/slow/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 100_000);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the fetcher hung up at its deadline
            }
        });
        origin.setExecutor(executor);
        origin.start();
    }

    @AfterEach
    void stop() {
        origin.stop(0);
        executor.shutdownNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + origin.getAddress().getPort() + path;
    }

    private static SQSEvent.SQSMessage message(String id, String url) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody("{\"url\":\"" + url + "\",\"source\":\"harbour\"}");
        m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return m;
    }

    @Test
    void endsBeforeTheTimeout_acknowledgesWhatFinished_andReportsTheRest() {
        // per-attempt deadline 20 s and 3 attempts, as in production: only the message budget can stop the trickle
        FetcherConfig config = FetcherConfig.defaults("https://newsroom.example/bot")
                .withAllowedPorts(Set.of(origin.getAddress().getPort()))
                .withPoliteness(Duration.ZERO, Duration.ofSeconds(30));
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder(config)
                .addressPolicy(AddressPolicy.publicOnly().allowingForTests("127.0.0.1/32")).build();
        IngestService ingest = new IngestService(SiteConfig.defaults(), store, new InMemoryArticleIndex(), bus,
                extractor, telemetry.telemetry(), TelemetryLines.CLOCK);
        ArticleFetcherHandler handler = new ArticleFetcherHandler(ArticleFetcherWiring.of(
                new ArticleFetchService(fetcher, ingest, telemetry.telemetry()), new RecordingFetchQueue(),
                (source, articleUrl) -> new SourceContext(source, articleUrl, null,
                        ZoneOffset.UTC, "en", List.of(), List.of()),
                SiteConfig.defaults(), telemetry.telemetry()).withBudget(BUDGET));
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        records.add(message("m0", url("/fast")));
        for (int i = 1; i <= 5; i++) {
            records.add(message("m" + i, url("/slow/" + i)));
        }
        event.setRecords(records);

        long start = System.nanoTime();
        SQSBatchResponse response = handler.handleRequest(event,
                new DeadlineContext("ArticleFetcherFunction", Duration.ofMillis(REMAINING_MILLIS)));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).as("the invocation ends before its timeout").isLessThan(REMAINING_MILLIS);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(bus.detailTypes()).containsExactly("ArticleStored");
        assertThat(telemetry.events()).contains("message.done", "message.failed", "message.not-started");
        assertThat(telemetry.parsed().stream().filter(l -> "message.failed".equals(l.get("event")))
                .map(l -> String.valueOf(l.get("reason")))).allMatch(r -> r.startsWith("TIMEOUT"));
    }

    @Test
    void doesNotStartAMessage_whenLessThanItNeedsIsLeft() {
        ArticleFetcherHandler handler = new ArticleFetcherHandler(ArticleFetcherWiring.of(
                new ArticleFetchService((uri, kind, validators) -> {
                    throw new AssertionError("nothing may be fetched");
                }, new IngestService(SiteConfig.defaults(), store, new InMemoryArticleIndex(), bus, extractor,
                        telemetry.telemetry(), TelemetryLines.CLOCK), telemetry.telemetry()),
                new RecordingFetchQueue(), (source, articleUrl) -> null, SiteConfig.defaults(),
                telemetry.telemetry()));
        SQSEvent event = new SQSEvent();
        SQSEvent.SQSMessage last = message("m9", url("/fast"));
        last.setAttributes(Map.of("ApproximateReceiveCount", "3"));
        event.setRecords(List.of(message("m8", url("/fast")), last));

        SQSBatchResponse response = handler.handleRequest(event,
                new DeadlineContext("ArticleFetcherFunction", Duration.ofMillis(12_000)));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m8", "m9");
        assertThat(telemetry.events()).containsExactly("message.not-started", "message.dead-lettered");
        assertThat(telemetry.metrics()).contains("DlqSends harbour");
    }

    private static void respond(HttpExchange ex, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
