package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.junit.jupiter.api.Test;

import newsroom.extract.testing.SharedPages;

/**
 * {@link UnreadMarkup} keeps its contract: jsoup parses the stripped page to the tree of the whole page with the data
 * of non-JSON-LD scripts and of styles, the text of comments and the children of SVGs emptied (the same emptying is
 * applied to both trees before they are compared), up to white space at the edges of text nodes, with the same
 * {@code text()}.
 */
class UnreadMarkupTest {

    private static final Pattern HTML_SPACE_EDGES = Pattern.compile("^[ \\t\\n\\f\\r]+|[ \\t\\n\\f\\r]+$");

    /** Pieces of markup whose mixtures reach the tokenizer states the scan follows or stops at. */
    private static final String[] PIECES = {"<script>", "<script type=\"application/ld+json\">", "<SCRIPT>",
        "</script>", "</script >", "</scriptx>", "</script/>", "<style>", "</style>", "</STYLE>", "<!--", "-->",
        "--!>", "--!-", "<!-->", "<!--->", "--", "-", "!", "<svg>", "</svg>", "<svg/>", "<SVG viewBox=\"0 0 1 1\">",
        "</SVG>", "<math>", "</math>", "<path d=\"M0 0\"/>", "<g>", "</g>", "<title>", "</title>", "<desc>",
        "</desc>", "<foreignObject>", "<feBlend/>", "<p>", "</p>", "<div>", "<font color=red>", "<br>", "<textarea>",
        "</textarea>", "<select>", "</select>", "<option>", "<iframe>", "</iframe>", "<xmp>", "</xmp>",
        "<noscript>", "</noscript>", "<template>", "</template>", "<table>", "<tr>", "<td>", "<![CDATA[", "]]>",
        "<!DOCTYPE html>", "<?php x ?>", "<a href='>' title=\"<script>\">", "<a b=x'y>", "<a b=>", "<a b=/>",
        "</div x=\">\">", "<", ">", "</", "</>", "'", "\"", "=", "/", "words", " ", "\n", "&lt;", "&amp;",
        "<img src=x>", "<plaintext>", "<frameset>", "<head>", "<body>", "<b", "<!x>", "<script>a<!--<script>",
        "<script type=\"application&#x2F;ld&#x2B;json\">", "<Title>", "<text>", "<style>p{}</style>",
        "<script>if (a<b) {}</script>", "<svg><path d=\"M1\"/><title>Share</title></svg>", "<noembed>",
        "<noframes>", "</noframes>", "<image>", "<button>", "<h1>", "</math >", "\n  ", " \t", "</div>",
        "</li>", "<li>", "<ul>", "</ul>", "<pre>", "</pre>", "<form>", "</form>", "<span>", "</span>", "<section>",
        "<listing>", "</h1>", "<hr>", "<meta name=x>", "<td>", "</td>", "</tr>", "<div data-x=\"a>b\" class=c>",
        "<img data-src=x.jpg alt='<p>'>", "<span DATA-Y=1 data-z>", "<source data-srcset=y>", "<p data-=1 id=p>"};

    @Test
    void parsesAsTheWholePage_onEveryPageOfTheSharedSets() throws IOException {
        long[] lengths = new long[2];
        int pages = SharedPages.forEach((name, html) -> {
            String stripped = UnreadMarkup.strip(html);
            assertThat(emptied(stripped)).as(name).isEqualTo(emptied(html));
            lengths[0] += html.length();
            lengths[1] += stripped.length();
        });
        assertThat(pages).isGreaterThan(400);
        // the point of it: on real pages, a large part of the characters are code, rules and drawings
        assertThat((double) lengths[1] / lengths[0]).isLessThan(0.6);
    }

    @Test
    void parsesAsTheWholePage_onRandomMixturesOfTheAwkwardCases() {
        Random random = new Random(53);
        int changed = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder html = new StringBuilder(random.nextBoolean() ? "" : "<html><head>");
            int pieces = 1 + random.nextInt(24);
            for (int p = 0; p < pieces; p++) {
                html.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String page = html.toString();
            String stripped = UnreadMarkup.strip(page);
            assertThat(emptied(stripped)).as(page).isEqualTo(emptied(page));
            if (!stripped.equals(page)) {
                changed++;
            }
        }
        assertThat(changed).as("mixtures with something emptied").isGreaterThan(3_000);
    }

