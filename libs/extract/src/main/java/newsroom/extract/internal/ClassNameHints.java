package newsroom.extract.internal;

import java.util.ArrayList;
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
 * letters instead of trying one long alternation at every position. The two word-bounded forms ({@code ad}/{@code ads} and
 * {@code hid}) keep a small regex, run only when the name holds the letters at all.
 */
final class ClassNameHints {

    private static final Words UNLIKELY = new Words("-ad-", "advert", "banner", "breadcrumb", "combx", "comment",
            "community", "disqus", "extra", "footer", "gdpr", "consent", "cookie", "header", "legends", "menu",
            "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
            "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "modal", "newsletter", "subscri",
            "share", "sharing", "promo", "outbrain", "taboola", "recommend", "most-read", "mostread", "most-popular",
            "mostpopular", "most-viewed", "mostviewed", "trending", "signup", "sign-up", "widget", "toolbar",
            "masthead", "navbar", "nav-", "-nav", "byline", "dateline", "author-bio", "tag-list", "taglist",
            "read-more", "readmore", "more-stories", "morestories", "teaser", "print-only", "sr-only",
            "visually-hidden", "visuallyhidden");
    private static final Words MAYBE_CANDIDATE = new Words("and", "article", "body", "column", "content", "main",
            "shadow", "story", "entry", "post-text", "posttext", "text", "embed");
    private static final Words POSITIVE = new Words("article", "body", "content", "entry", "hentry", "h-entry", "main",
            "post", "text", "blog", "story", "prose", "rich-text", "richtext");
    private static final Words NEGATIVE = new Words("-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
            "foot", "footer", "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
            "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "social",
            "newsletter", "subscri", "recommend", "byline", "caption", "credit", "author", "timestamp", "dateline");

    /** The word-bounded forms, with the letters that must be present for them to match. */
    private static final Words AD_LETTERS = new Words("ad");
    private static final Pattern AD = Pattern.compile("\\bads?\\b", Pattern.CASE_INSENSITIVE);
    private static final Words HID_LETTERS = new Words("hid");
    private static final Pattern HID = Pattern.compile("^hid$| hid$| hid |^hid ", Pattern.CASE_INSENSITIVE);

    private ClassNameHints() {
    }

    /** Whether class and id names say boilerplate and nothing says content. */
    static boolean isUnlikely(String classAndId) {
        return (UNLIKELY.foundIn(classAndId) || hasAd(classAndId)) && !MAYBE_CANDIDATE.foundIn(classAndId);
    }

    /**
     * {@link #isUnlikely(String)} of {@code className + " " + id}, without building that string: no word holds a
     * space, so none matches across the two names, and the {@code ad} word bound is the same at a name's end.
     */
    static boolean isUnlikely(String className, String id) {
        return (UNLIKELY.foundIn(className) || UNLIKELY.foundIn(id) || hasAd(className) || hasAd(id))
                && !MAYBE_CANDIDATE.foundIn(className) && !MAYBE_CANDIDATE.foundIn(id);
    }

    /** +25 for each of class and id that names content, −25 for each that names boilerplate. */
    static double weight(Element element) {
        double weight = 0;
        for (String name : List.of(element.className(), element.id())) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.foundIn(name) || hasAd(name)
                    || HID_LETTERS.foundIn(name) && HID.matcher(name).find()) {
                weight -= 25;
            }
            if (POSITIVE.foundIn(name)) {
                weight += 25;
            }
        }
        return weight;
    }

    private static boolean hasAd(String name) {
        return AD_LETTERS.foundIn(name) && AD.matcher(name).find();
    }

    /**
     * A set of lower-case ASCII words (two characters or more), found anywhere in a text with ASCII letters compared
     * case-insensitively. Words are looked up by the text's next two characters, so each position costs one table
     * read and, rarely, a comparison with the one or two words that start with that pair.
     */
    private static final class Words {
        private final String[][] byFirstPair = new String[128 * 128][];

        Words(String... words) {
            List<List<String>> lists = new ArrayList<>();
            for (int i = 0; i < 128 * 128; i++) {
                lists.add(null);
            }
            for (String word : words) {
                if (word.length() < 2 || word.charAt(0) >= 128 || word.charAt(1) >= 128) {
                    throw new IllegalArgumentException("not a word of two ASCII characters or more: " + word);
                }
                int key = word.charAt(0) << 7 | word.charAt(1);
                if (lists.get(key) == null) {
                    lists.set(key, new ArrayList<>());
                }
                lists.get(key).add(word);
            }
            for (int i = 0; i < 128 * 128; i++) {
                if (lists.get(i) != null) {
                    byFirstPair[i] = lists.get(i).toArray(String[]::new);
                }
            }
        }

        boolean foundIn(String text) {
            int last = text.length() - 1;
            if (last < 1) {
                return false;
            }
            char next = lower(text.charAt(0));
            for (int i = 0; i < last; i++) {
                char c = next;
                next = lower(text.charAt(i + 1));
                if (c >= 128 || next >= 128) {
                    continue;
                }
                String[] candidates = byFirstPair[c << 7 | next];
                if (candidates != null) {
                    for (String word : candidates) {
                        if (startsAt(text, i, word)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static boolean startsAt(String text, int offset, String word) {
            if (offset + word.length() > text.length()) {
                return false;
            }
            for (int j = 2; j < word.length(); j++) {
                if (lower(text.charAt(offset + j)) != word.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        private static char lower(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }
}
