package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The cheaper tests of the content finder and the cleaner give the answers of what they stand in for. */
class BodyPathShortcutsTest {

    private static final String[] PARTS = {"a", "B", " ", "\t", "\n", "\u000B", "\u00a0", "\u2003", "\u3000", "\u0130",
        "\u2007", "word", "-", "\u1680", "\u0085", "\u001c", "ß"};

    @Test
    void moreVisibleCharsThanTheLimit_meansALongerNormalizedText() {
        Random random = new Random(23);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random, 12);
            int limit = random.nextInt(12);
            if (ContentCleaner.hasMoreVisibleCharsThan(text, limit)) {
                assertThat(ContentCleaner.normalize(text).length()).as("\"%s\", limit %d", text, limit)
                        .isGreaterThan(limit);
            }
        }
    }

    @Test
    void firstToken_isTheFirstPartOfASplitOnWhitespace() {
        Random random = new Random(29);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random, 8).strip();
            if (!text.isEmpty()) {
                assertThat(MainContentFinder.firstToken(text)).as("\"%s\"", text).isEqualTo(text.split("\\s+")[0]);
            }
        }
    }

    @Test
    void allElementsAndHasAtLeast_answerAsJsoupsElementLists() {
        String[] parts = {"<p>", "</p>", "<div>", "</div>", "<a>", "</a>", "text", "<span>", "</span>", "<br>"};
        Random random = new Random(31);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(20); j > 0; j--) {
                html.append(parts[random.nextInt(parts.length)]);
            }
            for (Element element : Jsoup.parse(html.toString()).body().getAllElements()) {
                assertThat(Nodes.allElements(element)).containsExactlyElementsOf(element.getAllElements());
                for (String tag : new String[] {"p", "a", "div"}) {
                    for (int count = 0; count <= 4; count++) {
                        assertThat(Nodes.hasAtLeast(element, tag, count)).as("%s in %s", tag, element.outerHtml())
                                .isEqualTo(element.getElementsByTag(tag).size() >= count);
                    }
                }
            }
        }
    }

    private static String randomText(Random random, int maxParts) {
        StringBuilder text = new StringBuilder();
        for (int j = random.nextInt(maxParts); j > 0; j--) {
            text.append(PARTS[random.nextInt(PARTS.length)]);
        }
        return text.toString();
    }
}
