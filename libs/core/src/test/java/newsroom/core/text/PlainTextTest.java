package newsroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.core.testing.RandomText;

class PlainTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "&lt;b&gt;Bold&lt;/b&gt; news      | Bold news",
            "AT&amp;amp;T                      | AT&T",
            "It&#8217;s &#x1F600; &copy;        | It’s 😀 ©",
            "a<script>alert(1)</script>b      | ab",
            "<style>p{}</style>Title<br/>Two  | Title Two",
            "<h2>Reports</h2><p>Alibaba</p>   | Reports Alibaba",
            "<li>one</li><li>two</li>         | one two",
            "<b>Bold</b>er <i>it</i>alic      | Bolder italic",
            "\"  spaced \t out\u00a0\u200b here \" | spaced out here",
            "<scr<b></b>ipt>x</script>y       | xy",
            "5 < 6 and 7 > 3                  | 5 < 6 and 7 > 3",
            "&unknown; &amp                   | &unknown; &amp",
            "<!-- hidden -->shown             | shown",
    })
    void cleansMarkupEntitiesAndWhitespace(String given, String plain) {
        assertThat(PlainText.clean(given)).isEqualTo(plain);
    }

    @Test
    void isAFixedPoint() {
        RandomText.check(7_100_000L, 500, RandomText::anyString, text -> {
            String clean = PlainText.clean(text);

            assertThat(PlainText.clean(clean)).isEqualTo(clean);
        });
    }
}
