package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.ingest.HtmlDecoding;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.Fetcher.FetchedResource;

/** Limits, content types, charsets, redirects, conditional GET and retries of the fetcher, against loopback servers. */
class SafeHttpFetcherTest {

    private LoopbackHttpServer server;
    private TestFetchers.RecordingSleeper sleeper;
    private SafeHttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackHttpServer();
        sleeper = new TestFetchers.RecordingSleeper();
        fetcher = fetcher(TestFetchers.config(server.port()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SafeHttpFetcher fetcher(FetcherConfig config) {
        return SafeHttpFetcher.builder(config)
                .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1")))
                .addressPolicy(TestFetchers.loopbackForTests())
                .sleeper(sleeper)
                .build();
    }

    private URI url(String path) {
        return URI.create("http://news.test:" + server.port() + path);
    }

    private FetchException failure(URI uri, ContentKind kind) {
        FetchException e = catchThrowableOfType(() -> fetcher.fetch(uri, kind), FetchException.class);
        assertThat(e).as("fetch of " + uri + " should fail").isNotNull();
        return e;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void returnsBodyStatusTypeAndCharset_forAnHtmlPage() throws Exception {
        server.serve("/a", 200, "text/html; charset=ISO-8859-15", "<p>ok</p>");

        FetchedResource r = fetcher.fetch(url("/a"), ContentKind.HTML);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/html");
        assertThat(r.charset()).isEqualTo("ISO-8859-15");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>ok</p>");
        assertThat(r.finalUri()).isEqualTo(url("/a"));
        assertThat(r.notModified()).isFalse();
    }

    @Test
    void sendsTheConfiguredUserAgentNamingBotAndContact() throws Exception {
        server.serve("/a", 200, "text/html", "x");

        fetcher.fetch(url("/a"), ContentKind.HTML);

        assertThat(server.requests.get(server.requests.size() - 1).headers().getFirst("User-Agent"))
                .isEqualTo("NewsroomIngest/0.1 (+https://newsroom.example/bot)");
    }

    @Test
    void rejectsBodyOverTheLimit_whenContentLengthIsTooLarge() {
        fetcher = fetcher(TestFetchers.config(server.port()).withMaxBodyBytes(ContentKind.HTML, 1000));
        server.serve("/big", 200, "text/html", "x".repeat(1001));

        FetchException e = failure(url("/big"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void rejectsChunkedBodyOverTheLimit_whenNoLengthIsAnnounced() {
        fetcher = fetcher(TestFetchers.config(server.port()).withMaxBodyBytes(ContentKind.HTML, 1000));
        server.on("/chunked", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("0123456789".repeat(10).getBytes(StandardCharsets.US_ASCII));
                }
            }
        });

        assertThat(failure(url("/chunked"), ContentKind.HTML).reason()).isEqualTo(FetchFailure.TOO_LARGE);
    }

    @Test
    void acceptsChunkedBodyAtExactlyTheLimit() throws Exception {
        fetcher = fetcher(TestFetchers.config(server.port()).withMaxBodyBytes(ContentKind.HTML, 1000));
        server.on("/chunked", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write("0123456789".repeat(10).getBytes(StandardCharsets.US_ASCII));
                }
            }
        });

        assertThat(fetcher.fetch(url("/chunked"), ContentKind.HTML).body()).hasSize(1000);
    }

    @Test
    void stopsAtTheLimit_whenAGzipBombExpandsBeyondIt() throws Exception {
        fetcher = fetcher(TestFetchers.config(server.port()).withMaxBodyBytes(ContentKind.HTML, 1 << 20));
        byte[] bomb = gzip(new byte[64 << 20]);
        server.on("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackHttpServer.respond(ex, 200, "text/html", bomb);
        });

