package newsroom.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;

class FeedParserTest {

    private static final URI FEED = URI.create("https://news.example/feed.xml");

    private static List<DiscoveredItem> parse(String xml) throws FetchException {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml", FEED);
    }

    @Test
    void readsRss20ItemsWithDates() throws Exception {
        List<DiscoveredItem> items = parse("""
                <?xml version="1.0"?><rss version="2.0"><channel><title>N</title>
                <item><title>A</title><link>https://news.example/a</link>\
                <pubDate>Wed, 12 Feb 2025 15:10:00 GMT</pubDate></item>
                <item><title>B</title><link>https://news.example/b</link></item>
                </channel></rss>""");

        assertThat(items).containsExactly(
                new DiscoveredItem("https://news.example/a", Instant.parse("2025-02-12T15:10:00Z")),
                new DiscoveredItem("https://news.example/b", null));
    }

    @Test
    void readsRss091() throws Exception {
        List<DiscoveredItem> items = parse("""
                <rss version="0.91"><channel><title>N</title><link>https://news.example/</link>\
                <description>d</description>
                <item><title>A</title><link>https://news.example/old-a</link></item></channel></rss>""");

        assertThat(items).extracting(DiscoveredItem::url).containsExactly("https://news.example/old-a");
    }

    @Test
    void readsRss10Rdf() throws Exception {
        List<DiscoveredItem> items = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel rdf:about="https://news.example/"><title>N</title><link>https://news.example/</link>
                <description>d</description></channel>
                <item rdf:about="https://news.example/rdf-a"><title>A</title><link>https://news.example/rdf-a</link>
                <dc:date>2025-02-12T15:10:00Z</dc:date></item></rdf:RDF>""");

        assertThat(items).containsExactly(
                new DiscoveredItem("https://news.example/rdf-a", Instant.parse("2025-02-12T15:10:00Z")));
    }

    @Test
    void readsAtomAndResolvesRelativeLinks() throws Exception {
        List<DiscoveredItem> items = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:x</id>\
                <updated>2025-02-12T00:00:00Z</updated>
                <entry><title>A</title><id>urn:a</id><link rel="alternate" href="/2025/a"/>
                <published>2025-02-11T08:00:00+01:00</published><updated>2025-02-12T00:00:00Z</updated></entry>
                </feed>""");

        assertThat(items).containsExactly(
                new DiscoveredItem("https://news.example/2025/a", Instant.parse("2025-02-11T07:00:00Z")));
    }

    @Test
    void dropsItemsWhoseLinkIsNotHttp() throws Exception {
        List<DiscoveredItem> items = parse("""
                <rss version="2.0"><channel><title>N</title>
                <item><link>javascript:alert(1)</link></item><item><link>https://news.example/ok</link></item>
                </channel></rss>""");

        assertThat(items).extracting(DiscoveredItem::url).containsExactly("https://news.example/ok");
    }

    @Test
    void rejectsMalformedXml() {
        FetchException e = catchThrowableOfType(() -> parse("<rss version=\"2.0\"><channel><item>"),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.MALFORMED_FEED);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void rejectsXmlThatIsNotAFeed() {
        assertThat(catchThrowableOfType(() -> parse("<html><body>hi</body></html>"), FetchException.class).reason())
                .isEqualTo(FetchFailure.MALFORMED_FEED);
    }

    @Test
    void rejectsAnXxeFeed_withoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&xxe;</title>
                <item><title>&xxe;</title><link>https://news.example/&xxe;</link></item></channel></rss>"""
                .formatted(secret.toUri());

        FetchException e = catchThrowableOfType(() -> parse(xxe), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.MALFORMED_FEED);
        assertThat(e.getMessage()).doesNotContain("TOP-SECRET-42");
    }

    @Test
    void rejectsAnXxeFeed_withoutConnectingToTheEntityUrl() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String xxe = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY %% remote SYSTEM "http://127.0.0.1:%d/evil.dtd"> %%remote;]>
                    <rss version="2.0"><channel><title>t</title></channel></rss>""".formatted(listener.getLocalPort());

            FetchException e = catchThrowableOfType(() -> parse(xxe), FetchException.class);

            assertThat(e.reason()).isEqualTo(FetchFailure.MALFORMED_FEED);
            assertThat(connections.get()).isZero();
        }
    }

    @Test
    void rejectsABillionLaughsFeed() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            String prev = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd
                + "<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";

        FetchException e = catchThrowableOfType(() -> parse(bomb), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.MALFORMED_FEED);
    }

    @Test
    void honoursTheCharsetOfTheContentType() throws Exception {
        byte[] latin1 = ("<rss version=\"2.0\"><channel><title>N</title><item><link>https://news.example/caf\u00e9"
                + "</link></item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);

        List<DiscoveredItem> items = FeedParser.parse(latin1, "application/rss+xml; charset=ISO-8859-1", FEED);

        assertThat(items).extracting(DiscoveredItem::url).containsExactly("https://news.example/caf\u00e9");
    }
}
