package newsroom.extract;

import static newsroom.extract.Pages.P1;
import static newsroom.extract.Pages.P2;
import static newsroom.extract.Pages.P3;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleContentTest {

    private static final String URL = "https://news.example.com/city/2019/11/tram.html";
    private final ArticleExtractor extractor = new ArticleExtractor();

    private ArticleContent extract(String content) {
        return extractor.extractArticle(Pages.page("", content), URL).content();
    }

    @Test
    void keepsTheArticleText_andDropsNavigationSidebarAndFooter() {
        ArticleContent article = extract(Pages.paragraphs());

        assertThat(article.text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
    }

    @Test
    void dropsShareBarRelatedLinksNewsletterBoxAndComments() {
        ArticleContent article = extract("<div class=\"share-bar\"><a href=\"https://facebook.com/x\">Share on "
                + "Facebook</a> <a href=\"https://twitter.com/x\">Tweet</a></div>"
                + "<p>" + P1 + "</p>"
                + "<div class=\"newsletter-signup\"><p>Get the best of the city in your inbox every morning, free of "
                + "charge.</p><form><input type=\"email\"><button>Sign up</button></form></div>"
                + "<p>" + P2 + "</p>"
                + "<div class=\"related-articles\"><h4>Related</h4><ul><li><a href=\"/r1\">Buses get new routes</a>"
                + "</li><li><a href=\"/r2\">Bike lanes for the centre</a></li></ul></div>"
                + "<p>" + P3 + "</p>"
                + "<section id=\"comments\"><h3>3 comments</h3><p>Great news, finally the trams are coming back to "
                + "our neighbourhood!</p></section>"
                + "<div class=\"cookie-banner\">"
                + "<p>We use cookies to improve your experience on our website.</p></div>");

        assertThat(article.text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
    }

    @Test
    void resolvesLazyImagesFromDataSrc() {
        ArticleContent article = extract("<p>" + P1 + "</p><figure><img src=\"data:image/gif;base64,R0lGOD\" "
                + "data-src=\"/img/tram-large.jpg\" alt=\"A new tram\"><figcaption>The new tram, seen in May."
                + "</figcaption></figure>" + "<p>" + P2 + "</p><p>" + P3 + "</p>");

        assertThat(article.markdown()).contains("![A new tram](https://news.example.com/img/tram-large.jpg)\n\n"
                + "*The new tram, seen in May.*\n\n");
    }

    @Test
    void takesTheWidestSrcsetCandidate() {
        ArticleContent article = extract("<p>" + P1 + "</p><p><img src=\"/img/s.jpg\" srcset=\"/img/s.jpg 320w, "
                + "/img/l.jpg 1280w, /img/m.jpg 640w\" alt=\"Tram\"></p><p>" + P2 + "</p><p>" + P3 + "</p>");

        assertThat(article.markdown()).contains("![Tram](https://news.example.com/img/l.jpg)");
    }

    @Test
    void usesTheNoscriptImage_whenThePlaceholderHasNoSource() {
        ArticleContent article = extract("<p>" + P1 + "</p><p><img class=\"lazy\" alt=\"\"><noscript><img "
                + "src=\"https://cdn.example.com/tram.jpg\" alt=\"Tram at night\"></noscript></p><p>" + P2 + "</p><p>"
                + P3 + "</p>");

        assertThat(article.markdown()).contains("![Tram at night](https://cdn.example.com/tram.jpg)");
    }

    @Test
    void writesTablesAsGfmPipeTables() {
        ArticleContent article = extract(Pages.paragraphs() + "<table><thead><tr><th>Line</th><th>Length</th>"
                + "</tr></thead><tbody><tr><td>T1</td><td>7 km</td></tr><tr><td>T2 | North</td><td>5 km</td></tr>"
                + "</tbody></table>");

        assertThat(article.markdown()).contains("| Line | Length |\n| --- | --- |\n| T1 | 7 km |\n"
                + "| T2 \\| North | 5 km |\n");
    }

    @Test
    void makesRelativeLinksAbsolute() {
        ArticleContent article = extract("<p>" + P1 + " See <a href=\"../plans/tram.pdf\">the plan</a>.</p><p>"
                + P2 + "</p><p>" + P3 + "</p>");

        assertThat(article.markdown()).contains("See [the plan](https://news.example.com/city/2019/plans/tram.pdf).");
    }

    @Test
    void resolvesLinksAgainstBaseHref() {
        String html = "<html><head><base href=\"https://static.example.org/base/\"></head><body><article><p>" + P1
                + " See <a href=\"plan.pdf\">the plan</a>.</p><p>" + P2 + "</p><p>" + P3 + "</p>"
                + "</article></body></html>";

        ArticleContent article = extractor.extractArticle(html, URL).content();

        assertThat(article.markdown()).contains("[the plan](https://static.example.org/base/plan.pdf)");
    }

    @Test
    void writesNoActiveContent_scriptsHandlersOrScriptUrls() {
        ArticleContent article = extract("<p onclick=\"steal()\">" + P1 + " <a href=\"javascript:alert(1)\">Click "
                + "here</a> and <a href=\"data:text/html,<script>alert(1)</script>\">here</a>.</p>"
                + "<script>alert('x')</script><p>" + P2 + " <img src=\"/x.png\" onerror=\"alert(1)\" alt=\"x\"></p>"
                + "<p>" + P3 + " Use &lt;script&gt; tags &amp; &lt;b onmouseover=alert(1)&gt;.</p>");

        String markdown = article.markdown();
        assertThat(markdown).doesNotContain("javascript:", "data:", "alert('x')", "onclick", "onerror");
        assertThat(markdown).doesNotContainPattern("(?<!\\\\)<");
        assertThat(markdown).contains("Click here and here.");
        assertThat(markdown).contains("Use \\<script\\> tags & \\<b onmouseover=alert(1)\\>.");
    }

    @Test
    void escapesMarkdownSyntaxInText() {
        ArticleContent article = extract("<p>" + P1 + "</p><p>*Not emphasis* and [not a link](x) or `code`.</p>"
                + "<p>1. Not a list item</p><p># Not a heading</p><p>" + P2 + "</p><p>" + P3 + "</p>");

        assertThat(article.markdown()).contains("\\*Not emphasis\\* and \\[not a link\\](x) or \\`code\\`.\n\n"
                + "1\\. Not a list item\n\n\\# Not a heading\n\n");
    }

    @Test
    void writesNestedListsQuotesAndFencedCode() {
        ArticleContent article = extract(Pages.paragraphs() + "<h2>What changes</h2><ul><li>New lines<ol>"
                + "<li>T1 <b>north</b></li><li>T2 <em>south</em></li></ol></li><li>More stops</li></ul>"
                + "<blockquote><p>It is a historic day.</p></blockquote>"
                + "<pre><code class=\"language-json\">{\"lines\": 2}</code></pre>");

        assertThat(article.markdown()).contains("## What changes\n\n- New lines\n  1. T1 **north**\n"
                + "  2. T2 *south*\n- More stops\n\n> It is a historic day.\n\n```json\n{\"lines\": 2}\n```\n");
    }

    @Test
    void dropsTheHeadlineFromTheBody() {
        ArticleContent article = extract(Pages.paragraphs());

        assertThat(article.markdown()).doesNotContain("Council expands tram network");
        assertThat(article.markdown()).startsWith(P1 + "\n\n");
    }

    @Test
    void keepsTheSpaceAfterALinkWhoseTextEndsWithOne() {
        ArticleContent article = extract("<p>" + P1 + " Ask <a href=\"/desk\">the desk </a>today.</p><p>" + P2
                + "</p><p>" + P3 + "</p>");

        assertThat(article.markdown()).contains("Ask [the desk](https://news.example.com/desk) today.");
    }

    @Test
    void splitsBrSeparatedTextIntoParagraphs() {
        String html = "<html><body><div id=\"menu\"><a href=\"/\">Home</a></div><div class=\"story\">" + P1
                + "<br><br>" + P2 + "<br><br>" + P3 + "</div></body></html>";

        ArticleContent article = extractor.extractArticle(html, URL).content();

        assertThat(article.text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
        assertThat(article.markdown()).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3 + "\n");
    }

    @Test
    void keepsAShortArticle_ratherThanTheLongerBoilerplateAroundIt() {
        String footer = "<div class=\"site-info\"><p>Example News is published by Example Media Group, 1 Main "
                + "Street, Springfield. Registered in England, company number 0123456, VAT number GB 123 4567 89.</p>"
                + "<p>Our journalism follows the editors' code of practice; complaints go to the readers' editor, who "
                + "answers every message within five working days, by email or by post.</p>"
                + "<p>Subscriptions renew automatically each month until cancelled; prices include VAT and delivery "
                + "in the country, with reduced prices for students and pensioners.</p></div>";
        String html = "<html><body><article><h1>Trams</h1><p>" + P1 + "</p><p>" + P2 + "</p></article>" + footer
                + "</body></html>";

        ArticleContent article = extractor.extractArticle(html, URL).content();

        assertThat(article.text()).isEqualTo(P1 + "\n" + P2);
    }

    @Test
    void dropsAReaderCommentSection_evenWithLongComments() {
        String comments = "<div class=\"comment-list\"><div class=\"comment\"><p>I have lived next to the old "
                + "depot for thirty years, and I can tell you that the trams were never the problem, the traffic "
                + "was, and nobody on the council ever wanted to admit it.</p></div><div class=\"comment\"><p>"
                + "Finally some good news, although I doubt the timeline, because the last project of this kind took "
                + "twice as long as promised and cost a fortune.</p></div></div>";

        ArticleContent article = extract("<div itemprop=\"articleBody\"><div>" + P1 + "</div><div>" + P2
                + "</div><div>" + P3 + "</div></div>" + comments);

        assertThat(article.text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
    }

    @Test
    void dropsPlainBylineAndDateLinesAboveTheText() {
        ArticleContent article = extract("<p>By Ana Lima, City Reporter</p><p>Nov. 19, 2019 10:05 AM EST</p>"
                + Pages.paragraphs());

        assertThat(article.text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
    }

    @Test
    void keepsShortOpeningSentencesThatMerelyMentionAYearOrStartWithBy() {
        ArticleContent article = extract("<p>In 2019, the council decided.</p><p>By Tuesday, it was done.</p>"
                + Pages.paragraphs());

        assertThat(article.text()).startsWith("In 2019, the council decided.\nBy Tuesday, it was done.\n" + P1);
    }

    @Test
    void marksNestedEmphasisOnce() {
        ArticleContent article = extract("<p>" + P1 + " <b>Very <strong>important</strong></b> news.</p><p>" + P2
                + "</p><p>" + P3 + "</p>");

        assertThat(article.markdown()).contains(" **Very important** news.");
    }

    @Test
    void survivesPathologicallyDeepNesting() {
        String html = "<html><body>" + "<div><span><b>".repeat(2_000) + "<p>" + P1 + " " + P2 + " " + P3 + "</p>"
                + "</b></span></div>".repeat(2_000) + "</body></html>";

        ArticleContent article = extractor.extractArticle(html, URL).content();

        assertThat(article.text()).isEqualTo(P1 + " " + P2 + " " + P3);
    }
}
