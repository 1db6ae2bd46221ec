package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The metadata finders' string steps without a regular expression give what the expression gives, on random texts
 * made of the characters each expression cares about (whitespace of every kind, line terminators, entities, title
 * separators, dashes, marks, letters and numbers beyond Latin-1, surrogates).
 */
class MetaTextTest {

    private static final String[] PIECES = {" ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2028",
        "\u0085", "\u2029", "&", "&amp;", "&nbsp;", "&#x41;", "&copy", "a", "Z", "é", "ß", "Ж", "語", "٣", "Ⅻ", "½",
        "\uD835\uDC00", "\uD800", "|", "-", "\u2013", "\u2014", "\u2010", "\u00B7", "\u2022", "\u00BB", "\u00AB", ":",
        "::", "~", "/", "//", "\u2502", ">", ">>", "<", "<<", ",", ";", ".", "*", "Logo", "siteName", "BRAND",
        "https://schema.org/", "schema:", "News", "Article", " - ", " | ", "By ", "Max ", "Muster", "7", "2019",
        "\uD835\uDFCE", "(", "@", "[", "{", "on ", "June ", "Mon", "day, ", "am ", "sagt", "says", "Published",
        "Veröffentlicht", "Alle Artikel", "Mehr", "Fotos", "Bild", "Tiempo", "Hace"};

    private static List<String> randomTexts() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("", " ", "a", "\n", "-", "News | Site", "  lead", "trail  "));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Test
    void collapsesWhitespaceAndDecodesEntitiesAsTheRegexAndJsoupDo() {
        Pattern whitespace = Pattern.compile("\\s+");
        for (String text : randomTexts()) {
            assertThat(MetaText.collapseWhitespace(text)).as(text).isEqualTo(whitespace.matcher(text).replaceAll(" "));
            assertThat(MetaText.unescapeEntities(text)).as(text).isEqualTo(Parser.unescapeEntities(text, false));
            assertThat(MetaText.clean(text, true)).as(text).isEqualTo(whitespace.matcher(
                    Parser.unescapeEntities(text, false).replace('\u00A0', ' ')).replaceAll(" ").strip());
        }
    }

    @Test
    void textOfATextNodeIsJsoupsCollapse() {
        List<String> texts = randomTexts();
        texts.addAll(List.of("a\u200Bb", "soft\u00ADhyphen", " a", "a ", "a  b", "a \u00A0b", "\u00A0", "\u200B"));
        String[] invisible = {"\u200B", "\u00AD", "\u200C", " ", "\r", "\u00A0"};
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                text.append(random.nextBoolean() ? invisible[random.nextInt(invisible.length)]
                        : PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            TextNode node = new TextNode(text);
            assertThat(MetaText.text(node)).as(text).isEqualTo(node.text());
        }
    }

    @Test
    void aTextKnownToKeepMoreThanALimitCollapsesToMoreThanIt() {
        String[] pieces = {"\u200B", "\u00AD", " ", "  ", "\n", "\t", "\f", "\r", "\u00A0", "\u000B", "\u2028", "a",
            "By ", "\uD835\uDC00", "\uD800", "語", "xy"};
        Random random = new Random(13);
        int known = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = text.toString();
            int collapsed = new TextNode(value).text().length();
            for (int limit : new int[] {0, 1, 5, 12, 30}) {
                if (MetaText.keepsMoreThan(value, limit)) {
                    known++;
                    assertThat(collapsed).as("%s, limit %d", value, limit).isGreaterThan(limit);
                }
            }
        }
        // the test is not vacuous: the bound answers for many of the texts
        assertThat(known).isGreaterThan(30_000);
    }

    @Test
    void titleStepsGiveWhatTheirExpressionsGive() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");
        for (String text : randomTexts()) {
            assertThat(TitleChooser.withoutDangling(text)).as(text)
                    .isEqualTo(TitleChooser.DANGLING.matcher(text).replaceAll(""));
            assertThat(TitleChooser.segments(text)).as(text).isEqualTo(segmentsByPattern(text));
            assertThat(TitleChooser.isLogoName(text)).as(text)
                    .isEqualTo(TitleChooser.LOGO_NAME.matcher(text).find());
            List<String> words = new ArrayList<>();
            for (Matcher m = word.matcher(TitleChooser.normalize(text)); m.find(); ) {
                words.add(m.group());
            }
            assertThat(TitleChooser.words(text)).as(text).isEqualTo(words);
        }
    }

    @Test
    void authorAndTypeStepsGiveWhatTheirExpressionsGive() {
        for (String text : randomTexts()) {
            assertThat(AuthorFinder.withoutNameEnd(text)).as(text)
                    .isEqualTo(AuthorFinder.NAME_END.matcher(text).replaceFirst(""));
            assertThat(AuthorFinder.withoutLeadingMarks(text)).as(text)
                    .isEqualTo(AuthorFinder.LEADING_MARKS.matcher(text).replaceFirst(""));
            assertThat(JsonLdReader.localName(text)).as(text)
                    .isEqualTo(JsonLdReader.TYPE_PREFIX.matcher(text).replaceFirst(""));
            assertThat(MetaText.mayEndWith(text, ",;:") || !Pattern.compile("[,;:]+$").matcher(text).find())
                    .as(text).isTrue();
        }
    }

    private static List<String> segmentsByPattern(String title) {
        List<String> segments = new ArrayList<>();
        Matcher m = TitleChooser.SEPARATOR.matcher(title);
        int start = 0;
        while (m.find()) {
            segments.add(title.substring(start, m.start()));
            start = m.end();
        }
        segments.add(title.substring(start));
        return segments;
    }
}
