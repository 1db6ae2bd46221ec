package newsroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleMetadataTest {

    private static final String URL = "https://news.example.com/city/2019/11/tram.html";
    private final ArticleExtractor extractor = new ArticleExtractor();

    private PageMetadata extract(String head) {
        return extractor.extractArticle(Pages.page(head, Pages.paragraphs()), URL).metadata();
    }

    @Test
    void readsJsonLdDatePublishedWithItsZone() {
        PageMetadata article = extract("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"NewsArticle\",\"headline\":\"Trams\",\"datePublished\":\"2019-11-19T10:05:00-05:00\"}"
                + "</script>");

        assertThat(article.published()).contains(
                new Field<>(new ArticleDate(LocalDateTime.of(2019, 11, 19, 10, 5),
                        ZoneOffset.ofHours(-5)), "json-ld:NewsArticle.datePublished"));
        assertThat(article.published().orElseThrow().value().toString()).isEqualTo("2019-11-19T10:05:00-05:00");
    }

    @Test
    void findsTheArticleInsideAJsonLdGraph() {
        PageMetadata article = extract("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example News\"},{\"@type\":\"WebPage\",\"name\":"
                + "\"Page\"},{\"@type\":[\"ReportageNewsArticle\"],\"headline\":\"Council expands tram network\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Lima\"},"
                + "{\"@type\":\"Person\",\"name\":\"Tom Berg\"}],"
                + "\"dateModified\":\"2019-11-20T08:00:00Z\",\"articleSection\":\"City\","
                + "\"keywords\":\"trams, transport\","
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example News\"}}]}"
                + "</script>");

        assertThat(article.title()).contains(new Field<>("Council expands tram network",
                "json-ld:ReportageNewsArticle.headline"));
        assertThat(article.authors()).contains(new Field<>(List.of("Ana Lima", "Tom Berg"),
                "json-ld:ReportageNewsArticle.author"));
        assertThat(article.modified().orElseThrow().value().toString()).isEqualTo("2019-11-20T08:00:00Z");
        assertThat(article.section()).contains(new Field<>("City", "json-ld:ReportageNewsArticle.articleSection"));
        assertThat(article.tags()).contains(new Field<>(List.of("trams", "transport"),
                "json-ld:ReportageNewsArticle.keywords"));
        assertThat(article.siteName()).contains(new Field<>("Example News",
                "json-ld:ReportageNewsArticle.publisher.name"));
    }

    @Test
    void skipsMalformedJsonLd_andFallsBackToOpenGraph() {
        PageMetadata article = extract("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                + "\"headline\": </script><meta property=\"og:title\" content=\"Council expands tram network\">");

        assertThat(article.title()).contains(new Field<>("Council expands tram network", "meta:og:title"));
    }

    @Test
    void takesOpenGraphImageAsLeadImage_resolvedAgainstThePage() {
        PageMetadata article = extract("<meta property=\"og:image\" content=\"/img/tram.jpg\">");

        assertThat(article.leadImage()).contains(new Field<>("https://news.example.com/img/tram.jpg",
                "meta:og:image"));
    }

    @Test
    void prefersJsonLdImageToOpenGraph() {
        PageMetadata article = extract("<meta property=\"og:image\" content=\"https://cdn.example.com/og.jpg\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"T\",\"image\":"
                + "{\"@type\":\"ImageObject\",\"url\":\"https://cdn.example.com/ld.jpg\"}}</script>");

        assertThat(article.leadImage())
                .contains(new Field<>("https://cdn.example.com/ld.jpg", "json-ld:Article.image"));
    }

    @Test
    void flagsPaywall_whenJsonLdSaysNotAccessibleForFree() {
        PageMetadata article = extract("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"T\",\"isAccessibleForFree\":\"False\",\"hasPart\":{\"@type\":\"WebPageElement\","
                + "\"isAccessibleForFree\":false,\"cssSelector\":\".paywalled\"}}</script>");

        assertThat(article.paywalled()).contains(new Field<>(true, "json-ld:NewsArticle.isAccessibleForFree"));
    }

    @Test
    void doesNotFlagPaywall_whenNothingSaysSo() {
        PageMetadata article = extract("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"T\",\"isAccessibleForFree\":true}</script>");

        assertThat(article.paywalled()).isEmpty();
        assertThat(article.isPaywalled()).isFalse();
    }

    @Test
    void readsArticleMetaTags_whenThereIsNoJsonLd() {
        PageMetadata article = extract(
                "<meta property=\"article:published_time\" content=\"2019-11-19T15:30:00+01:00\">"
                + "<meta property=\"article:section\" content=\"City\">"
                + "<meta property=\"article:tag\" content=\"trams\">"
                + "<meta property=\"article:tag\" content=\"council\">"
                + "<meta name=\"author\" content=\"By Ana Lima and Tom Berg\">"
                + "<meta name=\"description\" content=\"The council votes for trams.\">"
                + "<meta property=\"og:site_name\" content=\"Example News\">");

        assertThat(article.published().orElseThrow()).extracting(f -> f.value().toString(), Field::origin)
                .containsExactly("2019-11-19T15:30:00+01:00", "meta:article:published_time");
        assertThat(article.section()).contains(new Field<>("City", "meta:article:section"));
        assertThat(article.tags()).contains(new Field<>(List.of("trams", "council"), "meta:article:tag"));
        assertThat(article.authors()).contains(new Field<>(List.of("Ana Lima", "Tom Berg"), "meta:author"));
        assertThat(article.summary()).contains(new Field<>("The council votes for trams.", "meta:description"));
        assertThat(article.siteName()).contains(new Field<>("Example News", "meta:og:site_name"));
    }

    @Test
    void fallsBackToTimeElementAndHtmlLangAndPageByline() {
        String content = "<p class=\"byline\">By <a rel=\"author\" href=\"/staff/ana\">Ana Lima</a></p>"
                + "<time datetime=\"2019-11-19T10:05:00Z\">19 November</time>" + Pages.paragraphs();
        PageMetadata article = extractor.extractArticle(Pages.page("", content), URL).metadata();

        assertThat(article.published().orElseThrow()).extracting(f -> f.value().toString(), Field::origin)
                .containsExactly("2019-11-19T10:05:00Z", "time[datetime]");
        assertThat(article.language()).contains(new Field<>("en-GB", "html[lang]"));
        assertThat(article.authors()).contains(new Field<>(List.of("Ana Lima"), "byline"));
        assertThat(article.title()).contains(new Field<>("Council expands tram network", "title"));
    }

    @Test
    void keepsADateWithoutZoneAsWritten_neverGuessingTheZone() {
        PageMetadata article = extract("<meta property=\"article:published_time\" content=\"2019-11-19 10:05\">");

        assertThat(article.published().orElseThrow().value().toString()).isEqualTo("2019-11-19T10:05:00");
        assertThat(article.published().orElseThrow().value().offsetDateTime()).isEmpty();
    }

    @Test
    void resolvesCanonicalLinkAgainstThePage() {
        PageMetadata article = extract("<link rel=\"canonical\" href=\"/city/tram\">");

        assertThat(article.canonical()).contains(new Field<>("https://news.example.com/city/tram",
                "link[rel=canonical]"));
    }

    @Test
    void keepsThePersonAndDropsTheOutlet_fromAPipeSeparatedByline() {
        PageMetadata article = extract("<meta name=\"author\" content=\"Amy Kuperinsky | NJ Advance Media\">");

        assertThat(article.authors()).contains(new Field<>(List.of("Amy Kuperinsky"), "meta:author"));
    }
}
