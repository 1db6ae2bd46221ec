package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Puts text that sits loose in containers into paragraphs, so that scoring sees every block of prose. */
final class LooseTextWrapper {

    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tr", "td", "th",
            "tbody", "thead", "br");
    private static final Set<String> CONTAINER_TAGS = Set.of("body", "div", "section", "article", "main", "center",
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
        for (Element element : body.getAllElements()) {
            String tag = element.normalName();
            if (!CONTAINER_TAGS.contains(tag)) {
                continue;
            }
            boolean blockChild = hasBlockChild(element);
            if (!blockChild && (tag.equals("span") || tag.equals("font") || tag.equals("td") || tag.equals("th")
                    || tag.equals("li") || tag.equals("blockquote"))) {
                continue;
            }
            if (!blockChild && RENAMED_TO_P.contains(tag) && !hasBrPair(element)) {
                if (TextStats.hasText(element)) {
                    element.tagName("p");
                }
                continue;
            }
            wrapRuns(element);
        }
    }

    private static void wrapRuns(Element container) {
        List<Node> run = new ArrayList<>();
        for (Node child : new ArrayList<>(container.childNodes())) {
            boolean phrasing = child instanceof TextNode
                    || child instanceof Element e && !BLOCK_TAGS.contains(e.normalName());
            boolean paragraphBreak = child instanceof Element e && e.nameIs("br") && nextIsBr(e);
            if (phrasing && !paragraphBreak) {
                run.add(child);
            } else {
                wrap(run);
                run.clear();
                if (paragraphBreak) {
                    child.remove();
                }
            }
        }
        wrap(run);
    }

    private static boolean hasBrPair(Element element) {
        for (Node node : element.childNodes()) {
            if (node instanceof Element child && child.nameIs("br") && nextIsBr(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nextIsBr(Element br) {
        Node next = br.nextSibling();
        while (next instanceof TextNode text && text.isBlank()) {
            next = next.nextSibling();
        }
        return next instanceof Element e && e.nameIs("br");
    }

    private static void wrap(List<Node> run) {
        boolean hasContent = false;
        for (Node node : run) {
            if (node instanceof TextNode text ? !text.isBlank()
                    : node instanceof Element e && !e.nameIs("br")) {
                hasContent = true;
                break;
            }
        }
        if (!hasContent) {
            return;
        }
        Element paragraph = new Element("p");
        run.get(0).before(paragraph);
        for (Node node : run) {
            paragraph.appendChild(node);
        }
    }

    static boolean hasBlockChild(Element element) {
        // child nodes, not children(): that copies the list of child elements on every call
        for (Node node : element.childNodes()) {
            if (node instanceof Element child && BLOCK_TAGS.contains(child.normalName())
                    && !child.normalName().equals("br")) {
                return true;
            }
        }
        return false;
    }
}
