package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import newsroom.extract.testing.SharedPages;

/**
 * {@link Nodes#hasTextAtMost} answers "text() is at most this long" without building {@code text()}: whenever it says
 * so, {@code text().length()} must be within the limit, on random trees (blocks, inline elements, {@code pre},
 * {@code br}, comments, CDATA, every kind of space and the characters jsoup drops) and on every element of the
 * benchmark pages; and it must say so for short texts (not answer false throughout).
 */
class TextLengthBoundTest {

    private static final String[] PARTS = {"<p>", "</p>", "<div>", "</div>", "<a>", "</a>", "<span>", "</span>",
        "<pre>", "</pre>", "<br>", "<li>", "<td>", "<b>", "</b>", "<h2>", "</h2>", "<img>", "<!-- c -->",
        "<![CDATA[x]]>", "<textarea>", "</textarea>", "<script>x</script>", "<table>", "<tr>", "word", "C", "7",
        ",", " ", "  ", "\t", "\n", "\r", "\f", "\u000B", "\u0001", "\u00a0", "\u2003", "\u3000", "\u0085",
        "\u200b", "\u00ad", "&nbsp;", "&#8203;", "&shy;", "\ud83d\ude00", "é", "東"};

    @Test
    void aTextSaidToFitFits_onRandomTrees() {
        Random random = new Random(71);
        int saidToFit = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                html.append(PARTS[random.nextInt(PARTS.length)]);
            }
            for (Element element : Jsoup.parse(html.toString()).getAllElements()) {
                saidToFit += assertBound(element, random.nextInt(40));
            }
        }
        assertThat(saidToFit).isGreaterThan(10_000);
    }

    @Test
    void aTextSaidToFitFits_onTheBenchmarkPages() throws IOException {
        // every 10th page: text() of every element is costly
        SharedPages.forEachBenchmarkPage(10, (name, html) -> {
            for (Element element : Jsoup.parse(html).getAllElements()) {
                for (int limit : new int[] {0, 24, 120, 500}) {
                    assertBound(element, limit);
                }
            }
        });
    }

    @Test
    void shortAndLongParagraphs() {
        Element shortOne = Jsoup.parse("<p>By <a href=/x>Jane Doe</a>, <time>May 4, 2024</time></p>")
                .selectFirst("p");
        assertThat(Nodes.hasTextAtMost(shortOne, 120)).isTrue();
        assertThat(Nodes.hasTextAtMost(shortOne, 10)).isFalse();
        Element longOne = Jsoup.parse("<p>" + "word ".repeat(40) + "</p>").selectFirst("p");
        assertThat(Nodes.hasTextAtMost(longOne, 120)).isFalse();
    }

    /** 1 when the bound said the text fits (and it does), 0 when it did not say so. */
    private static int assertBound(Element element, int limit) {
        if (!Nodes.hasTextAtMost(element, limit)) {
            return 0;
        }
        assertThat(element.text().length()).as("%d in %s", limit, element.outerHtml()).isLessThanOrEqualTo(limit);
        return 1;
    }
}
