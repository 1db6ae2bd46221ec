package newsroom.extract.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Generic vocabularies of class and id names: words that mark boilerplate (share, social, related, newsletter,
 * comment, promo, advert, sidebar …) and words that mark content (article, body, content, story, entry, text …).
 * No site's own class names belong here.
 *
 * <p>Most words match anywhere in a name, ASCII case-insensitively (what a {@code CASE_INSENSITIVE} regex of
 * alternatives would find); they are looked up by the name's characters in a table of words by their first two
 * letters instead of trying one long alternation at every position, and one pass over a name finds the words of
 * every vocabulary. The two word-bounded forms ({@code ad}/{@code ads} and {@code hid}) keep a small regex, run only
 * when the name holds the letters at all.
 */
final class ClassNameHints {

    /** The vocabularies, as bits of the flags {@link Words#flagsIn} returns. */
    private static final int UNLIKELY = 1;
    private static final int MAYBE_CANDIDATE = 2;
    private static final int POSITIVE = 4;
    private static final int NEGATIVE = 8;
    /** The letters that must be present for the word-bounded forms to match. */
    private static final int AD_LETTERS = 16;
    private static final int HID_LETTERS = 32;
    private static final int CAPTION = 64;

    private static final Words WORDS = new Words()
            .add(UNLIKELY, "-ad-", "advert", "banner", "breadcrumb", "combx", "comment",
                    "community", "disqus", "extra", "footer", "gdpr", "consent", "cookie", "header", "legends", "menu",
                    "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
                    "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "modal", "newsletter",
                    "subscri", "share", "sharing", "promo", "outbrain", "taboola", "recommend", "most-read", "mostread",
                    "most-popular", "mostpopular", "most-viewed", "mostviewed", "trending", "signup", "sign-up",
                    "widget", "toolbar", "masthead", "navbar", "nav-", "-nav", "byline", "dateline", "author-bio",
                    "tag-list", "taglist", "read-more", "readmore", "more-stories", "morestories", "teaser",
                    "print-only", "sr-only", "visually-hidden", "visuallyhidden")
            .add(MAYBE_CANDIDATE, "and", "article", "body", "column", "content", "main", "shadow", "story", "entry",
                    "post-text", "posttext", "text", "embed")
            .add(POSITIVE, "article", "body", "content", "entry", "hentry", "h-entry", "main", "post", "text", "blog",
                    "story", "prose", "rich-text", "richtext")
            .add(NEGATIVE, "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
                    "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
                    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "social",
                    "newsletter", "subscri", "recommend", "byline", "caption", "credit", "author", "timestamp",
                    "dateline")
            .add(CAPTION, "caption", "credit")
            .add(AD_LETTERS, "ad")
            .add(HID_LETTERS, "hid");
    private static final Pattern AD = Pattern.compile("\\bads?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HID = Pattern.compile("^hid$| hid$| hid |^hid ", Pattern.CASE_INSENSITIVE);

    private ClassNameHints() {
    }

    /** Whether class and id names say boilerplate and nothing says content. */
    static boolean isUnlikely(String classAndId) {
        int flags = WORDS.flagsIn(classAndId);
        return ((flags & UNLIKELY) != 0 || hasAd(classAndId, flags)) && (flags & MAYBE_CANDIDATE) == 0;
    }

    /**
     * {@link #isUnlikely(String)} of {@code className + " " + id}, without building that string: no word holds a
     * space, so none matches across the two names, and the {@code ad} word bound is the same at a name's end.
     */
    static boolean isUnlikely(String className, String id) {
        int classFlags = WORDS.flagsIn(className);
        int idFlags = WORDS.flagsIn(id);
        return ((classFlags | idFlags) & MAYBE_CANDIDATE) == 0
                && (((classFlags | idFlags) & UNLIKELY) != 0 || hasAd(className, classFlags) || hasAd(id, idFlags));
    }

    /** Whether a class name marks an image caption or credit (what the regex {@code (?i)caption|credit} finds). */
    static boolean namesCaption(String className) {
        return (WORDS.flagsIn(className) & CAPTION) != 0;
    }

    /** +25 for each of class and id that names content, −25 for each that names boilerplate. */
    static double weight(Element element) {
        return weight(Nodes.className(element)) + weight(Nodes.attr(element, "id"));
    }

    private static double weight(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        int flags = WORDS.flagsIn(name);
        double weight = 0;
        if ((flags & NEGATIVE) != 0 || hasAd(name, flags)
                || (flags & HID_LETTERS) != 0 && HID.matcher(name).find()) {
            weight -= 25;
        }
        if ((flags & POSITIVE) != 0) {
            weight += 25;
        }
        return weight;
    }

    /** The word-bounded {@code ad}/{@code ads}, looked for only when the name holds the letters. */
    private static boolean hasAd(String name, int flags) {
        return (flags & AD_LETTERS) != 0 && AD.matcher(name).find();
    }

    /**
     * Lower-case words of ASCII letters and hyphens (two characters or more), each with the vocabularies it belongs
     * to, found anywhere in a text with ASCII letters compared case-insensitively. At each position the text's next
     * two characters pick an entry of a small table (27 × 27 entries: the letters and the hyphen) holding the flags
     * of the two-letter words that are that pair and the set of third characters the longer words of the pair
     * continue with: most positions end at that test. The rest compare only with the words that start with the same
     * three characters (the pair's own table of 27 entries, kept only for the pairs that start a word), from their
     * fourth character on: the words of the pair that the third character rules out could not have matched. One pass
     * over a name answers for every vocabulary.
     */
    private static final class Words {
        /** The characters words are made of: the 26 letters, then the hyphen. */
        private static final int CHARS = 27;

        /** By pair: the flags of the two-letter word that is the pair, or 0. */
        private final int[] pairFlags = new int[CHARS * CHARS];
        /** By pair: bit {@code code(c)} set when a word of three characters or more starts with the pair and c. */
        private final int[] thirdChars = new int[CHARS * CHARS];
        /** By pair, then by {@code code(third)}: the words of three or more characters that start so, or null. */
        private final String[][][] byFirstTriple = new String[CHARS * CHARS][][];
        private final int[][][] flagsByFirstTriple = new int[CHARS * CHARS][][];

        /** Adds {@code words} to the vocabulary {@code flag} (a word in several vocabularies has all their flags). */
        Words add(int flag, String... words) {
            for (String word : words) {
                if (word.length() < 2 || !word.chars().allMatch(c -> c == '-' || c >= 'a' && c <= 'z')) {
                    throw new IllegalArgumentException("not a word of two lower-case letters or hyphens or more: "
                            + word);
                }
                int pair = code(word.charAt(0)) * CHARS + code(word.charAt(1));
                if (word.length() == 2) {
                    pairFlags[pair] |= flag;
                    continue;
                }
                int third = code(word.charAt(2));
                thirdChars[pair] |= 1 << third;
                if (byFirstTriple[pair] == null) {
                    byFirstTriple[pair] = new String[CHARS][];
                    flagsByFirstTriple[pair] = new int[CHARS][];
                }
                String[][] tripleWords = byFirstTriple[pair];
                int[][] tripleFlags = flagsByFirstTriple[pair];
                String[] known = tripleWords[third] == null ? new String[0] : tripleWords[third];
                int at = List.of(known).indexOf(word);
                if (at >= 0) {
                    tripleFlags[third][at] |= flag;
                    continue;
                }
                tripleWords[third] = Arrays.copyOf(known, known.length + 1);
                tripleWords[third][known.length] = word;
                tripleFlags[third] = Arrays.copyOf(known.length == 0 ? new int[0] : tripleFlags[third],
                        known.length + 1);
                tripleFlags[third][known.length] = flag;
            }
            return this;
        }

        /** The flags of all the words found in {@code text}, or-ed together. */
        int flagsIn(String text) {
            int length = text.length();
            if (length < 2) {
                return 0;
            }
            int flags = 0;
            int first = code(text.charAt(0));
            int second = code(text.charAt(1));
            for (int i = 0; i + 1 < length; i++) {
                int third = i + 2 < length ? code(text.charAt(i + 2)) : -1;
                if (first >= 0 && second >= 0) {
                    int pair = first * CHARS + second;
                    flags |= pairFlags[pair];
                    if (third >= 0 && (thirdChars[pair] & 1 << third) != 0) {
                        String[] candidates = byFirstTriple[pair][third];
                        for (int w = 0; w < candidates.length; w++) {
                            if (startsAt(text, i, candidates[w])) {
                                flags |= flagsByFirstTriple[pair][third][w];
                            }
                        }
                    }
                }
                first = second;
                second = third;
            }
            return flags;
        }

        private static boolean startsAt(String text, int offset, String word) {
            if (offset + word.length() > text.length()) {
                return false;
            }
            for (int j = 3; j < word.length(); j++) { // the first three are known to match
                if (lower(text.charAt(offset + j)) != word.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        /** {@link #code} of each ASCII character, read from a table in the loop of {@link #flagsIn}. */
        private static final byte[] ASCII_CODES = new byte[128];

        static {
            for (char c = 0; c < ASCII_CODES.length; c++) {
                char lower = lower(c);
                ASCII_CODES[c] = (byte) (lower >= 'a' && lower <= 'z' ? lower - 'a' : c == '-' ? CHARS - 1 : -1);
            }
        }

        /** 0–25 for an ASCII letter of either case, 26 for the hyphen, -1 for any other character. */
        private static int code(char c) {
            return c < ASCII_CODES.length ? ASCII_CODES[c] : -1;
        }

        private static char lower(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }
}
