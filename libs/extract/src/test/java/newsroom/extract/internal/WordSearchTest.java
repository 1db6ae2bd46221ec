package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

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
