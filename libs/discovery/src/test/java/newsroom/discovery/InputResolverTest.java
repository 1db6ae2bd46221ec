package newsroom.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;

class InputResolverTest {

    private TestWeb web;
    private InputResolver resolver;

    @BeforeEach
    void start() throws Exception {
        web = new TestWeb();
        resolver = new InputResolver(web.fetcher(), 100);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static final String RSS = "<rss version=\"2.0\"><channel><title>N</title>"
            + "<item><link>https://site.test/a</link></item><item><link>https://site.test/b</link></item>"
            + "</channel></rss>";

    @Test
    void resolvesAFeedToItsItemUrls() throws Exception {
        web.serve("/feed.xml", "application/rss+xml", RSS);

        InputResolver.Resolution r = resolver.resolve(web.url("/feed.xml"));

        assertThat(r).isEqualTo(new InputResolver.Feed(web.url("/feed.xml"), web.url("/feed.xml"),
                List.of("https://site.test/a", "https://site.test/b"), Map.of()));
    }

    @Test
    void carriesTheDateOfEachFeedEntry_forArticlesWhosePageStatesNone() throws Exception {
        web.serve("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>N</title>"
                + "<item><link>https://site.test/a</link><pubDate>Thu, 04 Jun 2020 07:47:00 GMT</pubDate></item>"
                + "<item><link>https://site.test/b</link></item></channel></rss>");

        InputResolver.Feed feed = (InputResolver.Feed) resolver.resolve(web.url("/feed.xml"));

        assertThat(feed.listedDates()).isEqualTo(Map.of("https://site.test/a",
                Instant.parse("2020-06-04T07:47:00Z")));
    }

    @Test
    void carriesTheNewsSitemapsPublicationDate_beforeItsLastmod() throws Exception {
        web.serve("/sitemap.xml", "application/xml", """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>%s/s1</loc><lastmod>2020-06-09T10:00:00Z</lastmod>
                <news:news><news:publication><news:name>N</news:name><news:language>en</news:language>
                </news:publication><news:publication_date>2020-06-04T08:00:00Z</news:publication_date>
                <news:title>T</news:title></news:news></url></urlset>""".formatted(web.base()));

        InputResolver.Sitemap sitemap = (InputResolver.Sitemap) resolver.resolve(web.url("/sitemap.xml"));

        assertThat(sitemap.listedDates()).isEqualTo(Map.of(web.base() + "/s1",
                Instant.parse("2020-06-04T08:00:00Z")));
    }

    @Test
    void resolvesAFeedAtAnUnusualPath_byItsContentType() throws Exception {
        web.serve("/latest", "application/rss+xml", RSS);

        InputResolver.Resolution r = resolver.resolve(web.url("/latest"));

        assertThat(r).isInstanceOf(InputResolver.Feed.class);
        assertThat(((InputResolver.Feed) r).itemUrls()).hasSize(2);
    }

    @Test
    void resolvesASitemapToItsUrls() throws Exception {
        web.serve("/sitemap.xml", "application/xml", """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/s1</loc></url></urlset>"""
                .formatted(web.base()));

        InputResolver.Resolution r = resolver.resolve(web.url("/sitemap.xml"));

        assertThat(r).isEqualTo(new InputResolver.Sitemap(web.url("/sitemap.xml"),
                List.of(web.base() + "/s1"), Map.of()));
    }

    @Test
    void resolvesAHomepageToTheItemsOfItsFeed() throws Exception {
        web.serve("/", "text/html", "<html><head><meta property=\"og:type\" content=\"website\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head></html>")
                .serve("/rss", "application/rss+xml", RSS);

        InputResolver.Resolution r = resolver.resolve(web.url("/"));

        assertThat(r).isEqualTo(new InputResolver.Homepage(web.url("/"), web.url("/rss"),
                List.of("https://site.test/a", "https://site.test/b"), Map.of()));
    }

    @Test
    void returnsTheFetchedArticlePage_withoutFetchingItTwice() throws Exception {
        String html = "<html><head><meta property=\"og:type\" content=\"article\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head><body>story</body></html>";
        web.serve("/2025/story", "text/html; charset=utf-8", html);

        InputResolver.Resolution r = resolver.resolve(web.url("/2025/story"));

        assertThat(r).isInstanceOf(InputResolver.ArticlePage.class);
        assertThat(new String(((InputResolver.ArticlePage) r).page().body(), StandardCharsets.UTF_8))
                .isEqualTo(html);
        assertThat(web.hits("/2025/story")).isEqualTo(1);
        assertThat(web.hits("/rss")).isZero();
    }

    @Test
    void passesOnTheFetchRefusal_forAnInternalUrl() {
        FetchException e = catchThrowableOfType(() -> resolver.resolve(URI.create("http://169.254.169.254/latest/")),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.URL_NOT_ALLOWED);
    }

    @Test
    void rejectsXmlThatIsNeitherFeedNorSitemap() {
        web.serve("/data.xml", "application/xml", "<catalog><book/></catalog>");

        FetchException e = catchThrowableOfType(() -> resolver.resolve(web.url("/data.xml")), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.UNSUPPORTED_INPUT);
        assertThat(e.getMessage()).contains("XML with root <catalog> is neither a feed nor a sitemap");
    }

    @Test
    void refusesAnHtmlPageServedAsTextPlain_inOneGet_withTheRealReason() {
        String page = "<html><head><meta property=\"og:type\" content=\"article\"></head><body>"
                + "<p>words</p>".repeat(700_000) + "</body></html>";
        web.serve("/story", "text/plain", page);

        FetchException e = catchThrowableOfType(() -> resolver.resolve(web.url("/story")), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.UNSUPPORTED_CONTENT_TYPE);
        assertThat(e.detail()).isEqualTo(web.url("/story") + ": text/plain that is not a list of URLs (it starts "
                + "with <html>)");
        assertThat(web.hits("/story")).isEqualTo(1);
    }

    @Test
    void readsAFeedServedAsHtml_andATextUrlList_fromOneGetEach() throws Exception {
        web.serve("/news", "text/html", RSS);
        web.serve("/urls", "text/plain", web.base() + "/s1\n" + web.base() + "/s2\n");

        assertThat(resolver.resolve(web.url("/news"))).isInstanceOf(InputResolver.Feed.class);
        assertThat(resolver.resolve(web.url("/urls"))).isEqualTo(new InputResolver.Sitemap(web.url("/urls"),
                List.of(web.base() + "/s1", web.base() + "/s2"), Map.of()));
        assertThat(web.hits("/news")).isEqualTo(1);
        assertThat(web.hits("/urls")).isEqualTo(1);
    }
}
