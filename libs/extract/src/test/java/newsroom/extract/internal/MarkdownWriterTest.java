package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written scans of the Markdown writer give the answers of the regular expressions they stand in for. */
class MarkdownWriterTest {

    private static final Pattern LINE_START_SYNTAX = Pattern.compile(
            "(?m)^(\\s{0,3})(#{1,6}(?=\\s|$)|[-+=](?=\\s|$)|-{3,}\\s*$|=+\\s*$|(\\d{1,9})([.)])(?=\\s|$))");
    private static final char[] ALPHABET = {' ', '\t', '\n', '\r', '\f', '\u000B', '\u0085', '\u2028', '\u2029', '#',
        '-', '+', '=', '1', '9', '.', ')', 'a', '*', '_', '&', ';', '\\', '<', '`', '[', '~', '\u00a0'};

    @Test
    void escapesLineStartsAsTheRegexAlone() {
        Random random = new Random(17);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random, 12);
            assertThat(MarkdownWriter.escapeLineStarts(text)).as("%s", text.chars().boxed().toList())
                    .isEqualTo(regexEscapeLineStarts(text));
        }
    }

    @Test
    void shortensBlankLineRunsAsTheRegex() {
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random, 12);
            assertThat(MarkdownWriter.withoutBlankLineRuns(text))
                    .isEqualTo(Pattern.compile("\\n{3,}").matcher(text).replaceAll("\n\n"));
        }
    }

    @Test
    void escapesMarkdownAndEntityStartsOnly() {
        assertThat(MarkdownWriter.escape("plain words, no syntax")).isEqualTo("plain words, no syntax");
        assertThat(MarkdownWriter.escape("a *b* [c] `d` <e> ~f~ _g_ \\ &amp; & x;"))
                .isEqualTo("a \\*b\\* \\[c\\] \\`d\\` \\<e\\> \\~f\\~ \\_g\\_ \\\\ \\&amp; & x;");
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int j = random.nextInt(maxLength + 1); j > 0; j--) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** The replacement the writer made before its scan: the regex tried over the whole text. */
    private static String regexEscapeLineStarts(String text) {
        Matcher m = LINE_START_SYNTAX.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(3) != null ? m.group(1) + m.group(3) + "\\" + m.group(4)
                    : m.group(1) + "\\" + m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
