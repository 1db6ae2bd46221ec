package newsroom.core.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import newsroom.core.model.ArticleId;

/**
 * Makes URL slugs from titles, for every script: lower case, accents folded on Latin and Greek letters
 * ({@code é→e}, {@code ß→ss}, {@code ø→o}, {@code æ→ae}), letters and digits of any script kept (CJK as it is,
 * combining marks of Indic, Thai, Hangul and other scripts kept), everything else a single {@code -}, at most
 * {@value #MAX_LENGTH} code points cut at a word boundary. {@code slugify(slugify(x)).equals(slugify(x))}.
 */
public final class Slugger {

    /** Longest slug, in code points. */
    public static final int MAX_LENGTH = 80;

    private static final Map<Integer, String> LETTERS_WITHOUT_DECOMPOSITION = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'ø', "o"), Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'œ', "oe"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'þ', "th"), Map.entry((int) 'ł', "l"), Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'ŀ', "l"), Map.entry((int) 'ĸ', "k"),
            Map.entry((int) 'ŧ', "t"), Map.entry((int) 'ƒ', "f"));
    private static final Pattern DASHES = Pattern.compile("-{2,}");

    private Slugger() {
    }

    /**
     * The slug of {@code text}; never empty: {@code article-} and 8 hex digits of its SHA-256 when no letter is left.
     */
    public static String slugify(String text) {
        String slug = slugOrEmpty(text);
        if (!slug.isEmpty()) {
            return slug;
        }
        return "article-" + ArticleId.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    /** The slug of {@code text}, or the empty string when it has no letter or digit. */
    public static String slugOrEmpty(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean foldMarks = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                if (!foldMarks) {
                    folded.appendCodePoint(cp);
                }
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            foldMarks = script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                    || script == Character.UnicodeScript.COMMON;
            String replacement = LETTERS_WITHOUT_DECOMPOSITION.get(cp);
            if (replacement != null) {
                folded.append(replacement);
            } else if (Character.isLetterOrDigit(cp)) {
                folded.appendCodePoint(cp);
            } else {
                folded.append('-');
                foldMarks = true;
            }
        }
        String slug = DASHES.matcher(Normalizer.normalize(folded, Normalizer.Form.NFC)).replaceAll("-");
        return truncate(trimDashes(slug));
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String truncate(String slug) {
        if (slug.codePointCount(0, slug.length()) <= MAX_LENGTH) {
            return slug;
        }
        int limit = slug.offsetByCodePoints(0, MAX_LENGTH);
        if (slug.charAt(limit) == '-') {
            return slug.substring(0, limit);
        }
        int lastDash = slug.lastIndexOf('-', limit - 1);
        return trimDashes(lastDash > 0 ? slug.substring(0, lastDash) : slug.substring(0, limit));
    }

    private static String trimDashes(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
