package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON-LD {@code articleBody} as evidence: which blocks of the page carry the article's text. Compared by
 * 4-token shingles, so markup, spacing and punctuation differences do not matter. The text itself is never copied
 * into the output from here. One instance per page and thread: it remembers the shares it has computed.
 */
final class ArticleEvidence {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final Set<List<String>> shingles;
    /** {@link #share} by text: the passes and the cleaner ask again about the same blocks. */
    private final Map<String, Double> shares = new HashMap<>();

    private ArticleEvidence(Set<List<String>> shingles) {
        this.shingles = shingles;
    }

    /** Evidence from the JSON-LD {@code articleBody}, or none. */
    static ArticleEvidence of(Optional<String> articleBody) {
        return new ArticleEvidence(articleBody.map(ArticleEvidence::shingleSet).orElse(Set.of()));
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
        Set<List<String>> textShingles = shingleSet(text);
        if (textShingles.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (List<String> shingle : textShingles) {
            if (shingles.contains(shingle)) {
                found++;
            }
        }
        return (double) found / textShingles.size();
    }

    /** Distinct 4-token windows; a text of 1–3 tokens gives one shorter window. */
    private static Set<List<String>> shingleSet(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Set<List<String>> shingles = new HashSet<>();
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            shingles.add(List.copyOf(tokens.subList(i, i + 4)));
        }
        if (tokens.size() < 4 && !tokens.isEmpty()) {
            shingles.add(List.copyOf(tokens));
        }
        return shingles;
    }
}