    @Test
    void emptiesScriptsStylesCommentsAndDrawings_keepsJsonLdAndTheText() {
        String page = "<html><head><script>var a = '<p>x</p>';</script><style>p { color: red }</style>"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
                + "<script type=\"application&#x2F;ld&#x2B;json\">{\"@type\":\"Person\"}</script></head>"
                + "<body><!-- a comment --><p title=\"<script>\">Text <b>here</b></p>"
                + "<svg viewBox=\"0 0 9 9\"><title>Share</title><path d=\"M0 0h9\"/></svg></body></html>";

        assertThat(UnreadMarkup.strip(page)).isEqualTo("<html><head><script></script><style></style>"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
                + "<script type=\"application&#x2F;ld&#x2B;json\">{\"@type\":\"Person\"}</script></head>"
                + "<body><p title=\"<script>\">Text <b>here</b></p>"
                + "<svg viewBox=\"0 0 9 9\"></svg></body></html>");
    }

    @Test
    void dropsWhiteSpaceAtTheEdgesOfBlocks() {
        // right before a block start tag, right after one, and before block end tags followed by a block start tag
        // or by the end of the page
        assertThat(UnreadMarkup.strip("<div>\n  <p>a</p>\n  <p>b</p>\n</div>\n<ul>\n <li><a>c</a></li>\n</ul>\n"))
                .isEqualTo("<div><p>a</p><p>b</p></div><ul><li><a>c</a></li></ul>\n");
        assertThat(UnreadMarkup.strip("<html> <head> <meta charset=utf-8></head> <body> <div>\n<span>x</span> </div>"))
                .isEqualTo("<html> <head><meta charset=utf-8></head> <body><div><span>x</span></div>");
        // before block end tags followed by anything else, the white space may be the only space between two words
        assertThat(UnreadMarkup.strip("<div><span>a</span> </div><span>b</span>"))
                .isEqualTo("<div><span>a</span> </div><span>b</span>");
        assertThat(UnreadMarkup.strip("<div><span>a</span> </div>b")).isEqualTo("<div><span>a</span> </div>b");
        // text between breaks the wait: here </div> closes nothing, and the space is the only one before "y"
        String ignoredEnd = "<span>x</span> </div>y<div>z</div>";
        assertThat(UnreadMarkup.strip(ignoredEnd)).isEqualTo(ignoredEnd);
        assertThat(Jsoup.parse(UnreadMarkup.strip(ignoredEnd)).text()).isEqualTo("x y z");
        // comments are no text: white space around them goes when a block start follows
        assertThat(UnreadMarkup.strip("<p>a</p>\n<!-- wp:paragraph -->\n<p>b</p>\n<!-- /wp:paragraph --> <i>c</i>"))
                .isEqualTo("<p>a</p><p>b</p>\n <i>c</i>");
        // a comment beside text is emptied, not removed: the two text nodes stay apart
        assertThat(UnreadMarkup.strip("<p>May 5<!-- x -->2020</p>")).isEqualTo("<p>May 5<!---->2020</p>");
        // white space that is text: between inline tags, in a table row, in preformatted text, in foreign content,
        // after text, and while a formatting element may be open (the parser reopens it for the white space)
        for (String kept : List.of("<p><b>a</b> <i>b</i></p>", "<p>a</p> <span>b</span>",
                "<table><tr><td>Mo</td> <td>Di</td></tr></table>", "<pre><p>a</p>\n<p>b</p></pre>",
                "<svg><g></g>\n<p>x</p></svg>", "<p>a <\n<div>", "<a href=x>a</p>\n<p>b")) {
            assertThat(UnreadMarkup.strip(kept)).isEqualTo(kept);
        }
        for (String name : UnreadMarkup.BLOCK_TAGS) {
            assertThat(Tag.valueOf(name).isBlock()).as(name).isTrue();
        }
    }

