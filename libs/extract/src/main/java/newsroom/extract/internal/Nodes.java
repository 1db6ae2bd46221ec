package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/** Tree edits that jsoup makes one node at a time, done for many nodes at once in linear time. */
final class Nodes {

    private Nodes() {
    }

    /**
     * Removes every node of {@code nodes} from its parent (detached ones are left alone). Removing siblings one by one
     * makes jsoup re-index the remaining siblings each time, which is quadratic in their number; here each affected
     * parent rebuilds its child list once.
     */
    static void removeAll(Collection<? extends Node> nodes) {
        Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
        for (Node node : nodes) {
            Element parent = node.parentElement();
            if (parent != null) {
                byParent.computeIfAbsent(parent, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(node);
            }
        }
        for (Map.Entry<Element, Set<Node>> entry : byParent.entrySet()) {
            Element parent = entry.getKey();
            Set<Node> removed = entry.getValue();
            if (removed.size() == 1) {
                removed.iterator().next().remove();
                continue;
            }
            List<Node> kept = new ArrayList<>(parent.childNodeSize() - removed.size());
            for (Node child : parent.childNodes()) {
                if (!removed.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        }
    }
}
