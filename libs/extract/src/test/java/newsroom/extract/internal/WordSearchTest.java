package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import newsroom.core.testing.RepoFiles;

/** One pass over a class name answers what the lower-case copy's {@code contains} answers for each word. */
class WordSearchTest {

    private static final List<String> WORDS = List.of("comment", "more-", "nav", "cookie", "site", "image_src", "i");
    private static final String[] PIECES = {"Comment", "COMMENTS", "comm", "ent", "more", "-", "Nav", "navigation",
        "Coo\u212Aie", "cookie", "S", "ite", "İ", "ı", "image_SRC", " ", "post-", "é", "Ä", "ß", "x", "-widget", "ſ"};

    @Test
    void answersAsTheLowerCaseCopyDoes() {
        WordSearch search = WordSearch.of(WORDS);
        Random random = new Random(3);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = value.toString();
            String lower = text.toLowerCase(Locale.ROOT);
            assertThat(search.foundIn(text)).as(text).isEqualTo(WORDS.stream().anyMatch(lower::contains));
        }
    }

    /** The word lists the finders search with (two letters or more each: the windowed search). */
    private static final List<List<String>> FINDER_LISTS = List.of(
            List.of("byline", "author", "autor", "verfasser", "writer"),
            List.of("comment", "related", "sidebar", "widget", "teaser", "recommend", "popular", "trending",
                    "newsletter", "share", "social", "breadcrumb", "menu", "navigation", "cookie", "consent", "archive",
                    "calendar", "more-", "weitere", "footer", "reply", "replies", "respon"),
            List.of("comment", "related", "sidebar", "teaser", "widget", "footer", "recommend", "listing", "slide",
                    "carousel", "promo", "newsletter", "respond", "reply", "popular", "recent", "more", "also", "card",
                    "nav", "menu", "breadcrumb", "share", "sharing", "social", "caption", "copyright", "license",
                    "bildnachweis"),
            List.of("logo", "brand", "site", "masthead", "carousel", "slider", "swiper", "slick", "navbar"),
            List.of("caption", "credit", "bildnachweis", "bildquelle"),
            List.of("canonical"), List.of("image_src"), List.of("ab"), List.of("kit", "xi"));

    /**
     * The windowed search (which reads only some positions of a value) against the lower-case copy's contains: random
     * values built from the words' pieces, letters in both cases, the Kelvin sign and the dotted capital I (which
     * lower-case to ASCII letters) and other non-ASCII characters, at every position.
     */
    @Test
    void windowedSearchAnswersAsTheLowerCaseCopyDoes_onRandomValues() {
        Random random = new Random(11);
        String alphabet = "abcdefghijklmnoprstuvwxyzABKLNRTXY-_ 0\u212A\u0130\u0131éß\u017F";
        for (List<String> words : FINDER_LISTS) {
            WordSearch search = WordSearch.of(words);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder value = new StringBuilder();
                for (int n = random.nextInt(24); n > 0; n--) {
                    if (random.nextInt(4) == 0) {
                        String word = words.get(random.nextInt(words.size()));
                        int from = random.nextInt(word.length());
                        String piece = word.substring(from, from + 1 + random.nextInt(word.length() - from));
                        value.append(random.nextBoolean() ? piece : piece.toUpperCase(Locale.ROOT));
                    } else {
                        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                assertAnswersAsLowerCaseCopy(search, words, value.toString());
            }
        }
    }

    /** The same on every class and id value of the 181 benchmark pages (what the finders search in practice). */
    @Test
    void windowedSearchAnswersAsTheLowerCaseCopyDoes_onTheBenchmarkPagesClassAndIdValues() throws IOException {
        Set<String> values = new LinkedHashSet<>();
        try (Stream<Path> pages = Files.list(RepoFiles.shared("data/article-extraction-benchmark/html"))) {
            for (Path page : pages.sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                    for (Element element : Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getAllElements()) {
                        values.add(element.attr("class"));
                        values.add(element.id());
                    }
                }
            }
        }
        assertThat(values).hasSizeGreaterThan(10_000);
        List<Boolean> anyFound = new ArrayList<>();
        for (List<String> words : FINDER_LISTS) {
            WordSearch search = WordSearch.of(words);
            for (String value : values) {
                anyFound.add(assertAnswersAsLowerCaseCopy(search, words, value));
            }
        }
        assertThat(anyFound).contains(true, false);
    }

    private static boolean assertAnswersAsLowerCaseCopy(WordSearch search, List<String> words, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        boolean expected = words.stream().anyMatch(lower::contains);
        assertThat(search.foundIn(value)).as("%s in %s", words, value).isEqualTo(expected);
        return expected;
    }

    /** Why only two characters past ASCII need the lower-case copy: no other lower-cases to an ASCII character. */
    @Test
    void onlyTheKelvinSignAndTheDottedCapitalILowerCaseToAscii() {
        List<Integer> toAscii = new ArrayList<>();
        for (int cp = 128; cp <= Character.MAX_CODE_POINT; cp++) {
            if (new String(Character.toChars(cp)).toLowerCase(Locale.ROOT).chars().anyMatch(c -> c < 128)) {
                toAscii.add(cp);
            }
        }
        assertThat(toAscii).containsExactly(0x130, 0x212A);
    }

    @Test
    void findsWordsInAnyCaseAndPosition() {
        WordSearch search = WordSearch.of(List.of("byline", "author"));
        assertThat(search.foundIn("post-AUTHOR__name")).isTrue();
        assertThat(search.foundIn("entry-byline")).isTrue();
        assertThat(search.foundIn("auth")).isFalse();
        assertThat(search.foundIn("")).isFalse();
        // the Kelvin sign lower-cases to k: "coo\u212Aie" holds cookie, as the lower-case copy does
        assertThat(WordSearch.of(List.of("cookie")).foundIn("coo\u212Aie-banner")).isTrue();
    }

    @Test
    void takesOnlyLowerCaseAsciiWords() {
        assertThatThrownBy(() -> WordSearch.of(List.of("Author"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WordSearch.of(List.of("größe"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WordSearch.of(List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }
}
