package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import newsroom.core.testing.RepoFiles;

/**
 * {@link AuthorFinder#mayStartByline} held to what it stands in for: a false answer only where {@link
 * AuthorFinder#PREFIX} does not match at the start of the collapsed text without its leading marks, on random texts
 * and on every text node of the benchmark pages.
 */
class AuthorFinderShortcutsTest {

    /** What bylineIn asked of every short text node before the shortcut. */
    private static boolean prefixMatches(String raw) {
        String text = AuthorFinder.withoutLeadingMarks(StringUtil.normaliseWhitespace(raw));
        return !text.isEmpty() && AuthorFinder.PREFIX.matcher(text).lookingAt();
    }

    /** The words of the expression's alternatives, read from its source (and a few letters of its classes). */
    private static List<String> prefixWords() {
        Set<String> words = new LinkedHashSet<>();
        Matcher word = Pattern.compile("\\p{L}+").matcher(AuthorFinder.PREFIX.pattern());
        while (word.find()) {
            words.add(word.group());
        }
        return new ArrayList<>(words);
    }

    @ParameterizedTest
    @ValueSource(strings = {"By Max", "  - von Max", "\u00A0\u2022 Von: Max", "Autor(en): Max", "Autorinnen: Max",
        "Journalistin Max", "\u212Aorrespondent Max", "\u017Ftory by Max", "\u0130nterview: Max",
        "Rechtsanw\u00E4ltin Max", "Text und Fotos: Max", "Ein Beitrag von Max", "eine Kolumne von Max",
        "A column by Max", "View all posts by Max", "Au\u00ADtor: Max", "\u200BBy Max",
        "\u0442\u0435\u043A\u0441\u0442: \u041C\u0430\u043A\u0441",
        "\u0410\u0432\u0442\u043E\u0440\u044B: \u041C\u0430\u043A\u0441", "par Marie", "DOOR Jan", "av Per"})
    void mayStartByline_isTrue_forEachKindOfBylineTheExpressionMatches(String raw) {
        assertThat(prefixMatches(raw)).isTrue();
        assertThat(AuthorFinder.mayStartByline(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \n\t ", "The story", "Byline", "Authorised", "Textbook", "1. Juni", "@max", "Hello"})
    void mayStartByline_isFalse_whenNoAlternativeOpensTheText(String raw) {
        assertThat(prefixMatches(raw)).isFalse();
        assertThat(AuthorFinder.mayStartByline(raw)).isFalse();
    }

    @Test
    void mayStartByline_isTrueWheneverThePrefixMatches_onRandomTexts() {
        Random random = new Random(53);
        List<String> words = prefixWords();
        String[] pieces = {" ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u200B", "\u00AD", "-", "\u2013",
            "\u2014", "\u2022", "\u00B7", "*", "~", ">", "\u00BB", "|", ":", "Max", "Muster", "1", "@",
            "\u212A", "\u017F", "\u0131",
            "\u0130", "\u00C4", "\u0442", "\u0410", "\uD83D\uDE00", "x", "H", "q", "Q", "_", "."};
        int matched = 0;
        for (int n = 0; n < 40_000; n++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                if (random.nextInt(3) == 0) {
                    String w = words.get(random.nextInt(words.size()));
                    text.append(random.nextBoolean() ? w : random.nextBoolean() ? w.toUpperCase() : capital(w));
                } else {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                if (random.nextInt(4) == 0) {
                    text.append(' ');
                }
            }
            String raw = text.toString();
            boolean matches = prefixMatches(raw);
            matched += matches ? 1 : 0;
            if (matches) {
                assertThat(AuthorFinder.mayStartByline(raw)).as("%s", raw).isTrue();
            }
        }
        assertThat(matched).as("random texts the expression matches").isGreaterThan(1_000);
    }

    @Test
    void mayStartByline_isTrueWheneverThePrefixMatches_onTheBenchmarkPages() throws IOException {
        int nodes = 0;
        int passedOver = 0;
        try (Stream<Path> pages = Files.list(RepoFiles.shared("data/article-extraction-benchmark/html"))) {
            for (Path page : pages.sorted().toList()) {
                String html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                    html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (Element element : Jsoup.parse(html, "https://example.org/").getAllElements()) {
                    for (TextNode node : element.textNodes()) {
                        String raw = node.getWholeText();
                        boolean may = AuthorFinder.mayStartByline(raw);
                        if (prefixMatches(raw)) {
                            assertThat(may).as("%s", raw).isTrue();
                        }
                        nodes++;
                        passedOver += may ? 0 : 1;
                    }
                }
            }
        }
        assertThat(nodes).isGreaterThan(100_000);
        assertThat(passedOver).as("text nodes the shortcut answers alone").isGreaterThan(nodes / 2);
    }

    private static String capital(String word) {
        return word.substring(0, 1).toUpperCase() + word.substring(1);
    }
}
