package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.testing.ManualClock;

/** robots.txt, Crawl-delay and per-host politeness. A fixed clock makes the requested waits exact. */
class PolitenessTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);

    private LoopbackHttpServer server;
    private TestFetchers.RecordingSleeper sleeper;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackHttpServer();
        sleeper = new TestFetchers.RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SafeHttpFetcher fetcher(FetcherConfig config, Clock clock) {
        return SafeHttpFetcher.builder(config)
                .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1")))
                .addressPolicy(TestFetchers.loopbackForTests())
                .sleeper(sleeper).clock(clock).build();
    }

    private SafeHttpFetcher fetcher() {
        return fetcher(TestFetchers.config(server.port()), FIXED);
    }

    private URI url(String path) {
        return URI.create("http://news.test:" + server.port() + path);
    }

    @Test
    void refusesAPathDisallowedByRobotsTxt_withoutRequestingIt() {
        server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n")
                .serve("/private/page", 200, "text/html", "secret");

        FetchException e = catchThrowableOfType(() -> fetcher().fetch(url("/private/page"), ContentKind.HTML),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.ROBOTS_DISALLOWED);
        assertThat(e.retryable()).isFalse();
        assertThat(server.hits("/private/page")).isZero();
    }

    @Test
    void obeysTheGroupNamingOurBot_overTheWildcardGroup() throws Exception {
        server.serve("/robots.txt", 200, "text/plain",
                        "User-agent: *\nDisallow:\n\nUser-agent: NewsroomIngest\nDisallow: /news/\n")
                .serve("/news/a", 200, "text/html", "a").serve("/other", 200, "text/html", "o");
        SafeHttpFetcher f = fetcher();

        FetchException e = catchThrowableOfType(() -> f.fetch(url("/news/a"), ContentKind.HTML),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.ROBOTS_DISALLOWED);
        assertThat(f.fetch(url("/other"), ContentKind.HTML).status()).isEqualTo(200);
    }

    @Test
    void fetchesRobotsTxtOncePerHost_whileTheCacheIsFresh() throws Exception {
        server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nAllow: /\n")
                .serve("/a", 200, "text/html", "a").serve("/b", 200, "text/html", "b");
        SafeHttpFetcher f = fetcher();

        f.fetch(url("/a"), ContentKind.HTML);
        f.fetch(url("/b"), ContentKind.HTML);
        f.fetch(url("/a"), ContentKind.HTML);

        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void refreshesRobotsTxtConditionally_afterTheTtl() throws Exception {
        List<String> seenEtags = new ArrayList<>();
        server.on("/robots.txt", ex -> {
            seenEtags.add(String.valueOf(ex.getRequestHeaders().getFirst("If-None-Match")));
            if ("\"r1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"r1\"");
            LoopbackHttpServer.respond(ex, 200, "text/plain", "User-agent: *\nDisallow: /x\n");
        }).serve("/a", 200, "text/html", "a").serve("/x", 200, "text/html", "x");
        ManualClock clock = new ManualClock(FIXED.instant());
        SafeHttpFetcher f = fetcher(TestFetchers.config(server.port()), clock);

        f.fetch(url("/a"), ContentKind.HTML);
        clock.advance(Duration.ofHours(25));
        f.fetch(url("/a"), ContentKind.HTML);
        FetchException e = catchThrowableOfType(() -> f.fetch(url("/x"), ContentKind.HTML), FetchException.class);

        assertThat(seenEtags).containsExactly("null", "\"r1\"");
        assertThat(e.reason()).isEqualTo(FetchFailure.ROBOTS_DISALLOWED);
    }

    @Test
    void treatsAServerErrorOnRobotsTxtAsCompleteDisallow_retryableLater() {
        server.serve("/robots.txt", 500, "text/plain", "oops").serve("/a", 200, "text/html", "a");

        FetchException e = catchThrowableOfType(() -> fetcher().fetch(url("/a"), ContentKind.HTML),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.ROBOTS_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfterSeconds()).isEqualTo(60);
        assertThat(server.hits("/a")).isZero();
    }

    @Test
    void crawlsWithoutRestriction_whenRobotsTxtIsMissing() throws Exception {
        server.serve("/a", 200, "text/html", "a");

        assertThat(fetcher().fetch(url("/a"), ContentKind.HTML).status()).isEqualTo(200);
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void waitsTheCrawlDelayBetweenRequestsToTheSameHost() throws Exception {
        server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 3\n")
                .serve("/a", 200, "text/html", "a").serve("/b", 200, "text/html", "b");
        SafeHttpFetcher f = fetcher();

        f.fetch(url("/a"), ContentKind.HTML);
        f.fetch(url("/b"), ContentKind.HTML);

        // robots.txt itself went first (no wait), then /a waited for it, then /b waited for /a: 3 s + 5 % each.
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(3150), Duration.ofMillis(3150));
    }

    @Test
    void waitsTheConfiguredMinimumDelayBetweenRequestsToTheSameHost() throws Exception {
        server.serve("/a", 200, "text/html", "a");
        SafeHttpFetcher f = fetcher(TestFetchers.config(server.port())
                .withPoliteness(Duration.ofMillis(1500), Duration.ofSeconds(30)), FIXED);

        f.fetch(url("/a"), ContentKind.HTML);

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(1575));
    }

    @Test
    void reportsHostBusyWithTheWait_whenCrawlDelayExceedsTheLongestInProcessWait() {
        server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 120\n")
                .serve("/a", 200, "text/html", "a");

        FetchException e = catchThrowableOfType(() -> fetcher().fetch(url("/a"), ContentKind.HTML),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.HOST_BUSY);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfterSeconds()).as("120 s + 5 % margin").isEqualTo(126);
        assertThat(server.hits("/a")).isZero();
    }

    @Test
    void sendsAtMostOneRequestAtATimeToAHost() throws Exception {
        AtomicInteger inHandler = new AtomicInteger();
        AtomicInteger maxInHandler = new AtomicInteger();
        server.on("/slow", ex -> {
            maxInHandler.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inHandler.decrementAndGet();
            LoopbackHttpServer.respond(ex, 200, "text/html", "s");
        });
        SafeHttpFetcher f = fetcher(TestFetchers.config(server.port()), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> f.fetch(url("/slow"), ContentKind.HTML).status()));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(server.hits("/slow")).isEqualTo(4);
        assertThat(maxInHandler.get()).isEqualTo(1);
    }
}
