package newsroom.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a short field that may carry markup (a title, a summary, an author) into one line of plain text: character
 * references decoded, HTML tags removed (script, style and the other active elements with their content; a block
 * element's tag or a {@code <br>} leaves a space, so {@code <h2>Reports</h2><p>Alibaba} reads "Reports Alibaba"),
 * whitespace of any kind collapsed to single spaces, ends trimmed. The result is a fixed point:
 * {@code clean(clean(x)).equals(clean(x))}, so doubly escaped feed titles come out right and normalizing twice
 * changes nothing.
 */
public final class PlainText {

    /** Unicode white space and the invisible format characters that act like it in titles. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}\\u0085\\u200B\\uFEFF]+");

    private static final int MAX_ROUNDS = 32;

    private PlainText() {
    }

    /**
     * The plain text of {@code text}; empty when nothing but markup and white space is left. Removing a tag can
     * join the pieces of another one ({@code <scr<b></b>ipt>}), so cleaning repeats until nothing changes, at most
     * {@value #MAX_ROUNDS} times (only input built to defeat the cleaner needs more than two).
     */
    public static String clean(String text) {
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = collapseWhitespace(removeTags(HtmlEntities.decode(current)));
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    /** White space runs become one space, ends trimmed; nothing else changes. */
    public static String collapseWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    private static String removeTags(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        HtmlMarkup.ClosingTags closingTags = new HtmlMarkup.ClosingTags(text);
        Matcher opening = HtmlMarkup.OPENING_TAG.matcher(text);
        Matcher tag = HtmlMarkup.TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                opening.region(i, text.length());
                if (opening.lookingAt() && HtmlMarkup.removedWithContent(opening.group(1))) {
                    int end = closingTags.endOfClosingTag(opening.group(1), opening.end());
                    if (end > 0) {
                        i = end;
                        continue;
                    }
                }
                tag.region(i, text.length());
                if (tag.lookingAt()) {
                    if (HtmlMarkup.separatesText(tag.group())) {
                        out.append(' ');
                    }
                    i = tag.end();
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
