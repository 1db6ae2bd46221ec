package newsroom.local.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores predicted article bodies against ground truth the way the Zyte article-extraction benchmark does: token
 * 4-shingle multisets compared per page, precision and recall averaged over pages, F1 of the two averages, and
 * exact-match accuracy on token lists. Stateless and thread-safe.
 */
public final class ExtractionScorer {

    /** A token is a maximal run of letters, digits and underscores (Python's Unicode {@code \w+}). */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final int SHINGLE_SIZE = 4;

    private ExtractionScorer() {
    }

    /**
     * Shingle counts of one page.
     *
     * @param id          page id
     * @param truePositives  shingles in both texts (counted with multiplicity)
     * @param falsePositives shingles only the prediction has
     * @param falseNegatives shingles only the truth has
     * @param exactMatch  whether both texts have the same token list
     */
    public record PageScore(String id, long truePositives, long falsePositives, long falseNegatives,
                            boolean exactMatch) {

        /** tp/(tp+fp); 1 when there are neither false positives nor false negatives. */
        public double precision() {
            if (falsePositives == 0 && falseNegatives == 0) {
                return 1.0;
            }
            long predicted = truePositives + falsePositives;
            return predicted == 0 ? 0.0 : (double) truePositives / predicted;
        }

        /** tp/(tp+fn); 1 when there are neither false positives nor false negatives. */
        public double recall() {
            if (falsePositives == 0 && falseNegatives == 0) {
                return 1.0;
            }
            long expected = truePositives + falseNegatives;
            return expected == 0 ? 0.0 : (double) truePositives / expected;
        }

        /** Harmonic mean of this page's precision and recall; 0 when both are 0. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    /**
     * Figures over a whole dataset.
     *
     * @param precision mean page precision over pages that predicted something
     * @param recall    mean page recall over pages whose truth has text
     * @param f1        harmonic mean of {@code precision} and {@code recall}
     * @param accuracy  share of pages whose predicted token list equals the truth's
     * @param pages     per-page scores, in the ground truth's order
     */
    public record Summary(double precision, double recall, double f1, double accuracy, List<PageScore> pages) {
        public Summary {
            pages = List.copyOf(pages);
        }
    }

    /**
     * Scores every ground-truth page; a page without a prediction counts as an empty prediction.
     *
     * @param truth       page id to true article text
     * @param predictions page id to predicted article text (may miss pages)
     */
    public static Summary score(Map<String, String> truth, Map<String, String> predictions) {
        List<PageScore> pages = new ArrayList<>(truth.size());
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int recallPages = 0;
        int exact = 0;
        for (Map.Entry<String, String> page : truth.entrySet()) {
            PageScore score = scorePage(page.getKey(), page.getValue(), predictions.getOrDefault(page.getKey(), ""));
            pages.add(score);
            if (score.truePositives() + score.falsePositives() > 0) {
                precisionSum += score.precision();
                precisionPages++;
            }
            if (score.truePositives() + score.falseNegatives() > 0) {
                recallSum += score.recall();
                recallPages++;
            }
            if (score.exactMatch()) {
                exact++;
            }
        }
        double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double recall = recallPages == 0 ? 0 : recallSum / recallPages;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double accuracy = truth.isEmpty() ? 0 : (double) exact / truth.size();
        return new Summary(precision, recall, f1, accuracy, pages);
    }

    /** Compares one predicted text with its true text. */
    public static PageScore scorePage(String id, String trueText, String predictedText) {
        List<String> trueTokens = tokens(trueText);
        List<String> predictedTokens = tokens(predictedText);
        Map<List<String>, Integer> trueShingles = shingles(trueTokens);
        Map<List<String>, Integer> predictedShingles = shingles(predictedTokens);
        Set<List<String>> all = new HashSet<>(trueShingles.keySet());
        all.addAll(predictedShingles.keySet());
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (List<String> shingle : all) {
            int t = trueShingles.getOrDefault(shingle, 0);
            int p = predictedShingles.getOrDefault(shingle, 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
            fn += Math.max(0, t - p);
        }
        return new PageScore(id, tp, fp, fn, trueTokens.equals(predictedTokens));
    }

    /** The text's tokens in order: maximal runs of Unicode letters, digits and underscores, case kept. */
    public static List<String> tokens(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Multiset of consecutive 4-token windows; 1–3 tokens give one shorter shingle, no tokens give none. */
    static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        int windows = Math.max(1, tokens.size() - SHINGLE_SIZE + 1);
        for (int i = 0; i < windows; i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + SHINGLE_SIZE));
            counts.merge(List.copyOf(shingle), 1, Integer::sum);
        }
        return counts;
    }
}
