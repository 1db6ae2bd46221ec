package newsroom.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;

class SitemapParserTest {

    private static final URI SITEMAP = URI.create("https://news.example/sitemap.xml");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static final String URLSET = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://news.example/a</loc><lastmod>2025-02-12T15:10:00+00:00</lastmod></url>
              <url><loc>https://www.news.example/b</loc></url>
              <url><loc>https://elsewhere.example/c</loc></url>
            </urlset>""";

    @Test
    void readsAUrlSetWithLastmod_keepingOnlyUrlsOfTheSameSite() throws Exception {
        SitemapParser.Result r = SitemapParser.parse(utf8(URLSET), "application/xml", SITEMAP);

        assertThat(r.index()).isFalse();
        assertThat(r.items()).containsExactly(
                new DiscoveredItem("https://news.example/a", Instant.parse("2025-02-12T15:10:00Z")),
                new DiscoveredItem("https://www.news.example/b", null));
    }

    @Test
    void readsAGzippedUrlSet() throws Exception {
        SitemapParser.Result r = SitemapParser.parse(gzip(utf8(URLSET)), "application/gzip",
                URI.create("https://news.example/sitemap.xml.gz"));

        assertThat(r.items()).extracting(DiscoveredItem::url)
                .containsExactly("https://news.example/a", "https://www.news.example/b");
    }

    @Test
    void readsASitemapIndex() throws Exception {
        SitemapParser.Result r = SitemapParser.parse(utf8("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://news.example/sitemap-2025-02.xml</loc><lastmod>2025-02-28</lastmod></sitemap>
                  <sitemap><loc>https://news.example/sitemap-2019-01.xml</loc><lastmod>2019-01-31</lastmod></sitemap>
                </sitemapindex>"""), "text/xml", SITEMAP);

        assertThat(r.index()).isTrue();
        assertThat(r.sitemaps()).extracting(DiscoveredItem::url).containsExactly(
                "https://news.example/sitemap-2025-02.xml", "https://news.example/sitemap-2019-01.xml");
        assertThat(r.sitemaps().get(1).published()).isBefore(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void usesTheNewsPublicationDate_whenThereIsNoLastmod() throws Exception {
        SitemapParser.Result r = SitemapParser.parse(utf8("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://news.example/breaking</loc>
                    <news:news><news:publication><news:name>N</news:name><news:language>en</news:language>
                    </news:publication><news:publication_date>2025-02-12T15:10:00Z</news:publication_date>
                    <news:title>Breaking</news:title></news:news></url>
                </urlset>"""), "application/xml", SITEMAP);

        assertThat(r.items()).containsExactly(
                new DiscoveredItem("https://news.example/breaking", Instant.parse("2025-02-12T15:10:00Z")));
    }

    @Test
    void readsATextUrlList() throws Exception {
        SitemapParser.Result r = SitemapParser.parse(utf8("https://news.example/a\nhttps://news.example/b\n"),
                "text/plain", URI.create("https://news.example/sitemap.txt"));

        assertThat(r.items()).extracting(DiscoveredItem::url)
                .containsExactly("https://news.example/a", "https://news.example/b");
    }

    @Test
    void rejectsAGzipBomb_atTheInflatedLimit() throws Exception {
        byte[] bomb = gzip(new byte[SitemapParser.MAX_INFLATED_BYTES + 1024]);

        FetchException e = catchThrowableOfType(() -> SitemapParser.parse(bomb, "application/gzip", SITEMAP),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.MALFORMED_SITEMAP);
        assertThat(e.getMessage()).contains("inflates beyond");
    }

    @Test
    void survivesManyEmptyGzipMembers() throws Exception {
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        byte[] empty = gzip(new byte[0]);
        while (members.size() < 2 * 1024 * 1024) {
            members.write(empty);
        }
        members.write(gzip(utf8(URLSET)));

        SitemapParser.Result r = SitemapParser.parse(members.toByteArray(), "application/gzip", SITEMAP);

        assertThat(r.items()).hasSize(2);
    }

    @Test
    void neverExpandsExternalEntities() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://news.example/&xxe;</loc></url></urlset>""";

        SitemapParser.Result r = null;
        FetchException e = null;
        try {
            r = SitemapParser.parse(utf8(xxe), "application/xml", SITEMAP);
        } catch (FetchException rejected) {
            e = rejected;
        }

        if (e != null) {
            assertThat(e.reason()).isEqualTo(FetchFailure.MALFORMED_SITEMAP);
        } else {
            assertThat(r.items()).allSatisfy(i -> assertThat(i.url()).isEqualTo("https://news.example/"));
        }
    }

    @Test
    void rejectsGarbage() {
        FetchException e = catchThrowableOfType(() -> SitemapParser.parse(utf8("<html><body>Hello</body></html>"),
                "application/xml", SITEMAP), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.MALFORMED_SITEMAP);
    }
}
