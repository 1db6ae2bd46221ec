package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import newsroom.core.testing.InMemoryHostTurns;
import newsroom.core.testing.InMemoryRobotsTxtShare;
import newsroom.core.testing.ManualClock;

/**
 * Several fetchers — as several Lambda instances, each with its own in-process politeness — sharing one
 * {@link newsroom.core.port.HostTurns}: one request at a time per host across all of them, and a host's crawl-delay
 * and Retry-After honoured by the instances that did not see them.
 */
class SharedHostTurnsTest {

    private LoopbackHttpServer server;
    private final InMemoryHostTurns turns = new InMemoryHostTurns();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SafeHttpFetcher instance(FetcherConfig config, Clock clock, Sleeper sleeper) {
        return SafeHttpFetcher.builder(config)
                .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1")))
                .addressPolicy(TestFetchers.loopbackForTests())
                .hostTurns(turns).sleeper(sleeper).clock(clock).build();
    }

    private URI url(String path) {
        return URI.create("http://news.test:" + server.port() + path);
    }

    @Test
    void sendsAtMostOneRequestAtATimeToAHost_acrossInstances() throws Exception {
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
        List<SafeHttpFetcher> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(instance(TestFetchers.config(server.port()), Clock.systemUTC(), Sleeper.threadSleep()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (SafeHttpFetcher f : instances) {
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

    @Test
    void anotherInstanceWaitsTheCrawlDelay_afterTheFirstInstancesRequest() throws Exception {
        server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 3\n")
                .serve("/a", 200, "text/html", "a").serve("/b", 200, "text/html", "b");
        ManualClock time = new ManualClock(Instant.parse("2025-07-01T10:00:00Z"));
        List<Duration> secondWaits = new ArrayList<>();
        SafeHttpFetcher first = instance(TestFetchers.config(server.port()), time, time::advance);
        SafeHttpFetcher second = instance(TestFetchers.config(server.port()), time, d -> {
            secondWaits.add(d);
            time.advance(d);
        });

        first.fetch(url("/a"), ContentKind.HTML);
        Instant firstDone = time.instant();
        second.fetch(url("/robots.txt"), ContentKind.ROBOTS);

        assertThat(Duration.between(firstDone, time.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(secondWaits.stream().reduce(Duration.ZERO, Duration::plus))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anotherInstanceIsToldToComeBack_whileTheHostsRetryAfterRuns() {
        server.serve("/robots.txt", 404, "text/plain", "")
                .on("/a", ex -> {
                    ex.getResponseHeaders().add("Retry-After", "120");
                    LoopbackHttpServer.respond(ex, 429, "text/plain", "slow down");
                })
                .serve("/b", 200, "text/html", "b");
        ManualClock time = new ManualClock(Instant.parse("2025-07-01T10:00:00Z"));
        SafeHttpFetcher first = instance(TestFetchers.config(server.port()), time, time::advance);
        SafeHttpFetcher second = instance(TestFetchers.config(server.port()), time, time::advance);

        FetchException limited = catchThrowableOfType(() -> first.fetch(url("/a"), ContentKind.HTML),
                FetchException.class);
        FetchException busy = catchThrowableOfType(() -> second.fetch(url("/b"), ContentKind.HTML),
                FetchException.class);

        assertThat(limited.reason()).isEqualTo(FetchFailure.RATE_LIMITED);
        assertThat(busy.reason()).isEqualTo(FetchFailure.HOST_BUSY);
        assertThat(busy.retryAfterSeconds()).isBetween(119L, 120L);
        assertThat(server.hits("/b")).isZero();
    }

    @Test
    void fetchesRobotsTxtOnceForAllInstances_whileTheSharedCopyIsFresh() throws Exception {
        server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private\n")
                .serve("/a", 200, "text/html", "a");
        InMemoryRobotsTxtShare share = new InMemoryRobotsTxtShare();
        ManualClock time = new ManualClock(Instant.parse("2025-07-01T10:00:00Z"));
        List<SafeHttpFetcher> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(SafeHttpFetcher.builder(TestFetchers.config(server.port()))
                    .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1")))
                    .addressPolicy(TestFetchers.loopbackForTests())
                    .hostTurns(turns).robotsShare(share).sleeper(time::advance).clock(time).build());
        }

        for (SafeHttpFetcher f : instances) {
            f.fetch(url("/a"), ContentKind.HTML);
        }
        FetchException refused = catchThrowableOfType(() -> instances.get(2).fetch(url("/private/x"),
                ContentKind.HTML), FetchException.class);

        assertThat(server.hits("/robots.txt")).isEqualTo(1);
        assertThat(server.hits("/a")).isEqualTo(3);
        assertThat(refused.reason()).isEqualTo(FetchFailure.ROBOTS_DISALLOWED);
    }
}