    @Test
    void dropsDataAttributes_exceptOnImagesAndSources() {
        assertThat(UnreadMarkup.strip("<div data-id=\"7\" class=\"a\"><img data-src=\"x.jpg\" src=\"y.gif\">"
                + "<picture><source data-srcset=\"z.jpg\"></picture><a data-track=1 href=/b data-x>b</a></div>"))
                .isEqualTo("<div  class=\"a\"><img data-src=\"x.jpg\" src=\"y.gif\">"
                        + "<picture><source data-srcset=\"z.jpg\"></picture><a  href=/b >b</a></div>");
    }

    @Test
    void leavesTheRestAsItIs_whereTheTreeBuilderWouldDecide() {
        // "<!--<script" inside script data: the tokenizer's escape states move the end of the script
        String escaped = "<script>a<!--<script>b</script>c</script><style>s</style>";
        assertThat(UnreadMarkup.strip(escaped)).isEqualTo(escaped);
        // a style inside an SVG is an SVG element, unless an HTML tag broke out first
        String foreign = "<svg><p>x<style>a<b>c</style></svg><script>s</script>";
        assertThat(UnreadMarkup.strip(foreign)).isEqualTo(foreign);
        // a comment that runs to the end of the page
        assertThat(UnreadMarkup.strip("<p>a<!-- b <script>c</script>")).isEqualTo("<p>a<!-- b <script>c</script>");
    }

    @Test
    void keepsAnSvgWhoseContentIsNotPlainDrawing() {
        // <p> breaks out of the SVG: its text is page text
        String breakout = "<svg><g></g><p>Harbour ferries</p></svg>";
        assertThat(UnreadMarkup.strip(breakout)).isEqualTo(breakout);
        assertThat(Jsoup.parse(UnreadMarkup.strip(breakout)).text()).isEqualTo("Harbour ferries");
        // markup inside <title>, an HTML integration point
        String integration = "<svg><title><b>Share</b></title></svg>";
        assertThat(UnreadMarkup.strip(integration)).isEqualTo(integration);
    }

