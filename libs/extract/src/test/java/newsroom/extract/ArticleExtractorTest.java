package newsroom.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.RawArticle;
import newsroom.core.model.Rejection;

class ArticleExtractorTest {

    private static final String URL = "https://news.example.com/city/2019/11/tram.html";
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void aDateReadOnlyFromTheUrlIsLeftToTheNormalizersFallbacks() {
        String url = "https://news.example.com/city/2019/11/18/tram.html";

        ExtractedArticle article =
                extractor.extractArticle(Pages.page("<title>Trams</title>", Pages.paragraphs()), url);
        RawArticle raw = extractor.extract(Pages.page("<title>Trams</title>", Pages.paragraphs()), url);

        assertThat(article.metadata().published()).hasValueSatisfying(f -> {
            assertThat(f.origin()).isEqualTo("url");
            assertThat(f.value().dateTime().toLocalDate()).hasToString("2019-11-18");
        });
        assertThat(raw.fields()).doesNotContainKey("date");
    }

    @Test
    void handsTheNormalizerTypedDates_aZoneLessOneAsWritten() {
        String head = "<meta property=\"article:published_time\" content=\"2019-11-19 10:05\">";

        RawArticle raw = extractor.extract(Pages.page("<title>Trams</title>" + head, Pages.paragraphs()), URL);

        assertThat(raw.fields()).containsEntry("date", LocalDateTime.of(2019, 11, 19, 10, 5));
    }

    @Test
    void mapsMetadataToCanonicalFrontMatterNames() {
        String head = "<link rel=\"canonical\" href=\"https://news.example.com/tram\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Council expands tram network\","
                + "\"datePublished\":\"2019-11-19T10:05:00+01:00\",\"dateModified\":\"2019-11-19T12:00:00+01:00\","
                + "\"author\":[{\"name\":\"Ana Lima\"},{\"name\":\"Tom Berg\"}],\"inLanguage\":\"en\","
                + "\"description\":\"The council votes.\",\"keywords\":[\"trams\",\"council\"],"
                + "\"articleSection\":\"City\",\"image\":\"https://cdn.example.com/t.jpg\","
                + "\"isAccessibleForFree\":false,\"publisher\":{\"name\":\"Example News\"}}</script>";

        RawArticle raw = extractor.extract(Pages.page(head, Pages.paragraphs()), URL);

        assertThat(raw.fields()).containsExactly(
                Map.entry("title", "Council expands tram network"),
                Map.entry("date", OffsetDateTime.parse("2019-11-19T10:05:00+01:00")),
                Map.entry("lastmod", OffsetDateTime.parse("2019-11-19T12:00:00+01:00")),
                Map.entry("author", "Ana Lima, Tom Berg"),
                Map.entry("lang", "en"),
                Map.entry("summary", "The council votes."),
                Map.entry("tags", List.of("trams", "council")),
                Map.entry("categories", List.of("City")),
                Map.entry("thumbnail", "https://cdn.example.com/t.jpg"),
                Map.entry("source", Map.of("url", URL, "canonical", "https://news.example.com/tram")),
                Map.entry("paywalled", true),
                Map.entry("site_name", "Example News"));
        assertThat(raw.body()).isEqualTo(Pages.P1 + "\n\n" + Pages.P2 + "\n\n" + Pages.P3 + "\n");
    }

    @Test
    void leavesOutPaywalledAndAbsentFields_whenThePageSaysNothing_exceptTheLanguageItsTextIsIn() {
        RawArticle raw = extractor.extract("<html><body><article>" + Pages.paragraphs() + "</article></body></html>",
                null);

        assertThat(raw.fields()).containsExactly(Map.entry("lang", "en"));
    }

    @Test
    void rejectsAPageWithoutArticleText() {
        String html = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
                + "<div class=\"grid\"><a href=\"/1\">Story one</a><a href=\"/2\">Story two</a></div></body></html>";

        assertThatThrownBy(() -> extractor.extract(html, URL))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e ->
                        assertThat(e.rejection().code()).isEqualTo(Rejection.Code.NO_ARTICLE_CONTENT));
    }

    @Test
    void rejectsAnEmptyPage() {
        assertThatThrownBy(() -> extractor.extract("  \n", URL))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e ->
                        assertThat(e.rejection().code()).isEqualTo(Rejection.Code.EMPTY_INPUT));
    }

    @Test
    void rejectsPagesOverTenMebibytes() {
        String html = "<html><body><p>" + "a".repeat(ArticleExtractor.MAX_PAGE_BYTES) + "</p></body></html>";

        assertThatThrownBy(() -> extractor.extract(html, URL))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e ->
                        assertThat(e.rejection().code()).isEqualTo(Rejection.Code.TOO_LARGE));
    }

    @Test
    void takesTheJsonLdArticleBody_whenScriptRendersTheArticleAndThePageHasNone() {
        String body = Pages.P1 + "\n" + Pages.P2 + "\n" + Pages.P3;
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                + "\"Trams\",\"articleBody\":" + jsonString(body) + "}</script></head><body><div id=\"root\"></div>"
                + "<script src=\"/app.js\"></script></body></html>";

        RawArticle raw = extractor.extract(html, URL);

        assertThat(raw.body()).isEqualTo(Pages.P1 + "\n\n" + Pages.P2 + "\n\n" + Pages.P3 + "\n");
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
