package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The cheaper tests of the content finder and the cleaner give the answers of what they stand in for. */
class BodyPathShortcutsTest {

    private static final String[] PARTS = {"a", "B", " ", "\t", "\n", "\u000B", "\u00a0", "\u2003", "\u3000", "\u0130",
        "\u2007", "word", "-", "\u1680", "\u0085", "\u001c", "ß"};

    @Test
    void normalizingAtMostDoublesTheTextMarks() {
        // the heading-is-title test reads no text() of a heading with fewer than half the title's marks
        String[] parts = {"a", "B", " ", "\t", "\u00a0", "\u2003", "\u0130", "\u03a3", "\u03a3 ", "\ud801\udc00",
            "\u1e9e", "\u200b", "\u00ad", "\u0001", "\u001c", "\u0085", "word", "\u212a", "\u0149"};
        Random random = new Random(67);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            int marks = Nodes.textMarkCount(text.toString());
            int normalized = Nodes.textMarkCount(ContentCleaner.normalize(text.toString()));
            assertThat(normalized).as("\"%s\"", text).isBetween(marks, 2 * marks);
        }
    }

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
    void splitCount_isTheLengthOfASplitOnWhitespace() {
        Random random = new Random(37);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random, 8);
            assertThat(ContentCleaner.splitCount(text)).as("\"%s\"", text).isEqualTo(text.split("\\s+").length);
            String stripped = text.strip();
            assertThat(ContentCleaner.splitCount(stripped)).as("\"%s\"", stripped)
                    .isEqualTo(stripped.split("\\s+").length);
        }
    }

    @Test
    void normalize_answersAsTheWhitespaceRegex() {
        Pattern whitespaceRun = Pattern.compile("[\\s\\u00a0]+");
        Random random = new Random(43);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random, 8);
            assertThat(ContentCleaner.normalize(text)).as("\"%s\"", text)
                    .isEqualTo(whitespaceRun.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void isUiLabel_answersAsTheLabelRegex() {
        Pattern label = Pattern.compile(
                "\\s*(advertisement|advertising|advert|ad|sponsored|anzeige|werbung|publicidad|publicit[ée]"
                        + "|pubblicit[àa]|share|tweet|print|email|e-mail|save|follow|subscribe"
                        + "|((image|photo|picture|slide|foto|bild)\\s*)?\\d+\\s*(of|/|von|de|di)\\s*\\d+)\\s*",
                Pattern.CASE_INSENSITIVE);
        String[] words = {"Ad", "ADVERTISEMENT", "Werbung", "publicité", "Pubblicità", "E-mail", "Tweet",
            "Foto 3 von 12", "12/40", "Bild", "Save", "Follow", "Print", "Image 1 of 2", "x", "É", "1 de 2",
            "Subscribe", "Share", "Anzeige", "Sponsored", "slide 2 / 9", "di", "", "Pictures"};
        String[] spaces = {"", " ", "\t", "\n", "\u000B", "\f", "\r", "\u00a0", "\u2003"};
        Random random = new Random(41);
        for (int i = 0; i < 50_000; i++) {
            String text = spaces[random.nextInt(spaces.length)] + words[random.nextInt(words.length)]
                    + (random.nextInt(4) == 0 ? words[random.nextInt(words.length)] : "")
                    + spaces[random.nextInt(spaces.length)];
            assertThat(ContentCleaner.isUiLabel(text)).as("\"%s\"", text).isEqualTo(label.matcher(text).matches());
            String noise = randomText(random, 6);
            assertThat(ContentCleaner.isUiLabel(noise)).as("\"%s\"", noise).isEqualTo(label.matcher(noise).matches());
        }
    }

    @Test
    void elementListsAndClosest_answerAsJsoups() {
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
                    assertThat(Nodes.elementsNamed(element, tag)).containsExactlyElementsOf(
                            element.getElementsByTag(tag));
                    assertThat(Nodes.closestNamed(element, tag)).isSameAs(element.closest(tag));
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
