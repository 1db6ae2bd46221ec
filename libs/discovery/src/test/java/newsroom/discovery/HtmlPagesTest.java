package newsroom.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class HtmlPagesTest {

    private static final URI HOME = URI.create("https://news.example/section/");

    @Test
    void findsAdvertisedFeeds_resolvedAbsolute_inDocumentOrder() {
        var doc = HtmlPages.parse("""
                <html><head>
                <link rel="stylesheet" type="text/css" href="/s.css">
                <link rel="alternate" type="application/rss+xml" href="rss.xml">
                <link rel="alternate" type="application/atom+xml" href="https://news.example/atom">
                <link rel="alternate" type="application/rss+xml" href="rss.xml">
                <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
                <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
                </head></html>""", HOME);

        assertThat(HtmlPages.feedLinks(doc)).containsExactly("https://news.example/section/rss.xml",
                "https://news.example/atom");
    }

    @Test
    void recognizesAnArticleByOpenGraphType() {
        assertThat(HtmlPages.isArticle(HtmlPages.parse(
                "<head><meta property=\"og:type\" content=\"article\"></head>", HOME))).isTrue();
    }

    @Test
    void recognizesAnArticleByJsonLdInAGraph() {
        assertThat(HtmlPages.isArticle(HtmlPages.parse("""
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"N"},{"@type":["NewsArticle"],"headline":"H"}]}</script>""", HOME)))
                .isTrue();
    }

    @Test
    void doesNotTakeAHomepageForAnArticle() {
        assertThat(HtmlPages.isArticle(HtmlPages.parse("""
                <head><meta property="og:type" content="website">
                <script type="application/ld+json">{"@type":"WebSite","name":"N"}</script>
                <script type="application/ld+json">{ broken json </script></head>""", HOME))).isFalse();
    }
}
