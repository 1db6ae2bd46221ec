package newsroom.extract.internal;

import java.util.regex.Pattern;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The string steps the metadata finders apply to every value they read (entities decoded, whitespace collapsed,
 * marks trimmed at either end), each giving exactly what its regular expression or jsoup call gives, but returning the
 * value itself, without a matcher or a copy, when there is nothing to change (most values).
 */
final class MetaText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MetaText() {
    }

    /**
     * {@code Parser.unescapeEntities(value, false)}: a value without {@code &} holds no character reference and is
     * returned as it is (jsoup's own result too, without building a parser).
     */
    static String unescapeEntities(String value) {
        return value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, false);
    }

    /**
     * {@code node.text()}: jsoup's whitespace collapse of the node's whole text (each run of space, tab, LF, FF, CR and
     * no-break space becomes one space; zero-width spaces and soft hyphens are dropped). A text holding none of those
     * but single spaces is what the collapse returns, and is returned as it is, without a copy.
     */
    static String text(TextNode node) {
        String whole = node.getWholeText();
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            boolean collapsed = c == ' '
                    ? i + 1 < whole.length() && StringUtil.isActuallyWhitespace(whole.charAt(i + 1))
                    : StringUtil.isActuallyWhitespace(c) || StringUtil.isInvisibleChar(c);
            if (collapsed) {
                return StringUtil.normaliseWhitespace(whole);
            }
        }
        return whole;
    }

    /**
     * Whether {@link #text} of a node with this whole text is longer than {@code limit}, known without the collapse:
     * true when the text holds more than {@code limit} characters that are neither jsoup whitespace nor invisible,
     * as the collapse keeps each of those (a surrogate pair as its two characters); false means "not known".
     */
    static boolean keepsMoreThan(String whole, int limit) {
        int kept = 0;
        for (int i = 0; i < whole.length() && kept <= limit; i++) {
            char c = whole.charAt(i);
            if (!StringUtil.isActuallyWhitespace(c) && !StringUtil.isInvisibleChar(c)) {
                kept++;
            }
        }
        return kept > limit;
    }

    /** Whether {@code c} is what {@code \s} matches in a Java regular expression: space, tab, line feed, VT, FF, CR. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * {@code value.replaceAll("\\s+", " ")}: each run of {@link #isRegexSpace} characters becomes one space. A value
     * with no such character but single spaces is returned as it is.
     */
    static String collapseWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean run = c == ' ' && i + 1 < value.length() && isRegexSpace(value.charAt(i + 1));
            if (run || c != ' ' && isRegexSpace(c)) {
                return WHITESPACE.matcher(value).replaceAll(" ");
            }
        }
        return value;
    }

    /**
     * A field value as the finders compare it: entities decoded, no-break spaces made spaces when
     * {@code noBreakSpaces}, whitespace runs collapsed to one space, stripped.
     */
    static String clean(String value, boolean noBreakSpaces) {
        String unescaped = unescapeEntities(value);
        return collapseWhitespace(noBreakSpaces ? unescaped.replace('\u00A0', ' ') : unescaped).strip();
    }

    /**
     * Whether a regular expression anchored at the end ({@code [...]+$}, where {@code $} also matches before a final
     * line terminator) may match {@code value}: its last character is one of {@code marks} or a line terminator.
     * False means the expression leaves the value as it is.
     */
    static boolean mayEndWith(String value, String marks) {
        if (value.isEmpty()) {
            return false;
        }
        char last = value.charAt(value.length() - 1);
        return marks.indexOf(last) >= 0 || isLineTerminator(last);
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
