package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class UndoableRemovalsTest {

    private static final String PAGE = "<div id=a><p id=p1>one <b id=b>two</b> three</p><!-- c --><p id=p2>four</p>"
            + "<ul id=u><li id=l1>x</li><li id=l2>y</li><li id=l3>z</li></ul></div>"
            + "<div id=d>tail<p id=p3>five</p></div>";

    @Test
    void undo_putsBackEveryRemovedNode_andEmptiesTheScratchElement_whateverTheOrderOfRemovals() {
        Document page = Jsoup.parse(PAGE);
        String before = page.body().outerHtml();
        Element scratch = new Element("div");
        UndoableRemovals removals = new UndoableRemovals(scratch);

        Element a = page.getElementById("a");
        Element b = page.getElementById("b");
        Element list = page.getElementById("u");
        List<Element> batch = List.of(page.getElementById("l1"), page.getElementById("l3"), page.getElementById("p2"));
        Element p3 = page.getElementById("p3");

        // a subtree moved out into the scratch element, then cleaned there: nested, single and batched removals
        removals.removeAll(List.of(a));
        scratch.appendChild(a);
        removals.remove(b);
        removals.removeAll(batch);
        removals.remove(list);
        removals.remove(a); // taken out of the scratch element itself: not the tree's removal
        removals.remove(p3);
        assertThat(page.body().outerHtml()).isNotEqualTo(before);

        removals.undo();

        assertThat(page.body().outerHtml()).isEqualTo(before);
        assertThat(scratch.childNodeSize()).isZero();
        assertThat(page.getElementById("l2").siblingIndex()).isEqualTo(1);
    }

    @Test
    void undo_isLinearInTheChildrenOfTheParentsTouched() {
        int paragraphs = 100_000;
        Document page = Jsoup.parse("<div>" + "<p>x</p>".repeat(paragraphs) + "</div>");
        Element div = page.body().child(0);
        String before = page.body().outerHtml();
        List<Element> children = div.children();
        List<Element> everyOther = new ArrayList<>();
        for (int i = 0; i < paragraphs; i += 2) {
            everyOther.add(children.get(i));
        }
        // a quadratic undo (one insertion per node) would take minutes here
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            UndoableRemovals removals = new UndoableRemovals(new Element("div"));
            removals.removeAll(everyOther);
            for (int i = div.childNodeSize() - 1; i >= 0; i -= 100) {
                removals.remove(div.childNode(i));
            }
            removals.undo();
        });
        assertThat(page.body().outerHtml()).isEqualTo(before);
    }
}
