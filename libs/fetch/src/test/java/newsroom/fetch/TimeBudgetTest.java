package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;

/**
 * One time budget per call covers robots.txt, the politeness wait, every attempt and backoff: a trickling origin
 * cannot hold a call past it, whatever the per-attempt deadline and attempt count say.
 */
class TimeBudgetTest {

    private LoopbackHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private final TestFetchers.RecordingSleeper sleeper = new TestFetchers.RecordingSleeper();

    private SafeHttpFetcher fetcher(FetcherConfig config) {
        return fetcher(config, Sleeper.threadSleep());
    }

    private SafeHttpFetcher fetcher(FetcherConfig config, Sleeper sleeper) {
        return SafeHttpFetcher.builder(config).sleeper(sleeper)
                .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1")))
                .addressPolicy(TestFetchers.loopbackForTests())
                .build();
    }

    /** Sends headers, then one byte every 100 ms for 10 s. */
    private static LoopbackHttpServer.Handler trickle(String type) {
        return ex -> {
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, 100);
            OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                // the client left at its deadline
            }
        };
    }

    private URI url(String path) {
        return URI.create("http://news.test:" + server.port() + path);
    }

    @Test
    void endsATricklingPageAtTheBudget_notAtThePerAttemptDeadline() {
        server.on("/slow", trickle("text/html"));
        SafeHttpFetcher fetcher = fetcher(TestFetchers.config(server.port())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)));

        long start = System.nanoTime();
        FetchException e = catchThrowableOfType(() -> fetcher.fetch(url("/slow"), ContentKind.HTML, Map.of(),
                Duration.ofMillis(600)), FetchException.class);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.reason()).isEqualTo(FetchFailure.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertThat(tookMillis).isBetween(500L, 3_000L);
    }

    @Test
    void countsATricklingRobotsTxtAgainstTheBudget_withoutRememberingItAsAnOutage() {
        server.on("/robots.txt", trickle("text/plain"));
        server.serve("/a", 200, "text/html", "<p>a</p>");
        SafeHttpFetcher fetcher = fetcher(TestFetchers.config(server.port())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)));

        long start = System.nanoTime();
        FetchException first = catchThrowableOfType(() -> fetcher.fetch(url("/a"), ContentKind.HTML, Map.of(),
                Duration.ofMillis(400)), FetchException.class);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        FetchException second = catchThrowableOfType(() -> fetcher.fetch(url("/a"), ContentKind.HTML, Map.of(),
                Duration.ofMillis(400)), FetchException.class);

        assertThat(first.reason()).isEqualTo(FetchFailure.TIMEOUT);
        assertThat(tookMillis).isLessThan(3_000L);
        assertThat(second.reason()).as("asked robots.txt again, not a cached disallow").isEqualTo(FetchFailure.TIMEOUT);
        assertThat(server.hits("/robots.txt")).isEqualTo(2);
        assertThat(server.hits("/a")).isZero();
    }

    @Test
    void failsAtOnceWithHostBusy_whenThePolitenessWaitIsLongerThanTheBudget() throws Exception {
        server.serve("/a", 200, "text/html", "<p>a</p>").serve("/b", 200, "text/html", "<p>b</p>");
        SafeHttpFetcher fetcher = fetcher(TestFetchers.config(server.port())
                .withPoliteness(Duration.ofSeconds(5), Duration.ofSeconds(30)), sleeper);
        fetcher.fetch(url("/a"), ContentKind.HTML);
        int waitsBefore = sleeper.waits.size();

        long start = System.nanoTime();
        FetchException e = catchThrowableOfType(() -> fetcher.fetch(url("/b"), ContentKind.HTML, Map.of(),
                Duration.ofSeconds(1)), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.HOST_BUSY);
        assertThat(e.retryAfterSeconds()).as("5 s delay + 5 % margin").isBetween(1L, 6L);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000L);
        assertThat(server.hits("/b")).isZero();
        assertThat(sleeper.waits).hasSize(waitsBefore);
    }

    @Test
    void stopsRetryingWhenTheNextBackoffWouldPassTheBudget() {
        server.serve("/down", 503, "text/plain", "down");
        SafeHttpFetcher fetcher = fetcher(TestFetchers.config(server.port()));

        long start = System.nanoTime();
        FetchException e = catchThrowableOfType(() -> fetcher.fetch(url("/down"), ContentKind.HTML, Map.of(),
                Duration.ofMillis(200)), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.detail()).contains("no time left for attempt 2");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000L);
        assertThat(server.hits("/down")).isEqualTo(1);
    }
}
