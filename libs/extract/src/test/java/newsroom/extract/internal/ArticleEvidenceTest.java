package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ArticleEvidenceTest {

    /** The definition the tokenizer and the shares must agree with. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    @Test
    void tokensAreWhatTheRegexFinds_forEveryCharacter() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue;
            }
            String text = "a" + new String(Character.toChars(c)) + "b c";
            assertThat(ArticleEvidence.tokens(text)).as("U+%04X", c).isEqualTo(regexTokens(text));
        }
    }

    @Test
    void sharesAreTheShareOfDistinctShinglesFoundInTheBody_onRandomTexts() {
        String[] words = {"harbour", "ferry", "Ferry", "solar", "the", "a", "2026", "x_y", "é", "東京", "٣", "Ⅻ"};
        String[] gaps = {" ", ", ", ".\n", " — ", "'", "\u00a0", "-"};
        Random random = new Random(10);
        for (int round = 0; round < 300; round++) {
            String body = randomText(random, words, gaps, random.nextInt(40));
            ArticleEvidence evidence = ArticleEvidence.of(Optional.of(body));
            for (int i = 0; i < 10; i++) {
                String text = randomText(random, words, gaps, random.nextInt(12));
                assertThat(evidence.share(text)).as("%s in %s", text, body).isEqualTo(expectedShare(body, text));
            }
            assertThat(evidence.isEmpty()).isEqualTo(shingles(body).isEmpty());
        }
    }

    @Test
    void sharesAreTheShareOfDistinctShinglesFoundInTheBody_onLongTextsOfManyWords() {
        // thousands of distinct shingles: the shingle tables grow several times and their probes collide
        String[] words = new String[3000];
        for (int i = 0; i < words.length; i++) {
            words[i] = "w" + Integer.toString(i, 36);
        }
        String[] gaps = {" ", ", ", ".\n"};
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            String body = randomText(random, words, gaps, 1000 + random.nextInt(20_000));
            ArticleEvidence evidence = ArticleEvidence.of(Optional.of(body));
            List<String> bodyWords = regexTokens(body);
            for (int i = 0; i < 20; i++) {
                // a stretch of the body with some words changed, or random words
                int start = random.nextInt(bodyWords.size());
                StringBuilder text = new StringBuilder();
                for (int j = start; j < Math.min(bodyWords.size(), start + random.nextInt(6000)); j++) {
                    text.append(random.nextInt(20) == 0 ? words[random.nextInt(words.length)] : bodyWords.get(j))
                            .append(' ');
                }
                String sample = i % 5 == 0 ? randomText(random, words, gaps, random.nextInt(3000)) : text.toString();
                assertThat(evidence.share(sample)).isEqualTo(expectedShare(body, sample));
            }
        }
    }

    @Test
    void aTextOfFewerThanFourTokensIsOneShorterWindow() {
        ArticleEvidence evidence = ArticleEvidence.of(Optional.of("Solar ferries"));
        assertThat(evidence.share("solar ferries")).isZero();
        assertThat(evidence.share("Solar, ferries!")).isEqualTo(1.0);
        assertThat(evidence.share("Solar")).isZero();
        assertThat(evidence.share("...")).isZero();
    }

    private static String randomText(Random random, String[] words, String[] gaps, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(words[random.nextInt(words.length)]).append(gaps[random.nextInt(gaps.length)]);
        }
        return text.toString();
    }

    private static double expectedShare(String body, String text) {
        Set<List<String>> bodyShingles = shingles(body);
        Set<List<String>> textShingles = shingles(text);
        if (textShingles.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (List<String> shingle : textShingles) {
            found += bodyShingles.contains(shingle) ? 1 : 0;
        }
        return (double) found / textShingles.size();
    }

    private static Set<List<String>> shingles(String text) {
        List<String> tokens = regexTokens(text);
        Set<List<String>> shingles = new HashSet<>();
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            shingles.add(List.copyOf(tokens.subList(i, i + 4)));
        }
        if (tokens.size() < 4 && !tokens.isEmpty()) {
            shingles.add(List.copyOf(tokens));
        }
        return shingles;
    }

    private static List<String> regexTokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