    @Test
    void reader_readsTheCharactersOfStrip() throws IOException {
        Random random = new Random(59);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder html = new StringBuilder();
            int pieces = 1 + random.nextInt(40);
            for (int p = 0; p < pieces; p++) {
                html.append(PIECES[random.nextInt(PIECES.length)]);
            }
            StringWriter read = new StringWriter();
            char[] buffer = new char[1 + random.nextInt(16)];
            try (Reader reader = UnreadMarkup.scan(html.toString(), Integer.MAX_VALUE).reader()) {
                for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
                    read.write(buffer, 0, n);
                }
            }
            assertThat(read.toString()).as(html.toString()).isEqualTo(UnreadMarkup.strip(html.toString()));
        }
    }

    @Test
    void pastAStop_startTagsAreLessThanFollowedByALetter_atEveryLengthAroundTheLimit() {
        assertThat(UnreadMarkup.hasAtMostStartTags("<a<b<c", 0, 3)).isTrue();
        assertThat(UnreadMarkup.hasAtMostStartTags("<a<b<c<d", 0, 3)).isFalse();
        assertThat(UnreadMarkup.hasAtMostStartTags("<a<b<c<d<", 0, 3)).isFalse();
        assertThat(UnreadMarkup.hasAtMostStartTags("<a<b<c< < ", 0, 3)).isTrue();
        assertThat(UnreadMarkup.hasAtMostStartTags("<a<b<c<1<Z", 0, 3)).isFalse();
        assertThat(UnreadMarkup.hasAtMostStartTags("x".repeat(100) + "<p", 0, 0)).isFalse();
    }

    @Test
    void pastAStop_theCountStopsEarlyOnlyWhenTheRestCannotPassTheLimit() {
        Random random = new Random(43);
        String[] pieces = {"<a", "<", "<<", "<1", "x", "<Z", " ", "<<b"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            int from = random.nextInt(html.length() + 1);
            long tags = Pattern.compile("<[A-Za-z]").matcher(html.substring(from)).results().count();
            int limit = random.nextInt(12);
            assertThat(UnreadMarkup.hasAtMostStartTags(html.toString(), from, limit))
                    .as("%s from %d, %d", html, from, limit).isEqualTo(tags <= limit);
        }
    }

    @Test
    void countsTheStartTagsOfMarkup_notThoseInScriptsStylesCommentsOrDrawings() {
        String hidden = "<script>" + "<b>".repeat(50) + "</script><style>" + "<i>".repeat(50) + "</style><!--"
                + "<p>".repeat(50) + "--><svg>" + "<path/>".repeat(50) + "</svg>";
        // the paragraphs, <script>, <style> and <svg>
        assertThat(UnreadMarkup.scan("<p>".repeat(5) + hidden, 9).exceedsStartTagLimit()).isFalse();
        assertThat(UnreadMarkup.scan("<p>".repeat(6) + hidden, 9).exceedsStartTagLimit()).isFalse();
        assertThat(UnreadMarkup.scan("<p>".repeat(7) + hidden, 9).exceedsStartTagLimit()).isTrue();
        assertThat(UnreadMarkup.scan("<p>".repeat(8), 7).exceedsStartTagLimit()).isTrue();
    }

    @Test
    void pastTheStop_countsEveryLessThanFollowedByALetter() {
        // the scan stops at the escaped script: in the rest, the tags in script code count too
        String stopped = "<p><script>a<!--<script>" + "<b>".repeat(10) + "</script>";
        // <p> and <script> before the stop, then <script> and ten <b> in the rest
        assertThat(UnreadMarkup.scan(stopped, 13).exceedsStartTagLimit()).isFalse();
        assertThat(UnreadMarkup.scan(stopped, 12).exceedsStartTagLimit()).isTrue();
    }

    /** The page as jsoup parses it, with what the contract allows to differ emptied, as HTML. */
    private static String emptied(String html) {
        Document document = Jsoup.parse(html, "https://news.example/");
        for (Node node = document; node != null; node = next(node, document)) {
            if (node instanceof Comment comment) {
                comment.setData(""); // removed below: a comment with only white space around it goes whole
            } else if (node instanceof DataNode data && isEmptiedData(data.parent())) {
                data.setWholeData("");
            }
        }
        for (Element svg : document.select("svg")) {
            svg.empty();
        }
        for (Element element : document.getAllElements()) {
            if (!element.nameIs("img") && !element.nameIs("source")) {
                List<String> data = new ArrayList<>();
                element.attributes().forEach(attribute -> {
                    if (attribute.getKey().startsWith("data-")) {
                        data.add(attribute.getKey());
                    }
                });
                data.forEach(element::removeAttr);
            }
        }
        String text = document.text();
        // white space at the edge of blocks is dropped too: the trees are compared up to white space at the edges
        // of text nodes (outside preformatted text), and jsoup's text (above), which reads white space as a reader
        // does, must not change
        List<Node> blank = new ArrayList<>();
        for (Node node = document; node != null; node = next(node, document)) {
            if (node instanceof Comment) {
                blank.add(node);
            } else if (node instanceof TextNode textNode && !inPre(textNode)) {
                String stripped = HTML_SPACE_EDGES.matcher(textNode.getWholeText()).replaceAll("");
                if (stripped.isEmpty()) {
                    blank.add(textNode);
                } else {
                    textNode.text(stripped);
                }
            }
        }
        blank.forEach(Node::remove);
        document.outputSettings().prettyPrint(false);
        return document.outerHtml() + "\n" + text;
    }

    private static boolean inPre(Node node) {
        for (Element up = node.parentElement(); up != null; up = up.parent()) {
            if (up.nameIs("pre") || up.nameIs("listing")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmptiedData(Element parent) {
        return parent != null && (parent.nameIs("style") || parent.nameIs("script")
                && !parent.attr("type").toLowerCase(Locale.ROOT).contains("ld+json"));
    }

    private static Node next(Node node, Node root) {
        if (node.childNodeSize() > 0) {
            return node.childNode(0);
        }
        for (Node up = node; up != root; up = up.parent()) {
            if (up.nextSibling() != null) {
                return up.nextSibling();
            }
        }
        return null;
    }
}
