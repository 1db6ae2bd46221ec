package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Text measures of every element under a root, computed in one pass so scoring never re-reads a subtree: visible
 * text length (whitespace runs count as one), text length inside links, and comma count. A snapshot: recompute after
 * changing the tree, or report each removal to {@link #willRemove} and {@link #applyRemovals} them.
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

        private void add(Counts other, int sign) {
            textLength += sign * other.textLength;
            linkTextLength += sign * other.linkTextLength;
            commas += sign * other.commas;
            paragraphs += sign * other.paragraphs;
            images += sign * other.images;
            listItems += sign * other.listItems;
            inputs += sign * other.inputs;
            embeds += sign * other.embeds;
            headings += sign * other.headings;
            quotes += sign * other.quotes;
        }
    }

    private final Map<Element, Counts> counts;
    /** The measured elements in document order (pre-order), the root first. */
    private final List<Element> elements;
    /** Removals reported since the last {@link #applyRemovals}: what each still-attached ancestor loses. */
    private @Nullable Map<Element, Counts> pendingLoss;
    private @Nullable Set<Element> removed;

    private TextStats(int expectedElements) {
        counts = new IdentityHashMap<>(expectedElements);
        elements = new ArrayList<>(expectedElements);
    }

    static TextStats of(Element root) {
        return of(root, element -> false, 32);
    }

    /**
     * The measures of {@code root} as if the subtrees rooted at the elements that {@code skipped} accepts were not
     * there (they get no measures of their own either). {@code skipped} is asked about every element below
     * {@code root} in document order, except those inside a skipped one. {@code expectedElements} (about how many
     * will be measured) only sizes the tables.
     */
    static TextStats of(Element root, Predicate<Element> skipped, int expectedElements) {
        TextStats stats = new TextStats(Math.max(expectedElements, 8));
        // the measures of the open elements by depth: a text node's parent, an element's parent, without lookups
        List<Counts> open = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element) {
                    if (element != root && skipped.test(element)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    Counts own = new Counts();
                    stats.counts.put(element, own);
                    stats.elements.add(element);
                    if (open.size() == depth) {
                        open.add(own);
                    } else {
                        open.set(depth, own);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof TextNode text) {
                    if (depth > 0) {
                        addText(text, open.get(depth - 1));
                    }
                } else if (node instanceof Element element) {
                    finish(element, open.get(depth), depth > 0 ? open.get(depth - 1) : null);
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return stats;
    }

    private static void addText(TextNode text, Counts parent) {
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
        parent.textLength += length;
        parent.commas += commas;
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
                if (parent != null && node != root && (node instanceof TextNode text && hasVisibleText(text)
                        || node instanceof Element element && withText.contains(element))) {
                    withText.add(parent);
                }
            }
        }, root);
        return withText;
    }

    /** Whether the text node holds a character other than whitespace and no-break spaces. */
    static boolean hasVisibleText(TextNode text) {
        String whole = text.getWholeText();
        for (int i = 0; i < whole.length(); i++) {
            if (!isSpace(whole.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link Character#isWhitespace} or a no-break space, decided by comparisons: that is space, tab to carriage
     * return (U+0009–U+000D), the separators U+001C–U+001F, the no-break space, the Ogham space mark U+1680, the
     * spaces U+2000–U+200A except the figure space U+2007, the line and paragraph separators U+2028 and U+2029, the
     * medium mathematical space U+205F and the ideographic space U+3000 ({@code TextStatsTest} checks every char).
     */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c';
        }
        if (c < '\u1680') {
            return c == '\u00a0';
        }
        if (c < '\u2000') {
            return c == '\u1680';
        }
        if (c <= '\u200a') {
            return c != '\u2007';
        }
        return c == '\u2028' || c == '\u2029' || c == '\u205f' || c == '\u3000';
    }

    private static void finish(Element element, Counts own, @Nullable Counts up) {
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
        if (up != null) {
            up.add(own, 1);
        }
    }

    /**
     * Measures {@code root}, a new element whose children are the given measured elements (moved under it since),
     * as the sum of theirs: what measuring it would give. The other measures stay as they are, and the elements
     * list does not take it in.
     */
    void addRoot(Element root, List<Element> children) {
        Counts sum = new Counts();
        for (Element child : children) {
            sum.add(counts.get(child), 1);
        }
        finish(root, sum, null);
        counts.put(root, sum);
    }

    /** The measured elements in document order, the root first (without the skipped subtrees). */
    List<Element> elements() {
        return elements;
    }

    /** Whether {@code element} was measured (it is the root or under it, and not in a skipped subtree). */
    boolean measures(Element element) {
        return counts.containsKey(element);
    }

    /**
     * Notes that {@code element}, still attached under the root, is about to be removed. The measures stay a snapshot
     * until {@link #applyRemovals}, which then gives the measures a new measurement of the root would give to the
     * elements that stay (as long as nothing but removals changed the tree); removed elements are not to be asked
     * about any more.
     */
    void willRemove(Element element) {
        if (!counts.containsKey(element)) {
            return;
        }
        if (removed == null) {
            removed = Collections.newSetFromMap(new IdentityHashMap<>());
            pendingLoss = new IdentityHashMap<>();
        }
        for (Element up = element; up != null && counts.containsKey(up); up = up.parent()) {
            if (removed.contains(up)) {
                return; // inside a subtree already removed: its loss is counted
            }
        }
        removed.add(element);
        Counts loss = new Counts();
        loss.add(counts.get(element), 1);
        Counts lostInside = pendingLoss.get(element);
        if (lostInside != null) {
            loss.add(lostInside, -1);
        }
        for (Element up = element.parent(); up != null && counts.containsKey(up); up = up.parent()) {
            if (up.normalName().equals("a")) {
                loss.linkTextLength = loss.textLength; // a link's link text is all of its text
            }
            pendingLoss.computeIfAbsent(up, e -> new Counts()).add(loss, 1);
        }
    }

    /** Takes the removals noted since the last call into the measures of the elements that stay. */
    void applyRemovals() {
        if (pendingLoss == null || pendingLoss.isEmpty()) {
            return;
        }
        for (Map.Entry<Element, Counts> entry : pendingLoss.entrySet()) {
            if (!removed.contains(entry.getKey())) {
                counts.get(entry.getKey()).add(entry.getValue(), -1);
            }
        }
        pendingLoss.clear();
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
