package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.frontmatter.FrontMatterNormalizer.InputKind;
import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.DateHints;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.RawArticle;
import newsroom.core.model.Rejection;
import newsroom.core.model.SourceContext;

/**
 * An article whose page states no usable date is dated from the feed or sitemap, the URL, HTTP Last-Modified or the
 * time it was first seen, in that order, and says which in {@code params.dateSource}; implausible dates are refused.
 */
class DateFallbackTest {

    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    private static final SiteConfig SITE = SiteConfig.defaults();
    private static final SiteConfig STRICT = SITE.withFrontMatter(
            new SiteConfig.FrontMatterRules(SiteConfig.MissingDate.REJECT, 300, 10));
    private static final Instant FEED_DATE = Instant.parse("2020-06-05T09:30:00Z");
    private static final Instant LAST_MODIFIED = Instant.parse("2021-01-02T03:04:05Z");
    private static final Instant FIRST_SEEN = Instant.parse("2026-12-01T08:00:00Z");

    private final FrontMatterNormalizer normalizer = new FrontMatterNormalizer(SITE, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void keepsThePagesOwnDate_andSaysSo() {
        NormalizedArticle article = page(Map.of("date", "2024-03-01T10:00:00Z"), "https://news.example/2020/06/04/a",
                allHints());

        assertThat(article.frontMatter().header().date()).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(article.frontMatter().params()).containsEntry("dateSource", "page");
    }

    @Test
    void usesTheFeedEntrysDate_beforeTheUrl() {
        NormalizedArticle article = page(Map.of(), "https://news.example/2020/06/04/a", allHints());

        assertThat(article.frontMatter().header().date()).isEqualTo("2020-06-05T09:30:00Z");
        assertThat(article.frontMatter().params()).containsEntry("dateSource", "feed");
    }

    @Test
    void usesTheNewsSitemapsDate_andNamesTheSitemap() {
        DateHints hints = DateHints.listed(FEED_DATE, DateHints.ListedIn.SITEMAP);

        NormalizedArticle article = page(Map.of(), "https://news.example/a", hints);

        assertThat(article.frontMatter().header().date()).isEqualTo("2020-06-05T09:30:00Z");
        assertThat(article.frontMatter().params()).containsEntry("dateSource", "sitemap");
    }

    @Test
    void usesTheDateInTheUrlPath_inEachCommonForm() {
        DateHints later = DateHints.NONE.withLastModified(LAST_MODIFIED).withFirstSeen(FIRST_SEEN);
        for (String url : List.of("https://news.example/2020/06/04/story", "https://news.example/news/2020-06-04-story",
                "https://news.example/20200604/story.html", "https://news.example/2020/6/4/story")) {
            NormalizedArticle article = page(Map.of(), url, later);

            assertThat(article.frontMatter().header().date()).as(url).isEqualTo("2020-06-04T00:00:00Z");
            assertThat(article.frontMatter().params()).as(url).containsEntry("dateSource", "url");
        }
    }

    @Test
    void readsTheUrlDate_fromTheCanonicalUrlOfALocalPage() {
        Map<String, Object> fields = Map.of("source", Map.of("canonical", "https://news.example/2019/11/19/x/"));

        NormalizedArticle article = normalizer.normalize(new RawArticle(withTitle(fields), "Body.\n"),
                SourceContext.ofFile("page.html"), InputKind.WEB_PAGE);

        assertThat(article.frontMatter().header().date()).isEqualTo("2019-11-19T00:00:00Z");
        assertThat(article.frontMatter().params()).containsEntry("dateSource", "url");
    }

    @Test
    void ignoresNumbersInTheUrlThatAreNoDate() {
        DateHints hints = DateHints.NONE.withLastModified(LAST_MODIFIED);

        NormalizedArticle article = page(Map.of(), "https://news.example/article/20201345/2020/13/40/x?d=2020-06-04",
                hints);

        assertThat(article.frontMatter().params()).containsEntry("dateSource", "http-last-modified");
    }

    @Test
    void usesHttpLastModified_whenNothingElseDatesThePage() {
        NormalizedArticle article = page(Map.of(), "https://news.example/story",
                DateHints.NONE.withLastModified(LAST_MODIFIED).withFirstSeen(FIRST_SEEN));

        assertThat(article.frontMatter().header().date()).isEqualTo("2021-01-02T03:04:05Z");
        assertThat(article.frontMatter().params()).containsEntry("dateSource", "http-last-modified");
    }

    @Test
    void usesTheFirstSeenTime_last() {
        NormalizedArticle article = page(Map.of(), "https://news.example/story",
                DateHints.NONE.withFirstSeen(FIRST_SEEN));

        assertThat(article.frontMatter().header().date()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(article.frontMatter().params()).containsEntry("dateSource", "first-seen");
    }

    @Test
    void usesNow_asFirstSeen_whenTheContextKnowsNoFirstSighting() {
        NormalizedArticle article = page(Map.of(), "https://news.example/story", DateHints.NONE);

        assertThat(article.frontMatter().header().date()).isEqualTo("2026-12-06T04:00:00Z");
    }

    @Test
    void skipsImplausibleFallbacks() {
        DateHints hints = new DateHints(Instant.EPOCH, DateHints.ListedIn.FEED, Instant.parse("9999-12-31T00:00:00Z"),
                FIRST_SEEN);

        NormalizedArticle article = page(Map.of(), "https://news.example/1970/01/01/story", hints);

        assertThat(article.frontMatter().params()).containsEntry("dateSource", "first-seen");
    }

    @Test
    void datesAMarkdownFileWithoutADate_andRecordsTheFallbackOnly() {
        NormalizedArticle article = normalizer.normalize(
                "---\ntitle: Undated\n---\nBody.\n".getBytes(StandardCharsets.UTF_8),
                SourceContext.ofFile("notes/undated.md").withDateHints(DateHints.NONE.withFirstSeen(FIRST_SEEN)));

        assertThat(article.frontMatter().header().date()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(article.markdown()).contains("params:\n  dateSource: \"first-seen\"\n");
    }

    @Test
    void writesNoDateSource_forAMarkdownFileWithItsOwnDate() {
        NormalizedArticle article = normalizer.normalize(
                "---\ntitle: Dated\ndate: 2025-02-12\n---\n".getBytes(StandardCharsets.UTF_8),
                SourceContext.ofFile("dated.md"));

        assertThat(article.frontMatter().params()).doesNotContainKey("dateSource");
    }

    @Test
    void refusesYear9999_withAWarning_andFallsBack() {
        NormalizedArticle article = page(Map.of("date", "9999-12-31T00:00:00Z"), "https://news.example/2020/06/04/a",
                DateHints.NONE);

        assertThat(article.frontMatter().header().date()).isEqualTo("2020-06-04T00:00:00Z");
        assertThat(article.markdown()).doesNotContain("9999");
        assertThat(article.warnings()).containsExactly(new NormalizedArticle.Warning("date", "key 'date':"
                + " \"9999-12-31T00:00:00Z\" is not a plausible publication date: it is more than a day after now"
                + " (2026-12-06T04:00:00Z); not used"));
    }

    @Test
    void refusesEpochZeroAndDatesBefore1990_withAWarning() {
        for (Object date : List.of("1970-01-01T00:00:00Z", 0, "1989-12-31")) {
            NormalizedArticle article = page(Map.of("date", date), "https://news.example/story",
                    DateHints.NONE.withFirstSeen(FIRST_SEEN));

            assertThat(article.frontMatter().header().date()).as("%s", date).isEqualTo("2026-12-01T08:00:00Z");
            assertThat(article.warnings()).as("%s", date).singleElement()
                    .satisfies(w -> assertThat(w.detail()).contains("it is before 1990"));
        }
    }

    @Test
    void acceptsADateUpToADayAhead_forZonesAheadOfUtc() {
        NormalizedArticle article = page(Map.of("date", "2026-12-07T03:00:00Z"), "https://news.example/story",
                DateHints.NONE);

        assertThat(article.frontMatter().header().date()).isEqualTo("2026-12-07T03:00:00Z");
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void refusesAnImplausibleLastmod_withAWarning() {
        NormalizedArticle article = page(Map.of("date", "2024-01-01T00:00:00Z", "lastmod", "1970-01-01T00:00:00Z"),
                "https://news.example/story", DateHints.NONE);

        assertThat(article.frontMatter().header().lastmod()).isNull();
        assertThat(article.warnings()).singleElement().satisfies(w -> assertThat(w.field()).isEqualTo("lastmod"));
    }

    @Test
    void reportsAnUnreadableDateInFrontMatter_asInvalid_notAsMissing() {
        ArticleRejectedException e = catchThrowableOfType(ArticleRejectedException.class, () -> normalizer.normalize(
                "---\ntitle: T\ndate: someday\n---\n".getBytes(StandardCharsets.UTF_8),
                SourceContext.ofFile("t.md")));

        assertThat(e.rejection().code()).isEqualTo(Rejection.Code.INVALID_DATE);
        assertThat(e.rejection().detail()).startsWith("key 'date': \"someday\" is not a date in a known form");
    }

    @Test
    void rejectsAnImplausibleDate_asInvalid_whenTheSiteSaysReject() {
        FrontMatterNormalizer strict = new FrontMatterNormalizer(STRICT, Clock.fixed(NOW, ZoneOffset.UTC));

        ArticleRejectedException e = catchThrowableOfType(ArticleRejectedException.class, () -> strict.normalize(
                new RawArticle(withTitle(Map.of("date", "9999-12-31")), ""), context("https://news.example/a",
                        DateHints.NONE), InputKind.WEB_PAGE));

        assertThat(e.rejection().code()).isEqualTo(Rejection.Code.INVALID_DATE);
        assertThat(e.rejection().detail()).isEqualTo("key 'date': \"9999-12-31\" is not a plausible publication"
                + " date: it is more than a day after now (2026-12-06T04:00:00Z)");
    }

    @Test
    void rejectsAPageWithoutDate_namingWhereItLooked_whenTheSiteSaysReject() {
        FrontMatterNormalizer strict = new FrontMatterNormalizer(STRICT, Clock.fixed(NOW, ZoneOffset.UTC));

        ArticleRejectedException e = catchThrowableOfType(ArticleRejectedException.class, () -> strict.normalize(
                new RawArticle(withTitle(Map.of()), ""), context("https://news.example/2020/06/04/a", allHints()),
                InputKind.WEB_PAGE));

        assertThat(e.rejection().code()).isEqualTo(Rejection.Code.MISSING_DATE);
        assertThat(e.rejection().detail()).isEqualTo("the page states no publication date (looked at JSON-LD"
                + " datePublished/dateCreated, <meta property=\"article:published_time\">, <meta"
                + " itemprop=\"datePublished\">, Dublin Core <meta name=\"dc.date\">, <time datetime> and the byline);"
                + " the site's missingDate is reject, so it is not dated from its feed, URL or fetch");
    }

    @Test
    void storesTheSameBytesAgain_whenAFallbackDatedArticleIsNormalizedAgain() {
        NormalizedArticle once = page(Map.of(), "https://news.example/2020/06/04/a", DateHints.NONE);

        NormalizedArticle twice = normalizer.normalize(once.markdown().getBytes(StandardCharsets.UTF_8),
                context("https://news.example/2020/06/04/a", DateHints.NONE.withFirstSeen(FIRST_SEEN)));

        assertThat(twice.markdown()).isEqualTo(once.markdown());
    }

    private NormalizedArticle page(Map<String, Object> fields, String url, DateHints hints) {
        return normalizer.normalize(new RawArticle(withTitle(fields), "Body text.\n"), context(url, hints),
                InputKind.WEB_PAGE);
    }

    private static SourceContext context(String url, DateHints hints) {
        return SourceContext.ofUrl("feed", url).withDateHints(hints);
    }

    private static DateHints allHints() {
        return DateHints.listed(FEED_DATE, DateHints.ListedIn.FEED).withLastModified(LAST_MODIFIED)
                .withFirstSeen(FIRST_SEEN);
    }

    private static Map<String, Object> withTitle(Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("title", "A story");
        all.putAll(fields);
        return all;
    }
}
