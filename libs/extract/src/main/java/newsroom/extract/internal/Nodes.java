package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/** Tree edits that jsoup makes one node at a time, done for many nodes at once in linear time. */
final class Nodes {

    private Nodes() {
    }

    /**
     * {@code element.attr(key)} for a lower-case {@code key} (not {@code abs:}), read by exact key: the HTML parser
     * lower-cases every attribute name, and jsoup's {@code attr} compares keys ignoring ASCII case, which costs a
     * case-insensitive comparison with every attribute of the element on each call.
     */
    static String attr(Element element, String key) {
        return element.attributesSize() == 0 ? "" : element.attributes().get(key);
    }

    /**
     * {@code element.getElementsByTag(tag).size() >= count} for a lower-case {@code tag} ({@code element} itself
     * included), walking only until the count is reached and building no list; iterative, whatever the depth.
     */
    static boolean hasAtLeast(Element element, String tag, int count) {
        int found = 0;
        for (Node node = element; node != null; node = nextInOrder(node, element)) {
            if (node instanceof Element e && e.nameIs(tag) && ++found >= count) {
                return true;
            }
        }
        return found >= count;
    }

    /**
     * {@code root.getAllElements()}: {@code root} and the elements under it in document order, in a new list (so the
     * tree may change while it is read), without jsoup's stream; iterative, whatever the depth.
     */
    static List<Element> allElements(Element root) {
        List<Element> elements = new ArrayList<>();
        for (Node node = root; node != null; node = nextInOrder(node, root)) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    /**
     * {@code root.getElementsByTag(tag)} for a lower-case {@code tag}: {@code root} and the elements under it with
     * that name, in document order, in a new list, by a plain walk (jsoup collects through a stream over a node
     * iterator); iterative, whatever the depth.
     */
    static List<Element> elementsNamed(Element root, String tag) {
        List<Element> elements = new ArrayList<>();
        for (Node node = root; node != null; node = nextInOrder(node, root)) {
            if (node instanceof Element element && element.nameIs(tag)) {
                elements.add(element);
            }
        }
        return elements;
    }

    /**
     * {@code element.closest(tag)} for a lower-case tag name: {@code element} or its nearest ancestor with that name,
     * or null; by a climb (jsoup parses the CSS query on every call).
     */
    static @Nullable Element closestNamed(Element element, String tag) {
        for (Element up = element; up != null; up = up.parent()) {
            if (up.nameIs(tag)) {
                return up;
            }
        }
        return null;
    }

    /**
     * Whether {@code element.text()} holds more than {@code limit} {@link #isTextMark text marks}, found by reading
     * the text nodes under it only until the count passes the limit (a long paragraph costs {@code limit} characters,
     * not a string of its whole text); iterative, whatever the depth. Equal to counting the marks of {@code text()}:
     * jsoup builds it from the text nodes in document order, each kept as it is (under {@code pre}) or with its runs
     * of HTML whitespace collapsed to one space and U+200B and U+00AD dropped, with spaces between blocks, then
     * trimmed of characters up to U+0020; none of these changes adds, drops or reorders a text mark. Since a text
     * mark is neither whitespace nor below U+0020, {@code text().strip().length()} is at least the count too.
     */
    static boolean hasMoreTextMarksThan(Element element, int limit) {
        return textMarkCount(element, limit) > limit;
    }

    /**
     * Whether {@code element.text()} is surely at most {@code limit} characters long, known without building it: true
     * when the raw lengths of the text nodes under it plus two per element (itself included) are at most
     * {@code limit}, read only until that sum passes it; false means "longer, or not known". An upper bound because
     * jsoup builds {@code text()} from the text nodes in document order, each kept as it is (under {@code pre}) or
     * with whitespace runs collapsed and U+200B and U+00AD dropped (never longer), adds at most one space where an
     * element (a block, a {@code br}) opens and one where a block closes, then trims; nothing else (comments, script
     * data) reaches it. Iterative, whatever the depth.
     */
    static boolean hasTextAtMost(Element element, int limit) {
        int bound = 0;
        for (Node node = element; node != null; node = nextInOrder(node, element)) {
            if (node instanceof TextNode text) {
                bound += text.getWholeText().length();
            } else if (node instanceof Element) {
                bound += 2;
            }
            if (bound > limit) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many {@link #isTextMark text marks} {@code element.text()} holds, counted only up to {@code limit + 1}
     * (more answer {@code limit + 1}); see {@link #hasMoreTextMarksThan}.
     */
    static int textMarkCount(Element element, int limit) {
        int marks = 0;
        for (Node node = element; node != null; node = nextInOrder(node, element)) {
            if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                for (int i = 0; i < whole.length(); i++) {
                    if (isTextMark(whole.charAt(i)) && ++marks > limit) {
                        return marks;
                    }
                }
            }
        }
        return marks;
    }

    /** How many {@link #isTextMark text marks} {@code text} holds. */
    static int textMarkCount(String text) {
        int marks = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isTextMark(text.charAt(i))) {
                marks++;
            }
        }
        return marks;
    }

    /**
     * The first {@link #isTextMark text mark} of {@code element.text()}, or {@code '\0'} if it has none; read from
     * the text nodes only up to it (see {@link #hasMoreTextMarksThan} for why the marks of {@code text()} are those
     * of its text nodes, in order). What can come before it in {@code text()} is no text mark: no character up to
     * U+0020, and (kept under {@code pre}, or not whitespace to jsoup) a no-break space, another non-ASCII space,
     * U+200B or U+00AD.
     */
    static char firstTextMark(Element element) {
        for (Node node = element; node != null; node = nextInOrder(node, element)) {
            if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                for (int i = 0; i < whole.length(); i++) {
                    char c = whole.charAt(i);
                    if (isTextMark(c)) {
                        return c;
                    }
                }
            }
        }
        return '\0';
    }

    /**
     * The {@link #isTextMark text marks} of {@code element.text()}, in order, or null when there are more than
     * {@code limit}; read from the text nodes only up to the limit (see {@link #hasMoreTextMarksThan} for why the
     * marks of {@code text()} are those of its text nodes, in order). That is {@code text()} without every character
     * that is not a mark: what a test that ignores white space can read instead of it.
     */
    static @Nullable String textMarks(Element element, int limit) {
        StringBuilder marks = new StringBuilder(Math.min(limit, 64));
        for (Node node = element; node != null; node = nextInOrder(node, element)) {
            if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                for (int i = 0; i < whole.length(); i++) {
                    char c = whole.charAt(i);
                    if (isTextMark(c)) {
                        if (marks.length() == limit) {
                            return null;
                        }
                        marks.append(c);
                    }
                }
            }
        }
        return marks.toString();
    }

