package newsroom.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.model.DateHints;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.SourceStateStore;
import newsroom.core.testing.InMemorySourceStateStore;

/** One poll per source against a loopback site through the real safe fetcher. */
class SourcePollerTest {

    private static final Instant NOW = Instant.parse("2025-02-13T12:00:00Z");
    private static final Duration TTL = Duration.ofDays(3);

    private TestWeb web;
    private InMemorySourceStateStore states;
    private SourcePoller poller;

    @BeforeEach
    void start() throws Exception {
        web = new TestWeb();
        states = new InMemorySourceStateStore();
        poller = new SourcePoller(web.fetcher(), states, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(2), TTL);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private Source source(Source.Type type, String path, int maxItems) {
        return new Source("news", type, web.url(path), ZoneOffset.UTC, "en", List.of(), List.of(), maxItems, true);
    }

    private static String item(String url, String pubDate) {
        return "<item><title>t</title><link>" + url + "</link>"
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>") + "</item>";
    }

    private static String rss(String... items) {
        return "<rss version=\"2.0\"><channel><title>N</title>" + String.join("", items) + "</channel></rss>";
    }

    private static List<String> urls(SourcePoller.PollResult r) {
        return r.requests().stream().map(FetchRequest::url).toList();
    }

    @Test
    void sendsNewItemsNewestFirst_skippingOldOnes_cappedPerPoll() throws Exception {
        web.serveWithEtag("/feed.xml", "application/rss+xml", rss(
                item("https://site.test/a?utm_source=rss", "Thu, 13 Feb 2025 08:00:00 GMT"),
                item("https://site.test/b", "Thu, 13 Feb 2025 11:00:00 GMT"),
                item("https://site.test/old", "Sun, 09 Feb 2025 08:00:00 GMT"),
                item("https://site.test/c", "Wed, 12 Feb 2025 20:00:00 GMT")), "\"v1\"");

        SourcePoller.PollResult r = poller.poll(source(Source.Type.FEED, "/feed.xml", 2));

        assertThat(r.requests()).containsExactly(
                new FetchRequest("https://site.test/b", "news", 0, Instant.parse("2025-02-13T11:00:00Z"),
                        DateHints.ListedIn.FEED),
                new FetchRequest("https://site.test/a", "news", 0, Instant.parse("2025-02-13T08:00:00Z"),
                        DateHints.ListedIn.FEED));
        assertThat(r.seenUntil()).isEqualTo(Map.of("https://site.test/b", NOW.plus(TTL),
                "https://site.test/a", NOW.plus(TTL)));
        assertThat(r.newState().legacySeenUrls()).isEmpty();
        assertThat(r.newState().validators()).containsEntry(web.url("/feed.xml").toString(),
                Map.of("ETag", "\"v1\""));
        assertThat(r.newState().lastPolled()).isEqualTo(Instant.parse("2025-02-13T12:00:00Z"));
        assertThat(r.unchanged()).isFalse();
    }

    @Test
    void leavesSavingTheStateToTheCaller() throws Exception {
        web.serve("/feed.xml", "application/rss+xml", rss(item("https://site.test/a", null)));

        poller.poll(source(Source.Type.FEED, "/feed.xml", 10));

        assertThat(states.states()).isEmpty();
        assertThat(states.marks("news")).isEmpty();
    }

    /** What the caller does once the queue accepted the requests. */
    private void record(SourcePoller.PollResult r) {
        states.markSeen("news", r.seenUntil());
        states.save(r.newState());
    }

    @Test
    void costsOne304AndSendsNothing_whenTheFeedIsUnchanged() throws Exception {
        web.serveWithEtag("/feed.xml", "application/rss+xml", rss(item("https://site.test/a", null)), "\"v1\"");
        Source source = source(Source.Type.FEED, "/feed.xml", 10);
        record(poller.poll(source));

        SourcePoller.PollResult second = poller.poll(source);

        assertThat(second.unchanged()).isTrue();
        assertThat(second.requests()).isEmpty();
        assertThat(second.seenUntil()).isEmpty();
        assertThat(web.hits("/feed.xml")).isEqualTo(2);
    }

    @Test
    void sendsOnlyItemsNotSentBefore_whenTheFeedChanged() throws Exception {
        web.serveWithEtag("/feed.xml", "application/rss+xml", rss(item("https://site.test/a", null)), "\"v1\"");
        Source source = source(Source.Type.FEED, "/feed.xml", 10);
        record(poller.poll(source));
        web.serveWithEtag("/feed.xml", "application/rss+xml",
                rss(item("https://site.test/new", null), item("https://site.test/a#x", null)), "\"v2\"");

        SourcePoller.PollResult second = poller.poll(source);

        assertThat(urls(second)).containsExactly("https://site.test/new");
        assertThat(second.seenUntil()).containsOnlyKeys("https://site.test/new");
    }

    @Test
    void sendsAnItemAgain_onceItsSeenMarkExpired() throws Exception {
        web.serve("/feed.xml", "application/rss+xml", rss(item("https://site.test/undated", null)));
        Source source = source(Source.Type.FEED, "/feed.xml", 10);
        record(poller.poll(source));
        SourcePoller later = new SourcePoller(web.fetcher(), states,
                Clock.fixed(NOW.plus(TTL).plusSeconds(1), ZoneOffset.UTC), Duration.ofDays(2), TTL);

        assertThat(urls(poller.poll(source))).isEmpty();
        assertThat(urls(later.poll(source))).containsExactly("https://site.test/undated");
    }

    @Test
    void honoursTheSeenUrlsOfAnEarlierVersion_andMovesThemIntoMarksThatAgeOutAfterItsLastPoll() throws Exception {
        Instant lastPolled = NOW.minus(Duration.ofDays(1));
        states.save(new SourceStateStore.SourceState("news", Map.of(),
                List.of("https://site.test/listed", "https://site.test/gone"), lastPolled));
        web.serve("/feed.xml", "application/rss+xml",
                rss(item("https://site.test/new", null), item("https://site.test/listed", null)));

        SourcePoller.PollResult r = poller.poll(source(Source.Type.FEED, "/feed.xml", 10));

        assertThat(urls(r)).containsExactly("https://site.test/new");
        assertThat(r.seenUntil()).isEqualTo(Map.of("https://site.test/new", NOW.plus(TTL),
                "https://site.test/listed", lastPolled.plus(TTL), "https://site.test/gone", lastPolled.plus(TTL)));
        assertThat(r.newState().legacySeenUrls()).isEmpty();
    }

    @Test
    void dropsTheSeenUrlsOfAnEarlierVersion_thatAgedOut() throws Exception {
        states.save(new SourceStateStore.SourceState("news", Map.of(), List.of("https://site.test/listed"),
                NOW.minus(TTL)));
        web.serve("/feed.xml", "application/rss+xml", rss(item("https://site.test/listed", null)));

        SourcePoller.PollResult r = poller.poll(source(Source.Type.FEED, "/feed.xml", 10));

        assertThat(urls(r)).containsExactly("https://site.test/listed");
        assertThat(r.seenUntil()).isEqualTo(Map.of("https://site.test/listed", NOW.plus(TTL)));
        assertThat(r.newState().legacySeenUrls()).isEmpty();
    }

    @Test
    void readsRecentChildSitemapsOfAnIndex_skippingOldOnes() throws Exception {
        web.serve("/sitemap.xml", "application/xml", """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/sitemap-new.xml</loc><lastmod>2025-02-13</lastmod></sitemap>
                  <sitemap><loc>%1$s/sitemap-2019.xml</loc><lastmod>2019-01-31</lastmod></sitemap>
                </sitemapindex>""".formatted(web.base()))
                .serve("/sitemap-new.xml", "application/xml", """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%1$s/fresh</loc><lastmod>2025-02-13T09:00:00Z</lastmod></url>
                  <url><loc>%1$s/stale</loc><lastmod>2025-01-01T09:00:00Z</lastmod></url>
                </urlset>""".formatted(web.base()));

        SourcePoller.PollResult r = poller.poll(source(Source.Type.SITEMAP, "/sitemap.xml", 10));

        assertThat(urls(r)).containsExactly(web.base() + "/fresh");
        assertThat(r.requests().get(0).dateHints()).isEqualTo(DateHints.listed(
                Instant.parse("2025-02-13T09:00:00Z"), DateHints.ListedIn.SITEMAP));
        assertThat(web.hits("/sitemap-2019.xml")).isZero();
    }

    @Test
    void discoversTheFeedOfAHomepage() throws Exception {
        web.serve("/", "text/html", "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" "
                        + "href=\"/atom.xml\"></head><body>home</body></html>")
                .serve("/atom.xml", "application/atom+xml", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id>\
                <updated>2025-02-13T00:00:00Z</updated>
                <entry><title>A</title><id>urn:a</id><link href="/story-a"/>\
                <updated>2025-02-13T10:00:00Z</updated></entry>
                </feed>""");

        SourcePoller.PollResult r = poller.poll(source(Source.Type.HOMEPAGE, "/", 10));

        assertThat(urls(r)).containsExactly(web.base() + "/story-a");
    }

    @Test
    void reportsNoFeedFound_forAHomepageWithoutFeedLinks() {
        web.serve("/", "text/html", "<html><body>no feeds here</body></html>");

        FetchException e = catchThrowableOfType(() -> poller.poll(source(Source.Type.HOMEPAGE, "/", 10)),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.NO_FEED_FOUND);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void passesOnARetryableFailure_forTheCallerToReschedule() {
        FetchException e = catchThrowableOfType(() -> poller.poll(new Source("gone", Source.Type.FEED,
                URI.create(web.base() + "/missing.xml"), ZoneOffset.UTC, null, List.of(), List.of(), 5, true)),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.HTTP_ERROR);
    }
}
