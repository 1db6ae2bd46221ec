package newsroom.local.eval;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The scoring rules of the metadata development set ({@code shared/data/metadata-dev/README.md}), which follow
 * htmldate's evaluation: a date is correct when it falls on the labelled calendar day as the page wrote it; titles
 * and authors are compared after one normalization (Unicode NFKC, straight quotes and dashes, no-break space as
 * space, case-folded, whitespace collapsed); authors as multisets of word tokens without the words that join names.
 * Pure functions, no I/O.
 */
public final class MetadataScorer {

    /** How one page's date came out against its label. */
    public enum DateOutcome { CORRECT, WRONG, NONE }

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Words that join names ("A and B"): not part of anyone's name. */
    private static final Set<String> NAME_JOINERS = Set.of("and", "und", "et", "y", "e", "i", "og", "en", "ve", "a");

    private MetadataScorer() {
    }

    /** Normalizes a title or author string for comparison; null stays null. */
    public static @Nullable String normalize(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> out.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> out.append('-');
                case '\u00A0', '\u202F', '\u2007' -> out.append(' ');
                default -> out.append(c);
            }
        }
        // case folding: lower case, plus the fold Java's lower-casing does not do for the languages of the set
        String folded = out.toString().toLowerCase(Locale.ROOT).replace("\u00DF", "ss").replace("\u1E9E", "ss");
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    /** Word tokens of a normalized string, in order. */
    static List<String> tokens(@Nullable String normalized) {
        List<String> tokens = new ArrayList<>();
        if (normalized != null) {
            Matcher m = WORD.matcher(normalized);
            while (m.find()) {
                tokens.add(m.group());
            }
        }
        return tokens;
    }

    /** Name tokens of an author value (one name or several, joined first), without the joining words. */
    static List<String> nameTokens(@Nullable List<String> authors) {
        List<String> tokens = new ArrayList<>();
        if (authors != null) {
            for (String token : tokens(normalize(String.join(" ", authors)))) {
                if (!NAME_JOINERS.contains(token)) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /**
     * @param label     the labelled day, or null (then the page is not scored for the date)
     * @param extracted the calendar day of the extracted publication date as the page wrote it, or null for none
     */
    public static DateOutcome date(LocalDate label, @Nullable LocalDate extracted) {
        if (extracted == null) {
            return DateOutcome.NONE;
        }
        return extracted.equals(label) ? DateOutcome.CORRECT : DateOutcome.WRONG;
    }

    /** Reads a date label; labels that are not a valid {@code YYYY-MM-DD} day count as no label (known noise). */
    public static @Nullable LocalDate dateLabel(@Nullable String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(label.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Title exact match after normalization; false when nothing was extracted. */
    public static boolean titleExact(String label, @Nullable String extracted) {
        return extracted != null && normalize(label).equals(normalize(extracted));
    }

    /** Token F1 of two titles; 0 when nothing was extracted. */
    public static double titleTokenF1(String label, @Nullable String extracted) {
        return tokenF1(tokens(normalize(label)), tokens(normalize(extracted)));
    }

    /** Author exact: the same multiset of name tokens; false when nothing was extracted. */
    public static boolean authorExact(List<String> label, @Nullable List<String> extracted) {
        if (extracted == null || extracted.isEmpty()) {
            return false;
        }
        return counts(nameTokens(label)).equals(counts(nameTokens(extracted)));
    }

    /** Token F1 of two author values over name tokens; 0 when nothing was extracted. */
    public static double authorTokenF1(List<String> label, @Nullable List<String> extracted) {
        return tokenF1(nameTokens(label), nameTokens(extracted));
    }

    /** F1 of the multiset overlap of two token lists (0 when either is empty). */
    static double tokenF1(List<String> truth, List<String> predicted) {
        if (truth.isEmpty() || predicted.isEmpty()) {
            return 0.0;
        }
        Map<String, Integer> remaining = counts(truth);
        int common = 0;
        for (String token : predicted) {
            Integer left = remaining.get(token);
            if (left != null && left > 0) {
                remaining.put(token, left - 1);
                common++;
            }
        }
        if (common == 0) {
            return 0.0;
        }
        double precision = (double) common / predicted.size();
        double recall = (double) common / truth.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> counts(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (String token : tokens) {
            counts.merge(token, 1, Integer::sum);
        }
        return counts;
    }
}
