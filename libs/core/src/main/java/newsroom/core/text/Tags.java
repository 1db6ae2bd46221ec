package newsroom.core.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps a page's tags useful for a Hugo site, where every tag becomes a page: annotation noise removed, duplicates
 * (ignoring case) dropped, at most a given number kept. Thread-safe (stateless).
 */
public final class Tags {

    /** An entity-type label added by NLP taggers: {@code GOVERNMENT_FIGURE}, {@code SPORTS_FIGURE}. */
    private static final Pattern ENTITY_LABEL = Pattern.compile("\\p{Lu}[\\p{Lu}\\d]*(?:_[\\p{Lu}\\d]+)+");
    /** An all-capitals word, which in a tag carrying entity labels is a label too ({@code PERSON}, {@code COACH}). */
    private static final Pattern CAPITALS_WORD = Pattern.compile("\\p{Lu}[\\p{Lu}\\d_]*");
    private static final Pattern URL = Pattern.compile("(?i)(?:https?:)?//\\S+|www\\.\\S+");

    private Tags() {
    }

    /**
     * The tags in order with annotation noise removed, then the first {@code max} distinct ones (compared
     * ignoring case; the first spelling is kept). Noise: a tag carrying an entity-type label
     * ({@code Mark Esper GOVERNMENT_FIGURE PERSON}) keeps only its words that are not all capitals
     * ({@code Mark Esper}), and is dropped when none is left; a tag that is a URL is dropped.
     */
    public static List<String> useful(List<String> tags, int max) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : tags) {
            String clean = withoutNoise(tag);
            if (kept.size() < max && !clean.isEmpty() && seen.add(clean.toLowerCase(Locale.ROOT))) {
                kept.add(clean);
            }
        }
        return kept;
    }

    private static String withoutNoise(String tag) {
        String text = tag.strip();
        if (URL.matcher(text).matches()) {
            return "";
        }
        String[] words = text.split("\\s+");
        boolean annotated = false;
        for (String word : words) {
            annotated |= ENTITY_LABEL.matcher(word).matches();
        }
        if (!annotated) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (!CAPITALS_WORD.matcher(word).matches()) {
                kept.add(word);
            }
        }
        return String.join(" ", kept);
    }
}
