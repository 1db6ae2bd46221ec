package newsroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryBuilderTest {

    @Test
    void joinsTheFirstParagraphsAsPlainText() {
        String body = "Intro\n=====\n\n"
                + "Some **bold** and _em_ text with a [link](https://x.example/a(b)) and `code`.\n\n"
                + "```\nignored();\n```\n\n- item &amp; more\n- ![img](i.png)second\n";

        assertThat(SummaryBuilder.fromMarkdown(body))
                .isEqualTo("Intro Some bold and em text with a link and code. item & more second");
    }

    @Test
    void keepsSnakeCaseWordsIntact() {
        assertThat(SummaryBuilder.fromMarkdown("see coinlive_articles and snake_case_names, but __strong__ here"))
                .isEqualTo("see coinlive_articles and snake_case_names, but strong here");
    }

    @Test
    void isEmpty_whenTheBodyHasNoText() {
        assertThat(SummaryBuilder.fromMarkdown("```\ncode only\n```\n\n![img](x.png)\n")).isEmpty();
    }

    @Test
    void cutsAtAWordBoundary_sothatTheEllipsisFitsInThreeHundred() {
        String words = "word ".repeat(100);

        String summary = SummaryBuilder.fromMarkdown(words);

        assertThat(summary).isEqualTo("word ".repeat(59) + "word…");
        assertThat(summary.length()).isEqualTo(300);
    }

    @Test
    void cutsASingleHugeWordHard() {
        assertThat(SummaryBuilder.cut("x".repeat(400), 300)).isEqualTo("x".repeat(299) + "…");
    }

    @Test
    void leavesShortTextAlone() {
        assertThat(SummaryBuilder.cut("short text", 300)).isEqualTo("short text");
    }

    @Test
    void endsAtTheLastSentenceThatFits_whenItKeepsAtLeastHalfTheLimit() {
        String text = "First sentence is here. Second one follows it. Third sentence runs on and on past the limit.";

        assertThat(SummaryBuilder.shorten(text, 60)).isEqualTo("First sentence is here. Second one follows it.");
    }

    @Test
    void endsAtAWordWithAnEllipsis_whenTheOnlySentenceEndIsTooEarly() {
        String text = "Short. Then a very long sentence without any full stop that goes on well past the limit";

        assertThat(SummaryBuilder.shorten(text, 40)).isEqualTo("Short. Then a very long sentence…");
    }

    @Test
    void keepsTextThatFits_andIsAFixedPoint() {
        String text = "One sentence. ".repeat(40).strip();

        String once = SummaryBuilder.shorten(text, 300);

        assertThat(once.codePointCount(0, once.length())).isLessThanOrEqualTo(300);
        assertThat(SummaryBuilder.shorten(once, 300)).isEqualTo(once);
        assertThat(SummaryBuilder.shorten("Fits.", 300)).isEqualTo("Fits.");
    }

    @Test
    void buildsFromTheBodyWithinTheConfiguredLength() {
        String summary = SummaryBuilder.fromMarkdown("word ".repeat(100), 50);

        assertThat(summary).isEqualTo("word ".repeat(9) + "word…");
    }

    @Test
    void neverGluesAHeadingToTheParagraphAfterIt() {
        String body = "Alibaba Group’s Stock Surged After Partnership Reports\n"
                + "======================================================\n\n"
                + "Alibaba Group’s stock climbed 8.6% after reports.\n\n"
                + "<h2>Apple Chose Alibaba</h2><p>Apple’s AI</p>\n";

        assertThat(SummaryBuilder.fromMarkdown(body)).isEqualTo("Alibaba Group’s Stock Surged After Partnership"
                + " Reports Alibaba Group’s stock climbed 8.6% after reports. Apple Chose Alibaba Apple’s AI");
    }
}