    /**
     * A character that jsoup's {@code text()} keeps wherever it stands: above U+0020, no {@link TextStats#isSpace
     * space} (so no HTML whitespace either) and not one of the invisible characters jsoup drops (U+200B zero-width
     * space, U+00AD soft hyphen).
     */
    static boolean isTextMark(char c) {
        return c > ' ' && !TextStats.isSpace(c) && c != '\u200b' && c != '\u00ad';
    }

    /**
     * The node after {@code node} in document order inside {@code root} (its first child, else the next sibling of
     * it or of its nearest ancestor below {@code root} that has one), or null after the last: one step of an
     * iterative walk, so the depth of the tree costs no stack.
     */
    private static @Nullable Node nextInOrder(Node node, Node root) {
        if (node.childNodeSize() > 0) {
            return node.childNode(0);
        }
        while (node != root && node.nextSibling() == null) {
            node = node.parent();
        }
        return node == root ? null : node.nextSibling();
    }

    /** {@code element.className()} read as {@link #attr} reads (the class attribute, trimmed). */
    static String className(Element element) {
        return attr(element, "class").trim();
    }

    /**
     * Removes every node of {@code nodes} from its parent (detached ones are left alone). Removing siblings one by one
     * makes jsoup re-index the remaining siblings each time, which is quadratic in their number; here each affected
     * parent rebuilds its child list once.
     */
    static void removeAll(Collection<? extends Node> nodes) {
        Map<Element, List<Node>> byParent = new IdentityHashMap<>();
        for (Node node : nodes) {
            Element parent = node.parentElement();
            if (parent != null) {
                byParent.computeIfAbsent(parent, p -> new ArrayList<>(2)).add(node);
            }
        }
        for (Map.Entry<Element, List<Node>> entry : byParent.entrySet()) {
            Element parent = entry.getKey();
            List<Node> removed = entry.getValue();
            if (removed.size() == 1) {
                removed.get(0).remove();
                continue;
            }
            // marked by position (read before any change, so every index is current); a node listed twice is
            // marked twice
            boolean[] gone = new boolean[parent.childNodeSize()];
            for (Node node : removed) {
                gone[node.siblingIndex()] = true;
            }
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (int i = 0; i < gone.length; i++) { // by index: childNodes() copies the list
                if (!gone[i]) {
                    kept.add(parent.childNode(i));
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        }
    }
}
