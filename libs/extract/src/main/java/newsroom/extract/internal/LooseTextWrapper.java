package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Puts text that sits loose in containers into paragraphs, so that scoring sees every block of prose. */
final class LooseTextWrapper {

    /** Tags that make their parent a container {@link #hasBlockChild with a block child} (but {@code br}). */
    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tr", "td", "th",
            "tbody", "thead", "br");
    /** The {@link #isContainer containers}. */
    static final Set<String> CONTAINER_TAGS = Set.of("body", "div", "section", "article", "main", "center",
            "header", "footer", "aside", "blockquote", "td", "th", "li", "font", "span", "form");
    private static final Set<String> RENAMED_TO_P = Set.of("div", "section", "center");

    private LooseTextWrapper() {
    }

    /**
     * Gives loose text a paragraph of its own, as Readability does: a container without block children becomes a
     * {@code <p>}; in a container with block children, each run of text and inline elements is wrapped in a
     * {@code <p>}, and two consecutive {@code <br>} end a paragraph.
     */
    static void wrapLooseText(Element body) {
        List<Element> containers = new ArrayList<>();
        Set<Element> withText = TextStats.elementsWithText(body);
        BitSet containersWithText = new BitSet();
        BitSet containersWithBlockChild = new BitSet();
        for (Element element : body.getAllElements()) {
            if (isContainer(element)) {
                containersWithText.set(containers.size(), withText.contains(element));
                containersWithBlockChild.set(containers.size(), hasBlockChild(element));
                containers.add(element);
            }
        }
        wrapLooseText(containers, containersWithText, containersWithBlockChild);
    }

    /** Whether loose text in {@code element} may need wrapping: it is one of the containers that hold prose. */
    static boolean isContainer(Element element) {
        return CONTAINER_TAGS.contains(element.normalName());
    }

    /**
     * {@link #wrapLooseText(Element)} when the caller already knows the {@link #isContainer containers} under the body
     * (the body included) and {@code withText}, which of them hold visible text (by their index in {@code
     * containers}; as {@link TextStats#elementsWithText} finds them) and {@code withBlockChild}, which of them have a
     * {@link #isBlock block} child ({@link #hasBlockChild}), all in the tree as it is now, the containers in document
     * order. A container's changes touch only its own child list and its own tag, and come before those of the
     * containers under it, so each one's child list when its turn comes is the one read now.
     */
    static void wrapLooseText(List<Element> containers, BitSet withText, BitSet withBlockChild) {
        // taken before any change: wrapping and renaming move no text in or out of an element present now
        for (int i = 0; i < containers.size(); i++) {
            Element element = containers.get(i);
            String tag = element.normalName();
            boolean blockChild = withBlockChild.get(i);
            if (!blockChild && (tag.equals("span") || tag.equals("font") || tag.equals("td") || tag.equals("th")
                    || tag.equals("li") || tag.equals("blockquote"))) {
                continue;
            }
            if (!blockChild && RENAMED_TO_P.contains(tag) && !hasBrPair(element)) {
                if (withText.get(i)) {
                    element.tagName("p");
                }
                continue;
            }
            wrapRuns(element);
        }
    }

    /**
     * Rebuilds the child list of {@code container} in one pass, in time linear in its children: inserting each
     * paragraph with {@code before} would make jsoup re-index the following siblings every time (quadratic).
     */
    private static void wrapRuns(Element container) {
        // decided on the live child list (childNodes() would copy it for every container, spans included)
        int size = container.childNodeSize();
        boolean changes = false;
        boolean runHasContent = false;
        for (int i = 0; i < size; i++) {
            Node child = container.childNode(i);
            boolean paragraphBreak = isBrPairStart(child);
            if (isPhrasing(child) && !paragraphBreak) {
                runHasContent = runHasContent || isContent(child);
            } else {
                changes |= runHasContent || paragraphBreak;
                runHasContent = false;
            }
        }
        if (!changes && !runHasContent) {
            return;
        }
        List<Node> children = new ArrayList<>(size);
        boolean[] paragraphBreak = new boolean[size];
        for (int i = 0; i < size; i++) {
            Node child = container.childNode(i);
            children.add(child);
            paragraphBreak[i] = isBrPairStart(child);
        }
        // detached first: moving a node out of a parent costs a re-index of that parent's children
        container.empty();
        List<Node> rebuilt = new ArrayList<>(children.size());
        List<Node> run = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Node child = children.get(i);
            if (isPhrasing(child) && !paragraphBreak[i]) {
                run.add(child);
                continue;
            }
            flush(run, rebuilt);
            if (!paragraphBreak[i]) {
                rebuilt.add(child);
            }
        }
        flush(run, rebuilt);
        container.appendChildren(rebuilt);
    }

    /** Whether {@code node} is a {@code <br>} followed (blank text aside) by another: the end of a paragraph. */
    private static boolean isBrPairStart(Node node) {
        return node instanceof Element e && e.nameIs("br") && nextIsBr(e);
    }

    /** Moves the detached nodes of {@code run} to {@code rebuilt}, in a new paragraph when they hold content. */
    private static void flush(List<Node> run, List<Node> rebuilt) {
        boolean hasContent = false;
        for (Node node : run) {
            if (isContent(node)) {
                hasContent = true;
                break;
            }
        }
        if (hasContent) {
            rebuilt.add(new Element("p").appendChildren(run));
        } else {
            rebuilt.addAll(run);
        }
        run.clear();
    }

    private static boolean isPhrasing(Node node) {
        return node instanceof TextNode || node instanceof Element e && !BLOCK_TAGS.contains(e.normalName());
    }

    /** What makes a run worth a paragraph: text that is not blank, or an element other than {@code <br>}. */
    private static boolean isContent(Node node) {
        return node instanceof TextNode text ? !isBlank(text) : node instanceof Element e && !e.nameIs("br");
    }

    /**
     * {@link TextNode#isBlank}: only HTML whitespace (space, tab, line feed, form feed, carriage return), read by
     * char (jsoup reads it by code point, which costs more; no surrogate is HTML whitespace either way).
     */
    static boolean isBlank(TextNode text) {
        String whole = text.getWholeText();
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasBrPair(Element element) {
        for (int i = 0; i < element.childNodeSize(); i++) {
            if (isBrPairStart(element.childNode(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nextIsBr(Element br) {
        Node next = br.nextSibling();
        while (next instanceof TextNode text && isBlank(text)) {
            next = next.nextSibling();
        }
        return next instanceof Element e && e.nameIs("br");
    }

    static boolean hasBlockChild(Element element) {
        // by index: children() and childNodes() both copy the list on every call
        for (int i = 0; i < element.childNodeSize(); i++) {
            if (element.childNode(i) instanceof Element child && isBlock(child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code element} makes its parent a container {@link #hasBlockChild with a block child}. */
    static boolean isBlock(Element element) {
        return BLOCK_TAGS.contains(element.normalName()) && !element.nameIs("br");
    }
}
