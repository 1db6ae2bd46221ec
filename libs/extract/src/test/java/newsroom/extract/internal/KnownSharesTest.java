package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The evidence shares the scoring hands to the cleaner stand for a block's text only while that text is what the
 * cleaner would read: {@link MainContentFinder#keepsTextWhenMoved} must hold only for blocks whose {@code text()}
 * is the same in a detached copy and after their subtree is moved under a new {@code div}, and the cleaner must read
 * a block's text again once something under it was removed.
 */
class KnownSharesTest {

    private static final String[] PARTS = {"<p>", "</p>", "<div>", "</div>", "<pre>", "</pre>", "<textarea>",
        "</textarea>", "<listing>", "</listing>", "<span>", "</span>", "<td>", "<blockquote>", "</blockquote>",
        "<br>", "<b>", "</b>", "word", " ", "  two  spaces ", "\n", "\t", "\u00a0"};

    @Test
    void aBlockThatKeepsItsTextWhenMovedDoes_onRandomTrees() {
        Random random = new Random(61);
        int kept = 0;
        int notKept = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                html.append(PARTS[random.nextInt(PARTS.length)]);
            }
            List<Element> blocks = Jsoup.parse(html.toString()).body().getAllElements();
            for (int b = 1; b < blocks.size(); b++) {
                if (!MainContentFinder.keepsTextWhenMoved(blocks.get(b))) {
                    notKept++;
                    continue;
                }
                kept++;
                // each of the block and its ancestors below the body in turn is the chosen subtree's root
                for (int level = 0; level <= depthBelowBody(blocks.get(b)); level++) {
                    Element block = Jsoup.parse(html.toString()).body().getAllElements().get(b);
                    String before = block.text();
                    assertThat(block.clone().text()).as(html.toString()).isEqualTo(before);
                    Element root = block;
                    for (int up = 0; up < level; up++) {
                        root = root.parent();
                    }
                    new Element("div").appendChild(root);
                    assertThat(block.text()).as("%s, root %d up", html, level).isEqualTo(before);
                }
            }
        }
        assertThat(kept).isGreaterThan(10_000);
        assertThat(notKept).isGreaterThan(1_000);
    }

    @Test
    void aKnownShareIsReadUntilARemovalUnderTheBlock() {
        // the div goes unless its paragraph's share says it holds the article's text
        String paragraph = "<p>Short line of text%s</p>";
        String caption = "<span class=caption>Photo</span>";
        assertThat(cleaned(paragraph.formatted(""), 1.0)).as("the known share is read").contains("Short line");
        assertThat(cleaned(paragraph.formatted(caption), 1.0)).as("a removal under the block: read again")
                .doesNotContain("Short line");
        assertThat(cleaned(paragraph.formatted(""), null)).as("no known share").doesNotContain("Short line");
    }

    /** The cleaned article's text, the paragraph's share given as known (or not). */
    private static String cleaned(String paragraph, Double knownShare) {
        Element article = new Element("div");
        article.appendChildren(Jsoup.parseBodyFragment("<div>" + paragraph + "</div>").body().childNodesCopy());
        Element p = article.selectFirst("p");
        Map<Element, Double> known = knownShare == null ? Map.of() : Map.of(p, knownShare);
        ArticleEvidence evidence = ArticleEvidence.of(Optional.of("An unrelated article body of many other words"));
        new ContentCleaner(null, "", evidence, true, new UndoableRemovals(new Element("div")))
                .clean(article, true, null, known);
        return article.text();
    }

    private static int depthBelowBody(Element element) {
        int depth = 0;
        for (Element up = element.parent(); up != null && !up.nameIs("body"); up = up.parent()) {
            depth++;
        }
        return depth;
    }
}
