package newsroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.core.model.ArticleId;
import newsroom.core.testing.RandomText;

class SluggerTest {

    @Test
    void cutsTheReferenceTitleAtAWordBoundaryWithinEightyCodePoints() {
        assertThat(Slugger.slugify("East Meets West: Apple and Alibaba Forge AI Partnership to Create AI Tools for"
                + " iPhone Users in China"))
                .isEqualTo("east-meets-west-apple-and-alibaba-forge-ai-partnership-to-create-ai-tools-for");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Café Crème Brûlée          | cafe-creme-brulee",
            "Straße in Ærø, Øresund      | strasse-in-aero-oresund",
            "Œuvre Łódź Þing             | oeuvre-lodz-thing",
            "東京の天気 2025              | 東京の天気-2025",
            "한국어 뉴스                   | 한국어-뉴스",
            "हिन्दी समाचार                | हिन्दी-समाचार",
            "Ελληνικά Νέα                | ελληνικα-νεα",
            "Новости дня                 | новости-дня",
            "C++ & Java: 10 tips!!       | c-java-10-tips",
            "  --Already-a-slug--        | already-a-slug",
            "ﬁnance ①                    | finance-1",
    })
    void foldsAccentsKeepsOtherScripts(String title, String slug) {
        assertThat(Slugger.slugify(title)).isEqualTo(slug);
    }

    @Test
    void fallsBackToAHashOfTheTitle_whenNoLetterOrDigitIsLeft() {
        assertThat(Slugger.slugify("🎉 !!! 🚀")).isEqualTo("article-" + ArticleId.sha256Hex(
                "🎉 !!! 🚀".getBytes(StandardCharsets.UTF_8)).substring(0, 8));
    }

    @Test
    void cutsASingleLongWordAtEightyCodePoints() {
        assertThat(Slugger.slugify("a".repeat(100))).isEqualTo("a".repeat(80));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        String cjk = "漢".repeat(79) + "𠀋𠀋";

        assertThat(Slugger.slugify(cjk)).isEqualTo("漢".repeat(79) + "𠀋");
    }

    @Test
    void isIdempotent() {
        RandomText.check(5_100_000L, 500, RandomText::anyString, text -> {
            String slug = Slugger.slugify(text);

            assertThat(Slugger.slugify(slug)).isEqualTo(slug);
        });
    }

    @Test
    void isNeverEmptyAndAtMostEightyCodePoints() {
        RandomText.check(5_200_000L, 500, RandomText::anyString, text -> {
            String slug = Slugger.slugify(text);

            assertThat(slug).isNotEmpty().doesNotStartWith("-").doesNotEndWith("-").doesNotContain("--");
            assertThat(slug.codePointCount(0, slug.length())).isLessThanOrEqualTo(80);
        });
    }
}