        FetchException e = failure(url("/bomb"), ContentKind.HTML);

        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(e.reason()).isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(e.getMessage()).contains("after gzip decompression");
    }

    @Test
    void stopsAtTheWireLimit_whenCompressedDataInflatesToNothing() throws Exception {
        fetcher = fetcher(TestFetchers.config(server.port()).withMaxBodyBytes(ContentKind.HTML, 64 * 1024));
        byte[] emptyMember = gzip(new byte[0]);
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        while (members.size() < 512 * 1024) {
            members.write(emptyMember);
        }
        server.on("/empty-members", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackHttpServer.respond(ex, 200, "text/html", members.toByteArray());
        });

        FetchException e = failure(url("/empty-members"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(e.getMessage()).contains("on the wire");
    }

    @Test
    void stopsAtTheWireLimit_whenGzipHoldsEndlessEmptyDeflateBlocks() throws Exception {
        fetcher = fetcher(TestFetchers.config(server.port()).withMaxBodyBytes(ContentKind.HTML, 64 * 1024));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        gz.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        byte[] emptyStoredBlock = {0, 0, 0, (byte) 0xff, (byte) 0xff};
        while (gz.size() < 512 * 1024) {
            gz.write(emptyStoredBlock);
        }
        server.on("/empty-blocks", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackHttpServer.respond(ex, 200, "text/html", gz.toByteArray());
        });

        FetchException e = failure(url("/empty-blocks"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(e.getMessage()).contains("on the wire");
    }

    @Test
    void decodesConcatenatedGzipMembers() throws Exception {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip("<p>a</p>".getBytes(StandardCharsets.UTF_8)));
        both.write(gzip("<p>b</p>".getBytes(StandardCharsets.UTF_8)));
        server.on("/members", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackHttpServer.respond(ex, 200, "text/html", both.toByteArray());
        });

        FetchedResource r = fetcher.fetch(url("/members"), ContentKind.HTML);

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>a</p><p>b</p>");
    }

    @Test
    void rejectsGzipWithABadChecksum() {
        byte[] body;
        try {
            body = gzip("<p>checked</p>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        body[body.length - 8] ^= 0x55;
        server.on("/corrupt", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackHttpServer.respond(ex, 200, "text/html", body);
        });

        assertThat(failure(url("/corrupt"), ContentKind.HTML).reason()).isEqualTo(FetchFailure.BAD_RESPONSE);
    }

    @Test
    void decompressesGzipContentEncoding() throws Exception {
        byte[] body = gzip("<p>compressed</p>".getBytes(StandardCharsets.UTF_8));
        server.on("/gz", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackHttpServer.respond(ex, 200, "text/html", body);
        });

        FetchedResource r = fetcher.fetch(url("/gz"), ContentKind.HTML);

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>compressed</p>");
    }

    @Test
    void decompressesDeflateContentEncoding() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var deflater = new DeflaterOutputStream(out)) {
            deflater.write("<p>deflated</p>".getBytes(StandardCharsets.UTF_8));
        }
        server.on("/deflate", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "deflate");
            LoopbackHttpServer.respond(ex, 200, "text/html", out.toByteArray());
        });

        FetchedResource r = fetcher.fetch(url("/deflate"), ContentKind.HTML);

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>deflated</p>");
    }

    @Test
    void rejectsContentTypeNotAllowedForHtml() {
        server.serve("/doc.pdf", 200, "application/pdf", "%PDF-1.7");

        FetchException e = failure(url("/doc.pdf"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.UNSUPPORTED_CONTENT_TYPE);
        assertThat(e.getMessage()).contains("'application/pdf' is not accepted for HTML");
    }

    @Test
    void rejectsHtmlWhenAFeedWasExpected() {
        server.serve("/feed", 200, "text/html", "<html></html>");

        assertThat(failure(url("/feed"), ContentKind.FEED).reason()).isEqualTo(FetchFailure.UNSUPPORTED_CONTENT_TYPE);
    }

    @Test
    void rejectsAResponseWithoutContentType_forHtml() {
        server.serve("/untyped", 200, null, "<p>?</p>");

        assertThat(failure(url("/untyped"), ContentKind.HTML).reason())
                .isEqualTo(FetchFailure.UNSUPPORTED_CONTENT_TYPE);
    }

    @Test
    void acceptsImagesWithoutACharset() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        server.on("/i.png", ex -> LoopbackHttpServer.respond(ex, 200, "image/png", png));

        FetchedResource r = fetcher.fetch(url("/i.png"), ContentKind.IMAGE);

        assertThat(r.body()).isEqualTo(png);
        assertThat(r.charset()).isNull();
    }

    @Test
    void takesCharsetFromMetaTag_whenTheHeaderHasNone() throws Exception {
        server.serve("/meta", 200, "text/html", "<html><head><meta charset=\"Shift_JIS\"></head></html>");

        assertThat(fetcher.fetch(url("/meta"), ContentKind.HTML).charset()).isEqualTo("Shift_JIS");
    }

    @Test
    void decodesUtf8_whenALatin1HeaderMislabelsAUtf8PageThatDeclaresUtf8() throws Exception {
        server.serve("/mislabelled", 200, "text/html; charset=ISO-8859-1",
                "<html><head><meta charset=\"utf-8\"><title>Zürich</title></head></html>");

        FetchedResource page = fetcher.fetch(url("/mislabelled"), ContentKind.HTML);

        assertThat(page.charset()).isEqualTo("UTF-8");
        assertThat(HtmlDecoding.decode(page.body(), page.charset())).contains("<title>Zürich</title>");
    }

    @Test
    void fallsBackToUtf8_whenTheHeaderCharsetIsUnknown() throws Exception {
        server.serve("/bad", 200, "text/html; charset=utf-99", "<p>x</p>");

        assertThat(fetcher.fetch(url("/bad"), ContentKind.HTML).charset()).isEqualTo("UTF-8");
    }

    @Test
    void followsRedirects_andReportsTheFinalUrl() throws Exception {
        server.redirect("/old", 301, "/mid").redirect("/mid", 308, url("/new").toString())
                .serve("/new", 200, "text/html", "new");

        FetchedResource r = fetcher.fetch(url("/old"), ContentKind.HTML);

        assertThat(r.requestedUri()).isEqualTo(url("/old"));
        assertThat(r.finalUri()).isEqualTo(url("/new"));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("new");
    }

    @Test
    void followsFiveRedirects_butNotSix() throws Exception {
        for (int i = 0; i < 6; i++) {
            server.redirect("/r" + i, 302, "/r" + (i + 1));
        }
        server.serve("/r6", 200, "text/html", "end");
        server.serve("/r5", 200, "text/html", "five");
        server.redirect("/s0", 302, "/r1");

        assertThat(fetcher.fetch(url("/s0"), ContentKind.HTML).finalUri()).isEqualTo(url("/r5"));
        server.redirect("/r5", 302, "/r6");
        FetchException e = failure(url("/r0"), ContentKind.HTML);
        assertThat(e.reason()).isEqualTo(FetchFailure.TOO_MANY_REDIRECTS);
        assertThat(server.hits("/r6")).isZero();
    }

    @Test
    void detectsARedirectLoop() {
        server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");

        FetchException e = failure(url("/a"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.REDIRECT_LOOP);
        assertThat(server.hits("/a")).isEqualTo(1);
    }

    @Test
    void rejectsARedirectWithoutLocation() {
        server.on("/nowhere", ex -> ex.sendResponseHeaders(302, -1));

        assertThat(failure(url("/nowhere"), ContentKind.HTML).reason()).isEqualTo(FetchFailure.BAD_REDIRECT);
    }

    @Test
    void sendsValidators_andReportsNotModifiedWithEmptyBody_on304() throws Exception {
        server.on("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))
                    && "Tue, 01 Jul 2025 10:00:00 GMT".equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                LoopbackHttpServer.respond(ex, 200, "application/rss+xml", "<rss/>");
            }
        });

        FetchedResource r = fetcher.fetch(url("/feed.xml"), ContentKind.FEED,
                Map.of("ETag", "\"v1\"", "Last-Modified", "Tue, 01 Jul 2025 10:00:00 GMT"));

        assertThat(r.notModified()).isTrue();
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(r.validators()).containsEntry("ETag", "\"v1\"");
    }

    @Test
    void returnsTheResponseValidators_forTheNextConditionalGet() throws Exception {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("ETag", "\"abc\"");
            ex.getResponseHeaders().add("Last-Modified", "Wed, 02 Jul 2025 08:00:00 GMT");
            LoopbackHttpServer.respond(ex, 200, "application/atom+xml", "<feed/>");
        });

        FetchedResource r = fetcher.fetch(url("/feed.xml"), ContentKind.FEED);

        assertThat(r.validators()).isEqualTo(Map.of("ETag", "\"abc\"", "Last-Modified",
                "Wed, 02 Jul 2025 08:00:00 GMT"));
    }

    @Test
    void reportsRateLimitAsRetryableWithTheServersDelay_withoutRetryingItself() {
        server.on("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            ex.sendResponseHeaders(429, -1);
        });

        FetchException e = failure(url("/busy"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfterSeconds()).isEqualTo(120);
        assertThat(server.hits("/busy")).isEqualTo(1);
    }

    @Test
    void reads503RetryAfterGivenAsHttpDate() {
        Instant now = Instant.parse("2025-07-01T10:00:00Z");
        fetcher = SafeHttpFetcher.builder(TestFetchers.config(server.port()))
                .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1")))
                .addressPolicy(TestFetchers.loopbackForTests()).sleeper(sleeper)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        server.on("/maint", ex -> {
            ex.getResponseHeaders().add("Retry-After", "Tue, 01 Jul 2025 10:05:00 GMT");
            ex.sendResponseHeaders(503, -1);
        });

        FetchException e = failure(url("/maint"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.RATE_LIMITED);
        assertThat(e.retryAfterSeconds()).isEqualTo(300);
    }

    @Test
    void retriesServerErrorsWithGrowingJitteredBackoff_thenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky", ex -> {
            if (calls.incrementAndGet() < 3) {
                ex.sendResponseHeaders(502, -1);
            } else {
                LoopbackHttpServer.respond(ex, 200, "text/html", "finally");
            }
        });

        FetchedResource r = fetcher.fetch(url("/flaky"), ContentKind.HTML);

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("finally");
        assertThat(server.hits("/flaky")).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void givesUpAfterTheBoundedAttempts_asRetryableServerError() {
        server.on("/down", ex -> ex.sendResponseHeaders(500, -1));

        FetchException e = failure(url("/down"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfterSeconds()).isPositive();
        assertThat(server.hits("/down")).isEqualTo(3);
    }

    @Test
    void reportsNotFoundAsPermanentHttpError() {
        FetchException e = failure(url("/missing"), ContentKind.HTML);

        assertThat(e.reason()).isEqualTo(FetchFailure.HTTP_ERROR);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 404");
        assertThat(server.hits("/missing")).isEqualTo(1);
    }

    // ---- raw socket servers: trickle, garbage, reset ----

    /** Serves each connection with the given behaviour on 127.0.0.1 until closed. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();

        RawServer(Consumer<Socket> behaviour) throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        Thread worker = new Thread(() -> {
                            try (s) {
                                String requestLine = drainRequestHead(s.getInputStream());
                                if (requestLine.startsWith("GET /robots.txt ")) {
                                    s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                                            .getBytes(StandardCharsets.US_ASCII));
                                    return;
                                }
                                connections.incrementAndGet();
                                behaviour.accept(s);
                            } catch (IOException ignored) {
                                // the client went away, as expected in these tests
                            }
                        });
                        worker.setDaemon(true);
                        worker.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        /** Reads the request head and returns its first line. */
        private static String drainRequestHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            int eol = head.indexOf("\r\n");
            return eol < 0 ? head.toString() : head.substring(0, eol);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void stopsATricklingServer_atTheTotalDeadline() throws Exception {
        try (RawServer trickle = new RawServer(s -> {
            try {
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException ignored) {
                // client closed at its deadline
            }
        })) {
            fetcher = fetcher(TestFetchers.config(trickle.port())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));

            FetchException e = catchThrowableOfType(() -> fetcher.fetch(
                    URI.create("http://news.test:" + trickle.port() + "/slow"), ContentKind.HTML),
                    FetchException.class);

            assertThat(e.reason()).isEqualTo(FetchFailure.TIMEOUT);
            assertThat(e.retryable()).isTrue();
        }
    }

    @Test
    void rejectsAResponseThatIsNotHttp() throws Exception {
        try (RawServer garbage = new RawServer(s -> {
            try {
                s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // nothing more to send
            }
        })) {
            fetcher = fetcher(TestFetchers.config(garbage.port()));

            FetchException e = catchThrowableOfType(() -> fetcher.fetch(
                    URI.create("http://news.test:" + garbage.port() + "/"), ContentKind.HTML), FetchException.class);

            assertThat(e.reason()).isEqualTo(FetchFailure.BAD_RESPONSE);
        }
    }

    @Test
    void retriesAClosedConnection_thenReportsConnectFailedAsRetryable() throws Exception {
        try (RawServer closer = new RawServer(s -> {
            try {
                s.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // reset on close either way
            }
        })) {
            fetcher = fetcher(TestFetchers.config(closer.port()));

            FetchException e = catchThrowableOfType(() -> fetcher.fetch(
                    URI.create("http://news.test:" + closer.port() + "/"), ContentKind.HTML), FetchException.class);

            assertThat(e.reason()).isEqualTo(FetchFailure.CONNECT_FAILED);
            assertThat(e.retryable()).isTrue();
            assertThat(closer.connections.get()).isEqualTo(3);
        }
    }

    @Test
    void rejectsTruncatedBody_whenConnectionClosesBeforeContentLength() throws Exception {
        try (RawServer shortBody = new RawServer(s -> {
            try {
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50\r\n\r\n"
                        + "only ten b").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // then close
            }
        })) {
            fetcher = fetcher(TestFetchers.config(shortBody.port()));

            FetchException e = catchThrowableOfType(() -> fetcher.fetch(
                    URI.create("http://news.test:" + shortBody.port() + "/"), ContentKind.HTML), FetchException.class);

            assertThat(e.reason()).isEqualTo(FetchFailure.BAD_RESPONSE);
            assertThat(Arrays.asList(e.getMessage().split(" "))).contains("truncated");
        }
    }
}
