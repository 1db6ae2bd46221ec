package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written scans of the Markdown writer give the answers of the regular expressions they stand in for. */
class MarkdownWriterTest {

    private static final Pattern LINE_START_SYNTAX = Pattern.compile(
            "(?m)^(\\s{0,3})(#{1,6}(?=\\s|$)|[-+=](?=\\s|$)|-{3,}\\s*$|=+\\s*$|(\\d{1,9})([.)])(?=\\s|$))");
    private static final char[] ALPHABET = {' ', '\t', '\n', '\r', '\f', '\u000B', '\u0085', '\u2028', '\u2029', '#',
        '-', '+', '=', '1', '9', '.', ')', 'a', '*', '_', '&', ';', '\\', '<', '`', '[', '~', '\u00a0', '\u3000'};

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

    @Test
    void escapesCollapsedTextInOnePassAsInTwo() {
        String[] pieces = {"&amp;", "&#38;", "&#x26;", "& amp;", "&\tx;", "&", ";", "#", "a", "Z", "0", "\u00e9", " ",
            "\u00a0", "\t", "\n", "\r", "\f", "\u000B", "\u2028", "*", "_", "\\", "`", "[", "]", "<", ">", "~",
            "x".repeat(31), "\ud83d\ude00"};
        Random random = new Random(23);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            StringBuilder out = new StringBuilder("prefix ");
            MarkdownWriter.appendEscapedCollapsed(text.toString(), out);
            assertThat(out.toString()).as("%s", text.chars().boxed().toList())
                    .isEqualTo("prefix " + MarkdownWriter.escape(MarkdownWriter.collapseRuns(text.toString(), true)));
        }
    }

    @Test
    void tidiesInlineTextInOnePassAsTheSplitAndJoin() {
        Random random = new Random(29);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random, 16);
            assertThat(MarkdownWriter.tidyInline(text)).as("%s", text.chars().boxed().toList())
                    .isEqualTo(splitAndJoinTidyInline(text));
        }
    }

    @Test
    void tidyingTellsWhenNoLineCanStartSyntax() {
        Random random = new Random(41);
        int sure = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random, 16);
            StringBuilder tidy = new StringBuilder();
            if (!MarkdownWriter.tidyInline(text, tidy)) {
                sure++;
                assertThat(MarkdownWriter.escapeLineStarts(tidy.toString())).as("%s", text.chars().boxed().toList())
                        .isEqualTo(tidy.toString());
            }
        }
        assertThat(sure).isGreaterThan(5_000);
    }

    @Test
    void finishesTheMarkdownInPlaceAsWithCopies() {
        Random random = new Random(31);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random, 16);
            assertThat(MarkdownWriter.finish(new StringBuilder(text))).as("%s", text.chars().boxed().toList())
                    .isEqualTo(MarkdownWriter.withoutBlankLineRuns(text).strip() + "\n");
        }
    }

    /** How the writer tidied inline text before its one-pass scan. */
    private static String splitAndJoinTidyInline(String text) {
        String collapsed = MarkdownWriter.collapseRuns(text, false);
        List<String> lines = new ArrayList<>();
        for (String line : collapsed.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.equals("\\")) {
                lines.add(stripped);
            }
        }
        String joined = String.join("\n", lines);
        while (joined.endsWith("\\") && !joined.endsWith("\\\\")) {
            joined = joined.substring(0, joined.length() - 1).strip();
        }
        return joined;
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
