package newsroom.core.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MarkdownSegmenterTest {

    private final MarkdownSegmenter segmenter = new MarkdownSegmenter();

    /** Markdown's syntax characters, so random texts hit every rule of the segmenter. */
    private static final String MARKDOWN_ALPHABET = "ab \n\t\r`~#>-*1.[]()!</&;{}%|\\:=é😀";

    @Test
    void concatenatedSegmentsGiveTheInputBack_forRandomMarkdownLikeTexts() {
        Random random = new Random(20261129L);
        for (int i = 0; i < 2000; i++) {
            String text = randomText(random, MARKDOWN_ALPHABET, random.nextInt(300));
            assertThat(String.join("", segmenter.segment(text).stream().map(Segment::text).toList()))
                    .as("segments of %s", text)
                    .isEqualTo(text);
        }
    }

    @Test
    void neverProducesTwoNeighbouringSegmentsOfTheSameFamily() {
        Random random = new Random(7L);
        for (int i = 0; i < 500; i++) {
            List<Segment> segments = segmenter.segment(randomText(random, MARKDOWN_ALPHABET, 200));
            for (int j = 1; j < segments.size(); j++) {
                assertThat(segments.get(j).isText() && segments.get(j - 1).isText()).isFalse();
                assertThat(segments.get(j).breaksLine() && segments.get(j - 1).breaksLine()).isFalse();
            }
        }
    }

    static String randomText(Random random, String alphabet, int length) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    @Test
    void protectsLinkTargetsButNotLinkText() {
        assertThat(segmenter.segment("See [the docs](https://example.com/a_(b) \"Title\") now."))
                .containsExactly(
                        text("See "), inline("["), text("the docs"),
                        inline("](https://example.com/a_(b) \"Title\")"), text(" now."));
    }

    @Test
    void protectsImageTargetsAndKeepsAltTextTranslatable() {
        assertThat(segmenter.segment("![A red apple](/img/apple.png)"))
                .containsExactly(inline("!["), text("A red apple"), inline("](/img/apple.png)"));
    }

    @Test
    void protectsCodeSpansEntitiesShortcodesAndBareUrls() {
        assertThat(segmenter.segment("Run `make all` &amp; see {{< ref \"x.md\" >}} at https://example.com/q?a=1."))
                .containsExactly(
                        text("Run "), inline("`make all`"), text(" "), inline("&amp;"), text(" see "),
                        inline("{{< ref \"x.md\" >}}"), text(" at "), inline("https://example.com/q?a=1"),
                        text("."));
    }

    @Test
    void protectsFencedCodeBlockAsOneBlockIncludingTheBlankLineAround() {
        assertThat(segmenter.segment("Intro.\n\n```java\nString s = \"Hello\";\n\n```\n\nOutro."))
                .containsExactly(
                        text("Intro."),
                        block("\n\n```java\nString s = \"Hello\";\n\n```\n\n"),
                        text("Outro."));
    }

    @Test
    void protectsAnUnclosedFenceToTheEnd() {
        assertThat(segmenter.segment("Intro.\n~~~\ncode\nmore code"))
                .containsExactly(text("Intro."), block("\n~~~\ncode\nmore code"));
    }

    @Test
    void protectsIndentedCodeAfterABlankLine() {
        assertThat(segmenter.segment("Text:\n\n    let x = 1;\n    let y = 2;\nAfter."))
                .containsExactly(text("Text:"), block("\n\n    let x = 1;\n    let y = 2;\n"), text("After."));
    }

    @Test
    void protectsLineMarkersOfHeadingsListsAndQuotes() {
        assertThat(segmenter.segment("## Title\n- first item  \n> 1. quoted item\n"))
                .containsExactly(
                        line("## "), text("Title"), line("\n- "), text("first item"), line("  \n> 1. "),
                        text("quoted item"), line("\n"));
    }

    @Test
    void protectsHighlightShortcodeBlocksAndHtmlComments() {
        assertThat(segmenter.segment("A.\n{{< highlight go >}}\nfmt.Println(\"hi\")\n{{< /highlight >}}\n"
                + "<!--\nnote\n-->\nB."))
                .containsExactly(
                        text("A."),
                        block("\n{{< highlight go >}}\nfmt.Println(\"hi\")\n{{< /highlight >}}\n<!--\nnote\n-->\n"),
                        text("B."));
    }

    @Test
    void protectsAShortcodeWhoseParametersSpanLines() {
        assertThat(segmenter.segment("Look:\n{{< figure src=\"/a.png\"\n    title=\"Sunset\" >}}\nNice."))
                .containsExactly(
                        text("Look:"), block("\n{{< figure src=\"/a.png\"\n    title=\"Sunset\" >}}\n"),
                        text("Nice."));
    }

    @Test
    void protectsTableDelimiterRowsAndCellPipes() {
        assertThat(segmenter.segment("| Name | Price |\n|---|---:|\n| Apple | 3 |"))
                .containsExactly(
                        inline("| "), text("Name"), inline(" | "), text("Price"), inline(" |"),
                        block("\n|---|---:|\n"),
                        inline("| "), text("Apple"), inline(" | "), text("3"), inline(" |"));
    }

    @Test
    void protectsSetextUnderlinesAndReferenceDefinitions() {
        assertThat(segmenter.segment("Heading\n=======\n\n[docs]: https://example.com\n"))
                .containsExactly(text("Heading"), block("\n=======\n\n[docs]: https://example.com\n"));
    }

    @Test
    void protectsBracesSoProseNeverLooksLikeAPlaceholder() {
        assertThat(segmenter.segment("Set {0} here"))
                .containsExactly(text("Set "), inline("{"), text("0"), inline("}"), text(" here"));
    }

    private static Segment text(String s) {
        return new Segment(s, Segment.Kind.TEXT);
    }

    private static Segment inline(String s) {
        return new Segment(s, Segment.Kind.INLINE);
    }

    private static Segment line(String s) {
        return new Segment(s, Segment.Kind.LINE);
    }

    private static Segment block(String s) {
        return new Segment(s, Segment.Kind.BLOCK);
    }
}
