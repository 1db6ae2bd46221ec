package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TextWriterTest {

    private static final char[] ALPHABET = {' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u3000', '\u2007', 'a',
        'b', '.', '\u00e9'};

    @Test
    void writesOneLinePerBlock_whitespaceCollapsed_captionsLeftOut() {
        String html = "<div><h2> A  title </h2><p>One\n  two\u00a0 three</p><figure><img alt=x><figcaption>Cap"
                + "</figcaption></figure><ul><li>x</li><li>y<br>z</li></ul></div>";
        assertThat(TextWriter.write(Jsoup.parse(html).body())).isEqualTo("A title\nOne two three\nx\ny\nz");
    }

    @Test
    void collapsesWhitespaceInOnePassAsCharacterByCharacter() {
        Random random = new Random(37);
        for (int n = 0; n < 50_000; n++) {
            String before = randomText(random, 3);
            String text = randomText(random, 14);
            StringBuilder out = new StringBuilder(before);
            TextWriter.appendCollapsed(out, text);
            assertThat(out.toString()).as("%s | %s", before.chars().boxed().toList(), text.chars().boxed().toList())
                    .isEqualTo(charByChar(before, text));
        }
    }

    /** How the writer collapsed whitespace before: each whitespace character through space(). */
    private static String charByChar(String before, String text) {
        StringBuilder out = new StringBuilder(before);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextStats.isSpace(c)) {
                int n = out.length();
                if (n > 0 && out.charAt(n - 1) != ' ' && out.charAt(n - 1) != '\n') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int j = random.nextInt(maxLength + 1); j > 0; j--) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }
}
