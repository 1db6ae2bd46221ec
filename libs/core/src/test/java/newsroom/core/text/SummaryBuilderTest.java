package newsroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryBuilderTest {

    @Test
    void joinsTheFirstParagraphsAsPlainText() {
        String body = "Intro\n=====\n\nSome **bold** and _em_ text with a [link](https://x.example/a(b)) and `code`.\n\n"
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
}
