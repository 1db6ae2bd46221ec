package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.Fetcher.FetchedResource;

/** One GET decides what a URL is from its type and first bytes, and holds the body to that kind's limit. */
class ClassifiedFetchTest {

    private static final Set<ContentKind> DOCUMENTS = EnumSet.of(ContentKind.HTML, ContentKind.FEED,
            ContentKind.SITEMAP);

    private LoopbackHttpServer server;
    private SafeHttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackHttpServer();
        fetcher = SafeHttpFetcher.builder(TestFetchers.config(server.port()))
                .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1")))
                .addressPolicy(TestFetchers.loopbackForTests())
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI url(String path) {
        return URI.create("http://news.test:" + server.port() + path);
    }

    private FetchException failure(String path) {
        return catchThrowableOfType(() -> fetcher.fetchClassified(url(path), DOCUMENTS), FetchException.class);
    }

    /** {@code size} bytes: an HTML page padded with paragraphs, streamed without Content-Length. */
    private void servePadded(String path, String type, int size) {
        server.on(path, ex -> {
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<html><body>".getBytes(StandardCharsets.US_ASCII));
                byte[] p = "<p>padding paragraph</p>\n".getBytes(StandardCharsets.US_ASCII);
                for (int sent = 12; sent < size; sent += p.length) {
                    out.write(p);
                }
            } catch (IOException e) {
                // the client stopped reading: expected when the body is refused
            }
        });
    }

    @Test
    void refusesAnHtmlPageServedAsTextPlain_afterItsFirstBytes_withTheRealReason() {
        servePadded("/page.txt", "text/plain", 8 << 20);

        FetchException e = failure("/page.txt");

        assertThat(e.reason()).isEqualTo(FetchFailure.UNSUPPORTED_CONTENT_TYPE);
        assertThat(e.getMessage()).isEqualTo("UNSUPPORTED_CONTENT_TYPE (" + url("/page.txt")
                + ": text/plain that is not a list of URLs (it starts with <html>))");
        assertThat(server.hits("/page.txt")).isEqualTo(1);
    }

    @Test
    void refusesOctetStreamThatIsNotGzip() {
        servePadded("/blob", "application/octet-stream", 45 << 20);

        FetchException e = failure("/blob");

        assertThat(e.detail()).endsWith("application/octet-stream that is not gzip (it starts with <html>)");
    }

    @Test
    void holdsAnHtmlPageToTheHtmlLimit_notTheSitemapLimit() {
        servePadded("/big.html", "text/html", 6 << 20);

        FetchException e = failure("/big.html");

        assertThat(e.reason()).isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(e.detail()).contains("limit of " + (5 << 20) + " bytes");
        assertThat(server.hits("/big.html")).isEqualTo(1);
    }

    @Test
    void holdsABodyShorterThanTheSniffedBytes_toItsKindsLimit() {
        fetcher = SafeHttpFetcher.builder(TestFetchers.config(server.port()).withMaxBodyBytes(ContentKind.HTML, 100))
                .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1")))
                .addressPolicy(TestFetchers.loopbackForTests())
                .build();
        server.serve("/short", 200, "text/html", "<html><body>" + "<p>x</p>".repeat(50) + "</body></html>");

        FetchException e = failure("/short");

        assertThat(e.reason()).isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(e.detail()).contains("limit of 100 bytes");
    }

    @Test
    void decidesEachKindFromTypeAndFirstBytes() throws Exception {
        server.serve("/page", 200, "text/html; charset=utf-8", "<!doctype html><html><p>hi</p></html>");
        server.serve("/feed-as-html", 200, "text/html", "<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>");
        server.serve("/atom", 200, "application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
        server.serve("/map", 200, "application/xml", "<urlset xmlns=\"x\"><url><loc>http://a/</loc></url></urlset>");
        server.serve("/list.txt", 200, "text/plain", "https://news.test/a\nhttps://news.test/b\n");
        server.on("/map.gz", ex -> LoopbackHttpServer.respond(ex, 200, "application/octet-stream",
                gzip("<urlset/>")));

        assertThat(kind("/page")).isEqualTo(ContentKind.HTML);
        assertThat(kind("/feed-as-html")).isEqualTo(ContentKind.FEED);
        assertThat(kind("/atom")).isEqualTo(ContentKind.FEED);
        assertThat(kind("/map")).isEqualTo(ContentKind.SITEMAP);
        assertThat(kind("/list.txt")).isEqualTo(ContentKind.SITEMAP);
        assertThat(kind("/map.gz")).isEqualTo(ContentKind.SITEMAP);
        FetchedResource page = fetcher.fetchClassified(url("/page"), DOCUMENTS);
        assertThat(page.charset()).isEqualTo("UTF-8");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<p>hi</p>");
    }

    @Test
    void refusesTypesThatAreNoDocument_namingTheType() {
        server.serve("/pic", 200, "image/png", "\u0089PNG");
        server.serve("/untyped", 200, null, "<html></html>");

        assertThat(failure("/pic").detail()).endsWith("content type 'image/png' is not an HTML page, a feed or a "
                + "sitemap");
        assertThat(failure("/untyped").detail()).endsWith("content type '(none)' is not an HTML page, a feed or a "
                + "sitemap");
    }

    private ContentKind kind(String path) throws FetchException {
        return fetcher.fetchClassified(url(path), DOCUMENTS).kind();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
