package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import newsroom.extract.testing.SharedPages;

/**
 * {@link Nodes#hasMoreTextMarksThan}, {@link Nodes#firstTextMark} and {@link Nodes#textMarks} read the text nodes
 * instead of building {@code text()}: they must answer what reading the marks of {@code text()} answers, on random
 * trees (blocks, inline elements, {@code pre}, {@code br}, every kind of space and the characters jsoup drops) and on
 * every element of the benchmark pages; and the cleaner's UI-label test on the marks must never rule out a label that
 * the regex on {@code text()} finds.
 */
class TextMarksTest {

    private static final String[] PARTS = {"<p>", "</p>", "<div>", "</div>", "<a>", "</a>", "<span>", "</span>",
        "<pre>", "</pre>", "<br>", "<li>", "<td>", "<b>", "</b>", "<h2>", "</h2>", "<img>", "<!-- c -->",
        "<![CDATA[x]]>", "<textarea>", "</textarea>", "word", "C", "7", ",", " ", "  ", "\t", "\n", "\r", "\f",
        "\u000B", "\u0001", "\u001f", "\u00a0", "\u2003", "\u2007", "\u3000", "\u1680", "\u0085", "\u200b",
        "\u00ad", "\u2028", "&nbsp;", "&#8203;", "&shy;", "\ud83d\ude00", "é", "東"};

    @Test
    void marksOfTheTextNodesAreTheMarksOfText_onRandomTrees() {
        Random random = new Random(53);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(24); j > 0; j--) {
                html.append(PARTS[random.nextInt(PARTS.length)]);
            }
            for (Element element : Jsoup.parse(html.toString()).getAllElements()) {
                assertAgreesWithText(element, random.nextInt(8));
            }
        }
    }

    @Test
    void marksOfTheTextNodesAreTheMarksOfText_onTheBenchmarkPages() throws IOException {
        // every 15th page: text() of every element is costly
        SharedPages.forEachBenchmarkPage(15, (name, html) -> {
            for (Element element : Jsoup.parse(html).getAllElements()) {
                for (int limit : new int[] {0, 39, 60, 200}) {
                    assertAgreesWithText(element, limit);
                }
            }
        });
    }

    @Test
    void textMarksAreTheCharactersTextKeepsAsTheyAre() {
        assertThat(Nodes.isTextMark('a')).isTrue();
        assertThat(Nodes.isTextMark('\u0085')).isTrue(); // not whitespace to Java or jsoup
        assertThat(Nodes.isTextMark('\u2007')).isTrue(); // figure space: Character.isWhitespace is false
        for (char c : new char[] {' ', '\u0001', '\u000B', '\u00a0', '\u2003', '\u3000', '\u200b', '\u00ad'}) {
            assertThat(Nodes.isTextMark(c)).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void labelTestOnTheMarksKeepsEveryLabelOfText_onRandomTrees() {
        String[] parts = {"<p>", "</p>", "<div>", "</div>", "<a>", "</a>", "<span>", "</span>", "<pre>", "</pre>",
            "<br>", "<b>", "</b>", "<img>", "Share", "sha", "re", "AD", "Advert", "isement", "Foto", "3", "12", " von ",
            "/", "of", "de", "publicit", "é", "&eacute;", "pubblicit", "à", "E-mail", "x", " ", "\t", "\n", "\u000B",
            "\f", "\r", "\u00a0", "\u2003", "\u200b", "&shy;", "\u0001"};
        Random random = new Random(59);
        int labels = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                html.append(parts[random.nextInt(parts.length)]);
            }
            for (Element element : Jsoup.parse(html.toString()).body().getAllElements()) {
                if (ContentCleaner.isUiLabel(element.text())) {
                    labels++;
                    assertThat(ContentCleaner.mayBeUiLabel(element)).as(element.outerHtml()).isTrue();
                }
            }
        }
        assertThat(labels).as("labels met").isGreaterThan(1_000);
    }

    private static void assertAgreesWithText(Element element, int limit) {
        String text = element.text();
        int marks = 0;
        char first = '\0';
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (Nodes.isTextMark(text.charAt(i))) {
                first = marks == 0 ? text.charAt(i) : first;
                marks++;
                all.append(text.charAt(i));
            }
        }
        assertThat(Nodes.textMarks(element, limit)).as("marks of %s", element.outerHtml())
                .isEqualTo(marks > limit ? null : all.toString());
        assertThat(Nodes.textMarkCount(element, limit)).as("count in %s", element.outerHtml())
                .isEqualTo(Math.min(marks, limit + 1));
        assertThat(Nodes.textMarkCount(text)).isEqualTo(marks);
        assertThat(Nodes.hasMoreTextMarksThan(element, limit)).as("%d in %s", limit, element.outerHtml())
                .isEqualTo(marks > limit);
        assertThat(Nodes.firstTextMark(element)).as("first of %s", element.outerHtml()).isEqualTo(first);
        assertThat(text.strip().length()).isGreaterThanOrEqualTo(marks);
    }
}
