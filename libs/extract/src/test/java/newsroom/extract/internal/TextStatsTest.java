package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Text measures taken once and kept current through removals equal measures taken again. */
class TextStatsTest {

    private static final String[] TAGS = {"div", "p", "a", "span", "li", "ul", "img", "h2", "blockquote", "b"};
    private static final String[] TEXTS = {"word", "two words", " , ", "a, b, c", "\u00a0", "\u3000x", "  ", "\u3001"};

    @Test
    void measuresTextLinksCommasAndTags() {
        Element root = Jsoup.parseBodyFragment(
                "<div><p>One, two <a href=x>link  text</a></p><ul><li>item</li></ul><img src=y></div>").body();
        TextStats stats = TextStats.of(root);
        Element div = root.child(0);
        assertThat(describe(stats.get(div))).isEqualTo("text 22 link 9 commas 1 p 1 img 1 li 1 in 0 emb 0 h 0 q 0");
        assertThat(stats.elements()).containsExactlyElementsOf(root.getAllElements());
    }

    @Test
    void skippedSubtreesAreNeitherMeasuredNorCounted() {
        Element root = Jsoup.parseBodyFragment("<div><p>kept text</p><nav><p>skipped text</p></nav></div>").body();
        List<Element> asked = new ArrayList<>();
        TextStats stats = TextStats.of(root, element -> {
            asked.add(element);
            return element.nameIs("nav");
        }, 1);
        assertThat(stats.textLength(root)).isEqualTo(9);
        assertThat(stats.measures(root.selectFirst("nav"))).isFalse();
        assertThat(stats.measures(root.selectFirst("nav p"))).isFalse();
        assertThat(asked).extracting(Element::normalName).containsExactly("div", "p", "nav");
    }

    @Test
    void removalsTakenInGiveTheMeasuresOfANewMeasurement() {
        Random random = new Random(5);
        for (int page = 0; page < 300; page++) {
            Element root = Jsoup.parseBodyFragment(randomMarkup(random, 4)).body();
            TextStats stats = TextStats.of(root);
            for (int round = 0; round < 3; round++) {
                List<Element> all = root.getAllElements();
                List<Element> removed = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0 && all.size() > 1; i--) {
                    // nested removals in both orders, and the same element twice, happen here
                    removed.add(all.get(1 + random.nextInt(all.size() - 1)));
                }
                for (Element element : removed) {
                    stats.willRemove(element);
                }
                if (random.nextBoolean()) {
                    Nodes.removeAll(removed);
                } else {
                    removed.forEach(Element::remove);
                }
                stats.applyRemovals();
                TextStats fresh = TextStats.of(root);
                for (Element element : root.getAllElements()) {
                    assertThat(describe(stats.get(element))).as("%s in %s", element.cssSelector(), root.html())
                            .isEqualTo(describe(fresh.get(element)));
                }
            }
        }
    }

    @Test
    void whitespaceAsCharacterIsWhitespaceOrNoBreakSpace() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(TextStats.isSpace(c)).as("U+%04X", (int) c)
                    .isEqualTo(Character.isWhitespace(c) || c == '\u00a0');
        }
    }

    @Test
    void textLengthAndCommasOfOneTextNode_forEveryCharacter() {
        // length: each character but spaces, and each run of spaces after a character once; commas: , ， 、 ،
        for (char c = 1; c < Character.MAX_VALUE; c++) {
            if (c == '<' || c == '&' || Character.isSurrogate(c)) {
                continue; // markup, or half a pair
            }
            Element p = Jsoup.parseBodyFragment("<p></p>").body().child(0);
            String text = "a" + c + c + "b" + c;
            p.appendText(text);
            boolean space = TextStats.isSpace(c);
            boolean comma = c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c';
            TextStats.Counts counts = TextStats.of(p).get(p);
            assertThat(counts.textLength).as("U+%04X", (int) c).isEqualTo(space ? 4 : 5);
            assertThat(counts.commas).as("U+%04X", (int) c).isEqualTo(comma ? 3 : 0);
        }
    }

    private static String randomMarkup(Random random, int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(4) + 1; i > 0; i--) {
            if (depth == 0 || random.nextInt(3) == 0) {
                out.append(TEXTS[random.nextInt(TEXTS.length)]);
                continue;
            }
            String tag = TAGS[random.nextInt(TAGS.length)];
            out.append('<').append(tag).append('>');
            if (!tag.equals("img")) {
                out.append(randomMarkup(random, depth - 1)).append("</").append(tag).append('>');
            }
        }
        return out.toString();
    }

    private static String describe(TextStats.Counts c) {
        return "text " + c.textLength + " link " + c.linkTextLength + " commas " + c.commas + " p " + c.paragraphs
                + " img " + c.images + " li " + c.listItems + " in " + c.inputs + " emb " + c.embeds + " h "
                + c.headings + " q " + c.quotes;
    }

}
