package newsroom.extract.internal;

import java.util.Arrays;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders extracted content as plain text: one line per block (paragraph, heading, list item, table row, caption),
 * whitespace collapsed inside a block, no markup. Image alt text and figure captions are not included: the text is
 * the article's prose (captions stay in the Markdown).
 */
public final class TextWriter {

    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tr", "caption", "details", "summary");

    private static final Set<String> SKIPPED = Set.of("figcaption", "caption");

    private TextWriter() {
    }

    /** The text of {@code root}, blocks separated by single newlines, trimmed. */
    public static String write(Element root) {
        StringBuilder out = new StringBuilder();
        // a depth-first walk by child index (cheaper than a NodeTraversor's sibling look-ups): each element opens
        // (head) before and closes (tail) after its children; a skipped one is left out with all it holds
        if (!SKIPPED.contains(root.normalName())) {
            open(root, out);
            Element[] path = {root, null, null, null, null, null, null, null};
            int[] next = new int[path.length];
            int depth = 0;
            while (depth >= 0) {
                Element parent = path[depth];
                if (next[depth] == parent.childNodeSize()) {
                    close(parent, out);
                    depth--;
                    continue;
                }
                Node node = parent.childNode(next[depth]++);
                if (node instanceof TextNode text) {
                    appendCollapsed(out, text.getWholeText());
                } else if (node instanceof Element element && !SKIPPED.contains(element.normalName())) {
                    open(element, out);
                    if (element.childNodeSize() == 0) {
                        close(element, out);
                    } else {
                        if (++depth == path.length) {
                            path = Arrays.copyOf(path, depth * 2);
                            next = Arrays.copyOf(next, depth * 2);
                        }
                        path[depth] = element;
                        next[depth] = 0;
                    }
                }
            }
        }
        // out.toString().strip() with one copy: no surrogate is whitespace, so char by char strips as strip() does
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        return out.substring(start, end);
    }

    private static void open(Element element, StringBuilder out) {
        String tag = element.normalName();
        if (tag.equals("br") || BLOCKS.contains(tag)) {
            newline(out);
        } else if (tag.equals("td") || tag.equals("th")) {
            space(out);
        }
    }

    private static void close(Element element, StringBuilder out) {
        if (BLOCKS.contains(element.normalName())) {
            newline(out);
        }
    }

    /**
     * Appends {@code text} with each whitespace character (no-break spaces included) as a collapsible space: each as
     * {@link #space}. Copies the text between in one go; a lone space after a non-space character is kept in the
     * copy, as space would append it.
     */
    static void appendCollapsed(StringBuilder out, String text) {
        int copyFrom = 0; // text[copyFrom, i) is still to be copied as it is
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!TextStats.isSpace(c)) {
                continue;
            }
            if (c == ' ' && i > 0 && !TextStats.isSpace(text.charAt(i - 1))) {
                continue; // out will end with text[i - 1], not a space: space() would append this very space
            }
            out.append(text, copyFrom, i);
            space(out);
            while (i + 1 < text.length() && TextStats.isSpace(text.charAt(i + 1))) {
                i++; // space() appends nothing after a space
            }
            copyFrom = i + 1;
        }
        if (copyFrom == 0) {
            out.append(text);
        } else {
            out.append(text, copyFrom, text.length());
        }
    }

    private static void space(StringBuilder out) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != ' ' && out.charAt(n - 1) != '\n') {
            out.append(' ');
        }
    }

    private static void newline(StringBuilder out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == ' ') {
            out.setLength(--n);
        }
        if (n > 0 && out.charAt(n - 1) != '\n') {
            out.append('\n');
        }
    }
}
