package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
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
