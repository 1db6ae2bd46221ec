package newsroom.extract.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removals of nodes from a tree that can all be undone at once: each parent's child list is kept as it was before
 * its first removal, and {@link #undo} puts those lists back. Lets a content pass take its chosen part out of the
 * page and clean it in place instead of cleaning a copy, and still leave the page as it was for the next pass. Time
 * and memory linear in the children of the parents touched; not thread-safe.
 */
final class UndoableRemovals {

    private final Map<Element, Node[]> childrenBefore = new IdentityHashMap<>();
    /** The element the removed parts are moved into: removals from it are not the tree's, and are not undone. */
    private final Element scratch;

    /** @param scratch an element outside the tree, which takes the nodes moved out of it (see {@link #undo}) */
    UndoableRemovals(Element scratch) {
        this.scratch = scratch;
    }

    /** Removes {@code node} from its parent (a detached node is left alone). */
    void remove(Node node) {
        Element parent = node.parentElement();
        if (parent != null) {
            remember(parent);
            node.remove();
        }
    }

    /** {@link #remove} for many nodes at once, in time linear in their parents' children ({@link Nodes#removeAll}). */
    void removeAll(Collection<? extends Node> nodes) {
        for (Node node : nodes) {
            Element parent = node.parentElement();
            if (parent != null) {
                remember(parent);
            }
        }
        Nodes.removeAll(nodes);
    }

    /**
     * Puts every removed node back where it was, and empties the scratch element first (removals from it are not
     * undone).
     */
    void undo() {
        scratch.empty();
        for (Map.Entry<Element, Node[]> entry : childrenBefore.entrySet()) {
            Element parent = entry.getKey();
            parent.empty();
            parent.appendChildren(Arrays.asList(entry.getValue()));
        }
        childrenBefore.clear();
    }

    private void remember(Element parent) {
        if (parent != scratch && !childrenBefore.containsKey(parent)) {
            Node[] children = new Node[parent.childNodeSize()];
            for (int i = 0; i < children.length; i++) {
                children[i] = parent.childNode(i);
            }
            childrenBefore.put(parent, children);
        }
    }
}
