package newsroom.extract.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-LD {@code articleBody} as evidence: which blocks of the page carry the article's text. Compared by
 * 4-token shingles, so markup, spacing and punctuation differences do not matter. The text itself is never copied
 * into the output from here. One instance per page and thread: it remembers the shares it has computed.
 *
 * <p>A token is a run of letters, numbers and underscores (the regex {@code [\p{L}\p{N}_]+}). Tokens are numbered
 * as they are first met (the body's first, then, per text, the ones the body lacks), so a shingle is four numbers
 * compared and hashed as such, not four strings.
 */
final class ArticleEvidence {

    /** The body's distinct tokens, numbered from 0 in order of appearance. */
    private final Map<String, Integer> vocabulary;
    private final Set<Shingle> shingles;
    /** {@link #share} by text: the passes and the cleaner ask again about the same blocks. */
    private final Map<String, Double> shares = new HashMap<>();

    private ArticleEvidence(Map<String, Integer> vocabulary, Set<Shingle> shingles) {
        this.vocabulary = vocabulary;
        this.shingles = shingles;
    }

    /** Evidence from the JSON-LD {@code articleBody}, or none. */
    static ArticleEvidence of(Optional<String> articleBody) {
        Map<String, Integer> vocabulary = new HashMap<>();
        if (articleBody.isEmpty()) {
            return new ArticleEvidence(vocabulary, Set.of());
        }
        List<String> tokens = tokens(articleBody.get());
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocabulary.putIfAbsent(tokens.get(i), vocabulary.size());
            ids[i] = id == null ? vocabulary.size() - 1 : id;
        }
        return new ArticleEvidence(vocabulary, shingleSet(ids));
    }

    /** Whether there is no evidence (no JSON-LD body, or one without words). */
    boolean isEmpty() {
        return shingles.isEmpty();
    }

    /** Share of the text's distinct 4-token shingles that occur in the article body; 0 for text without tokens. */
    double share(String text) {
        return shares.computeIfAbsent(text, this::measureShare);
    }

    private double measureShare(String text) {
        List<String> tokens = tokens(text);
        int[] ids = new int[tokens.size()];
        Map<String, Integer> unknown = null; // numbers, after the body's, for the tokens the body lacks
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocabulary.get(tokens.get(i));
            if (id == null) {
                if (unknown == null) {
                    unknown = new HashMap<>();
                }
                id = unknown.get(tokens.get(i));
                if (id == null) {
                    id = vocabulary.size() + unknown.size();
                    unknown.put(tokens.get(i), id);
                }
            }
            ids[i] = id;
        }
        Set<Shingle> textShingles = shingleSet(ids);
        if (textShingles.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (Shingle shingle : textShingles) {
            if (shingles.contains(shingle)) {
                found++;
            }
        }
        return (double) found / textShingles.size();
    }

    /** Distinct 4-token windows; 1–3 tokens give one shorter window. */
    private static Set<Shingle> shingleSet(int[] ids) {
        Set<Shingle> set = new HashSet<>();
        for (int i = 0; i + 4 <= ids.length; i++) {
            set.add(new Shingle(ids[i], ids[i + 1], ids[i + 2], ids[i + 3]));
        }
        if (ids.length > 0 && ids.length < 4) {
            set.add(new Shingle(ids[0], ids.length > 1 ? ids[1] : -1, ids.length > 2 ? ids[2] : -1, -1));
        }
        return set;
    }

    /** The tokens of {@code text}: what the regex {@code [\p{L}\p{N}_]+} finds, in order. */
    static List<String> tokens(String text) {
        return TextRuns.of(text, ArticleEvidence::isTokenChar);
    }

    /** Whether {@code c} is a letter ({@code \p{L}}), a number ({@code \p{N}}) or {@code _}. */
    private static boolean isTokenChar(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Up to four token numbers (-1 where a shorter window has none). */
    private record Shingle(int first, int second, int third, int fourth) {
    }
}
