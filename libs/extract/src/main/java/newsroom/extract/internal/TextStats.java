package newsroom.extract.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures of every element under a root, computed in one pass so scoring never re-reads a subtree: visible
 * text length (whitespace runs count as one), text length inside links, and comma count. A snapshot: recompute after
 * changing the tree.
 */
final class TextStats {

    /** Measures of one element's subtree. */
    static final class Counts {
        int textLength;
        int linkTextLength;
        int commas;
        int paragraphs;
        int images;
        int listItems;
        int inputs;
        int embeds;
        int headings;
        int quotes;
    }

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    private TextStats() {
    }

    static TextStats of(Element root) {
        return of(root, Set.of());
    }

    /**
     * The measures of {@code root} as if the subtrees rooted at the elements of {@code skipped} were not there
     * (they get no measures of their own either).
     */
    static TextStats of(Element root, Set<Element> skipped) {
        TextStats stats = new TextStats();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element) {
                    if (skipped.contains(element)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    stats.counts.put(element, new Counts());
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof TextNode text) {
                    stats.addText(text);
                } else if (node instanceof Element element) {
                    stats.finish(element);
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return stats;
    }

    private void addText(TextNode text) {
        Element parent = text.parent();
        if (parent == null) {
            return;
        }
        String whole = text.getWholeText();
        int length = 0;
        int commas = 0;
        boolean space = true;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (isSpace(c)) {
                if (!space) {
                    length++;
                    space = true;
                }
            } else {
                length++;
                space = false;
                if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c') {
                    commas++;
                }
            }
        }
        Counts own = counts.get(parent);
        if (own != null) {
            own.textLength += length;
            own.commas += commas;
        }
    }

    /**
     * The elements under {@code root} (and {@code root} itself) that hold visible text, that is whose
     * {@link #textLength} would be above 0; one pass over the subtree, so asking about every element costs no more
     * than asking about one.
     */
    static Set<Element> elementsWithText(Element root) {
        Set<Element> withText = Collections.newSetFromMap(new IdentityHashMap<>());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                Element parent = node.parentElement();
                if (parent != null && node != root && (node instanceof TextNode text && isVisible(text)
                        || node instanceof Element element && withText.contains(element))) {
                    withText.add(parent);
                }
            }
        }, root);
        return withText;
    }

    private static boolean isVisible(TextNode text) {
        String whole = text.getWholeText();
        for (int i = 0; i < whole.length(); i++) {
            if (!isSpace(whole.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@link Character#isWhitespace} or a no-break space; printable ASCII is decided without the lookup. */
    private static boolean isSpace(char c) {
        if (c < 0x80) {
            return c <= ' ' && Character.isWhitespace(c);
        }
        return c == '\u00a0' || Character.isWhitespace(c);
    }

    private void finish(Element element) {
        Counts own = counts.get(element);
        switch (element.normalName()) {
            case "a" -> own.linkTextLength = own.textLength;
            case "p" -> own.paragraphs++;
            case "img" -> own.images++;
            case "li" -> own.listItems++;
            case "input", "select", "textarea", "button" -> own.inputs++;
            case "iframe", "embed", "object", "video", "audio" -> own.embeds++;
            case "h1", "h2", "h3", "h4", "h5", "h6" -> own.headings++;
            case "blockquote" -> own.quotes++;
            default -> {
            }
        }
        Element parent = element.parent();
        Counts up = parent == null ? null : counts.get(parent);
        if (up != null) {
            up.textLength += own.textLength;
            up.linkTextLength += own.linkTextLength;
            up.commas += own.commas;
            up.paragraphs += own.paragraphs;
            up.images += own.images;
            up.listItems += own.listItems;
            up.inputs += own.inputs;
            up.embeds += own.embeds;
            up.headings += own.headings;
            up.quotes += own.quotes;
        }
    }

    Counts get(Element element) {
        Counts c = counts.get(element);
        return c == null ? new Counts() : c;
    }

    int textLength(Element element) {
        return get(element).textLength;
    }

    /** Share of the element's text that sits inside links, 0 for an element without text. */
    double linkDensity(Element element) {
        Counts c = get(element);
        return c.textLength == 0 ? 0 : Math.min(1.0, (double) c.linkTextLength / c.textLength);
    }
}
