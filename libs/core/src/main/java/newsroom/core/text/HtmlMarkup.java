package newsroom.core.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Patterns for the raw HTML that may appear in titles and Markdown, shared by {@link PlainText} and
 * {@link MarkdownSanitizer}.
 */
final class HtmlMarkup {

    /** Elements removed together with their content: they run code, load content or draw. */
    static final Set<String> ELEMENTS_REMOVED_WITH_CONTENT =
            Set.of("script", "style", "iframe", "object", "embed", "form", "svg", "math");

    private static final String ATTRIBUTES =
            "(?:\\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*+";

    /** An opening tag that is not self-closing; group 1 is the element name. */
    static final Pattern OPENING_TAG = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)" + ATTRIBUTES + "\\s*>");

    /**
     * Any raw HTML tag as CommonMark sees it: opening or self-closing tag, closing tag, comment, processing
     * instruction, declaration or CDATA section. A bare {@code <!--} without its end also counts, so a comment can
     * never hide the rest of a page.
     */
    static final Pattern TAG = Pattern.compile(
            "<[A-Za-z][A-Za-z0-9-]*" + ATTRIBUTES + "\\s*/?>"
                    + "|</[A-Za-z][A-Za-z0-9-]*\\s*>"
                    + "|<!--(?:[\\s\\S]*?-->)?"
                    + "|<\\?[\\s\\S]*?\\?>"
                    + "|<![A-Za-z][^>]*>"
                    + "|<!\\[CDATA\\[(?:[\\s\\S]*?]]>)?");

    private HtmlMarkup() {
    }

    /**
     * Finds closing tags in one text, searching forward only, so that scanning a text left to right costs one pass
     * per element name however many opening tags it has.
     */
    static final class ClosingTags {
        private final String text;
        private final Map<String, int[]> lastSearch = new HashMap<>();

        ClosingTags(String text) {
            this.text = text;
        }

        /** End index of the first closing tag of the element at or after {@code from}, or -1 when there is none. */
        int endOfClosingTag(String elementName, int from) {
            String name = elementName.toLowerCase(Locale.ROOT);
            int[] last = lastSearch.get(name);
            if (last != null && from >= last[0] && (last[1] < 0 || from <= last[1])) {
                return last[2];
            }
            Matcher m = Pattern.compile("</" + Pattern.quote(name) + "\\s*>", Pattern.CASE_INSENSITIVE).matcher(text);
            int[] result = m.find(from) ? new int[] {from, m.start(), m.end()} : new int[] {from, -1, -1};
            lastSearch.put(name, result);
            return result[2];
        }
    }

    /** Elements that start a new line of text: their tags separate the words on either side. */
    private static final Set<String> BLOCK_ELEMENTS = Set.of("address", "article", "aside", "blockquote", "br",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
            "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");
    private static final Pattern TAG_NAME = Pattern.compile("</?([A-Za-z][A-Za-z0-9-]*)");

    /** True when {@code tag} (a match of {@link #TAG}) opens or closes a block element or is a {@code <br>}. */
    static boolean separatesText(String tag) {
        Matcher name = TAG_NAME.matcher(tag);
        return name.lookingAt() && BLOCK_ELEMENTS.contains(name.group(1).toLowerCase(Locale.ROOT));
    }

    static boolean removedWithContent(String elementName) {
        return ELEMENTS_REMOVED_WITH_CONTENT.contains(elementName.toLowerCase(Locale.ROOT));
    }
}
