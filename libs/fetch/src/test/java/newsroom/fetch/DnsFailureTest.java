package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;

/** A resolver that fails for now is retried like a 503; only a name that still does not exist is final. */
class DnsFailureTest {

    private LoopbackHttpServer server;
    private final TestFetchers.RecordingSleeper sleeper = new TestFetchers.RecordingSleeper();
    private final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackHttpServer();
        server.serve("/a", 200, "text/html", "<p>story</p>");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Fails the first {@code failures} lookups with {@code failure}, then answers 127.0.0.1. */
    private SafeHttpFetcher fetcher(int failures, UnknownHostException failure) {
        HostResolver resolver = host -> {
            if (lookups.incrementAndGet() <= failures) {
                throw failure;
            }
            return List.of(InetAddress.getByName("127.0.0.1"));
        };
        return SafeHttpFetcher.builder(TestFetchers.config(server.port())).resolver(resolver)
                .addressPolicy(TestFetchers.loopbackForTests()).sleeper(sleeper).build();
    }

    private URI page() {
        return URI.create("http://news.test:" + server.port() + "/a");
    }

    @Test
    void retriesATemporaryResolverFailure_thenFetches() throws Exception {
        SafeHttpFetcher fetcher = fetcher(2, new HostResolver.TemporaryFailure("news.test: SERVFAIL"));

        assertThat(fetcher.fetch(page(), ContentKind.HTML).status()).isEqualTo(200);
        assertThat(lookups.get()).as("two failed, the page, then robots.txt").isEqualTo(4);
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void reportsAResolverThatStaysDown_asRetryable_soTheArticleIsNotLost() {
        SafeHttpFetcher fetcher = fetcher(99, new HostResolver.TemporaryFailure("news.test: timed out"));

        FetchException e = catchThrowableOfType(() -> fetcher.fetch(page(), ContentKind.HTML), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.DNS_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfterSeconds()).isPositive();
        assertThat(e.detail()).contains("gave up after 3 attempts");
        assertThat(lookups.get()).isEqualTo(3);
    }

    @Test
    void reportsANameThatStillDoesNotExistAfterTheRetries_asPermanent() {
        SafeHttpFetcher fetcher = fetcher(99, new UnknownHostException("news.test"));

        FetchException e = catchThrowableOfType(() -> fetcher.fetch(page(), ContentKind.HTML), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.UNKNOWN_HOST);
        assertThat(e.retryable()).isFalse();
        assertThat(lookups.get()).isEqualTo(3);
    }

    @Test
    void readsTheJdksTemporaryFailureMessage_asATemporaryFailure() {
        UnknownHostException eaiAgain = new UnknownHostException("news.test: Temporary failure in name resolution");
        UnknownHostException noName = new UnknownHostException("news.test: Name or service not known");

        assertThat(HostResolver.classify(eaiAgain)).isInstanceOf(HostResolver.TemporaryFailure.class);
        assertThat(HostResolver.classify(noName)).isSameAs(noName);
    }
}
