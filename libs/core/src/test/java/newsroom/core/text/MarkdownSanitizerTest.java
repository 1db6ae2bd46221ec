package newsroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.core.testing.RandomText;

class MarkdownSanitizerTest {

    @Test
    void leavesPlainMarkdownUntouched() {
        String markdown = "# Title\n\nText with *emphasis*, a [link](https://example.com/a_(b) \"t\"), 5 < 6 > 4,\n"
                + "an autolink <https://example.com>, mail <a@b.example> and `code`.  \n\n> quote\n\n"
                + "    indented code\n\n| a | b |\n|---|---|\n\n[ref]: https://example.com\n";

        assertThat(MarkdownSanitizer.sanitize(markdown)).isEqualTo(markdown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a<script>alert(1)</script>b                     | ab",
            "a<SCRIPT type=\"x\">alert(1)</Script >b           | ab",
            "<style>body{}</style>text                       | text",
            "x<iframe src=\"https://evil\"></iframe>y          | xy",
            "<object data=x><param></object>o                | o",
            "e<embed src=x>f                                 | ef",
            "<form action=x><input></form>z                  | z",
            "<svg onload=alert(1)><circle/></svg>s           | s",
            "<math><mi>x</mi></math>m                        | m",
            "<div class=\"note\">Kept <b>bold</b></div>       | Kept bold",
            "<a href=\"javascript:x()\">text</a>              | text",
            "<img src=x onerror=alert(1)>after               | after",
            "<!-- comment -->visible                         | visible",
            "[click](javascript:alert(1))                    | click",
            "[click](JaVaScRiPt:alert(1) \"title\")             | click",
            "[x](java&#x09;script:alert(1))                  | x",
            "[x](<javascript:alert(1)>)                      | x",
            "![alt](data:image/png;base64,AAAA)              | alt",
            "[v](vbscript:msgbox)                            | v",
            "<javascript:alert(1)>                           | javascript:alert(1)",
            "<scr<b></b>ipt>alert(1)</script>                | alert(1)",
            "a <script>unclosed                              | a unclosed",
    })
    void removesActiveHtmlAndUnsafeTargets(String markdown, String sanitized) {
        assertThat(MarkdownSanitizer.sanitize(markdown)).isEqualTo(sanitized);
    }

    @Test
    void removesReferenceDefinitionsWithUnsafeTargets() {
        assertThat(MarkdownSanitizer.sanitize("[x][r]\n\n[r]: javascript:alert(1)\n[s]: https://ok.example\n"))
                .isEqualTo("[x][r]\n\n[s]: https://ok.example\n");
    }

    @Test
    void keepsHtmlInsideFencesAndCodeSpans() {
        String markdown = "Use `<script>` like this:\n\n```html\n<script>alert(1)</script>\n```\n\n"
                + "~~~\n<iframe>\n~~~\n";

        assertThat(MarkdownSanitizer.sanitize(markdown)).isEqualTo(markdown);
    }

    @Test
    void doesNotLetACodeSpanRunIntoAnHtmlBlock() {
        assertThat(MarkdownSanitizer.sanitize("`a\n<script>alert(1)</script>`")).isEqualTo("`a\n`");
    }

    @Test
    void treatsBackslashEscapedBracketsAsText() {
        assertThat(MarkdownSanitizer.sanitize("\\<b>not a tag\\</b>")).isEqualTo("\\<b>not a tag\\</b>");
    }

    @Test
    void isAFixedPoint() {
        RandomText.check(6_100_000L, 1000, RandomText::anyString, markdown -> {
            String once = MarkdownSanitizer.sanitize(markdown);

            assertThat(MarkdownSanitizer.sanitize(once)).isEqualTo(once);
        });
    }
}
