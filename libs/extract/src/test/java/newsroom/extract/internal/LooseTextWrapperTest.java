package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class LooseTextWrapperTest {

    @Test
    void wrapsEachRunOfLooseText_inAParagraphOfItsOwn_andDropsTheFirstBrOfAPair() {
        Document page = Jsoup.parse("<div>one <b>two</b><p>three</p>four<br><br>five</div>");

        LooseTextWrapper.wrapLooseText(page.body());

        assertThat(page.body().html().replace("\n", "").replaceAll(">\\s+<", "><"))
                .isEqualTo("<div><p>one <b>two</b></p><p>three</p><p>four</p><br><p>five</p></div>");
    }

    @Test
    void aDivWithTextButNoBlockChild_becomesAParagraph_andOneWithoutText_staysADiv() {
        Document page = Jsoup.parse("<div><span>text</span></div><div><span> </span></div>");

        LooseTextWrapper.wrapLooseText(page.body());

        assertThat(page.body().children()).extracting(Element::normalName).containsExactly("p", "div");
    }

    @Test
    void manyRunsBetweenBlocks_areWrappedInLinearTime() {
        // issue 10 defect 1: inserting each paragraph with Element.before re-indexed the following siblings; 40,000
        // runs took 21 s and 100,000 would take minutes. One rebuild of the child list takes well under a second.
        int runs = 100_000;
        Document page = Jsoup.parse("<div>" + "loose words <p>block</p>".repeat(runs) + "</div>");

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LooseTextWrapper.wrapLooseText(page.body()));

        Element container = page.body().child(0);
        assertThat(container.childrenSize()).isEqualTo(2 * runs);
        assertThat(container.child(0).outerHtml()).isEqualTo("<p>loose words</p>");
        assertThat(container.child(2 * runs - 1).outerHtml()).isEqualTo("<p>block</p>");
    }
}
