package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.internal.Normalizer;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Gives every {@code <img>} its real source before the page is cleaned. Lazy-loading pages keep the real URL in
 * {@code data-src}, {@code data-lazy-src}, {@code data-original} and similar attributes, in {@code srcset} (the
 * widest candidate wins), in a {@code <picture><source>}, or in a {@code <noscript>} copy of the image, while
 * {@code src} holds a placeholder. The resolved absolute URL is written to {@code src}; an image without any usable
 * http(s) source is removed. The images come from the page's one walk: {@link PageScan#images()}.
 */
public final class ImageResolver {

    private static final List<String> LAZY_ATTRIBUTES = List.of("data-src", "data-lazy-src", "data-original",
            "data-lazy", "data-url", "data-hi-res-src", "data-full-src", "data-original-src", "data-echo");
    private static final List<String> SRCSET_ATTRIBUTES = List.of("data-srcset", "data-lazy-srcset", "srcset");
    /** Where {@link #bestSource} looks, by rank: the lazy attributes, the srcset ones, then {@code src}. */
    private static final Map<String, Integer> SOURCE_ATTRIBUTES = sourceAttributes();
    private static final int SRC_RANK = LAZY_ATTRIBUTES.size() + SRCSET_ATTRIBUTES.size();
    /** The query {@code img}, parsed once (a query given as text is parsed on every call). */
    private static final Evaluator IMG = Selector.evaluatorOf("img");

    private ImageResolver() {
    }

    private static Map<String, Integer> sourceAttributes() {
        Map<String, Integer> ranks = new HashMap<>();
        for (String key : LAZY_ATTRIBUTES) {
            ranks.put(key, ranks.size());
        }
        for (String key : SRCSET_ATTRIBUTES) {
            ranks.put(key, ranks.size());
        }
        ranks.put("src", ranks.size());
        return Map.copyOf(ranks);
    }

    /**
     * What {@link PageScan}'s walk of a page found for the images, in document order: every {@code <img>}, the
     * {@code <noscript>}s inside the body, and the first {@code <base>} with an {@code href}.
     */
    public static final class PageImages {
        private final Document document;
        /** The page's images, in document order (then, in resolveAll, the copies the noscripts put in). */
        final List<Element> images = new ArrayList<>();
        /** The noscripts inside the body, in document order. */
        final List<Element> noscripts = new ArrayList<>();
        private @Nullable Element base;

        PageImages(Document document) {
            this.document = document;
        }

        /** Takes an {@code <img>} of the page. */
        void addImage(Element img) {
            images.add(img);
        }

        /** Takes a {@code <noscript>} inside the page's body (not one in its head). */
        void addBodyNoscript(Element noscript) {
            noscripts.add(noscript);
        }

        /** Takes a {@code <base>} element when it has an {@code href} and is the first such one. */
        void offerBase(Element base) {
            if (this.base == null && base.hasAttr("href")) {
                this.base = base;
            }
        }

        /** The page's first {@code base} element with an {@code href}, or null. */
        public @Nullable Element base() {
            return base;
        }

        /** Resolves every image of the page in place; {@code baseUrl} may be null (then relative URLs are dropped). */
        public void resolveAll(@Nullable String baseUrl) {
            UrlResolver.Base resolver = UrlResolver.against(baseUrl);
            // the page's images now: those found that are still in it, and the ones the noscripts put in (each
            // image is resolved on its own, so the order does not matter); no second search of the page
            images.addAll(replaceNoscriptFallbacks(noscripts));
            for (Element img : images) {
                if (!noscripts.isEmpty() && img.root() != document) {
                    continue;
                }
                String source = bestSource(img);
                String absolute = source == null ? null : resolver.http(source).orElse(null);
                if (absolute == null) {
                    img.remove();
                } else {
                    // as img.attr("src", absolute), without its walk up to the document for the parse settings (to
                    // normalize the key "src", already lower case): the HTML parser writes every attribute name in
                    // lower case, so the case-sensitive put finds the same "src" the case-blind one would
                    img.attributes().put("src", absolute);
                }
            }
        }
    }

    /**
     * The most useful source URL of {@code img} as written in the page (maybe relative), or null. The attributes are
     * read in one pass (keys compared ignoring ASCII case, the first of a key counting, as {@link Element#attr} reads
     * them); the first of {@link #LAZY_ATTRIBUTES}, then of {@link #SRCSET_ATTRIBUTES}, that holds a real source wins.
     */
    static @Nullable String bestSource(Element img) {
        String[] values = new String[SOURCE_ATTRIBUTES.size()];
        if (img.attributesSize() > 0) {
            for (Attribute attribute : img.attributes()) {
                char first = (char) (attribute.getKey().charAt(0) | 0x20);
                if (first != 'd' && first != 's') {
                    continue; // every source attribute starts with "data-" or "src" (alt, class, width... do not)
                }
                Integer rank = SOURCE_ATTRIBUTES.get(Normalizer.asciiLowerCase(attribute.getKey()));
                if (rank != null && values[rank] == null) {
                    values[rank] = attribute.getValue();
                }
            }
        }
        for (int rank = 0; rank < LAZY_ATTRIBUTES.size(); rank++) {
            String value = values[rank] == null ? "" : values[rank].strip();
            if (isRealSource(value)) {
                return value;
            }
        }
        for (int rank = LAZY_ATTRIBUTES.size(); rank < SRC_RANK; rank++) {
            String best = widestCandidate(values[rank] == null ? "" : values[rank]);
            if (best != null) {
                return best;
            }
        }
        String src = values[SRC_RANK] == null ? "" : values[SRC_RANK].strip();
        if (isRealSource(src)) {
            return src;
        }
        Element picture = img.parent() != null && img.parent().nameIs("picture") ? img.parent() : null;
        if (picture != null) {
            for (Element source : picture.select("source")) {
                String best = widestCandidate(
                        source.hasAttr("srcset") ? source.attr("srcset") : source.attr("data-srcset"));
                if (best != null) {
                    return best;
                }
            }
        }
        return null;
    }

    /**
     * The candidate with the largest width (or density) descriptor; the first when none has one. Reads the srcset as
     * the loop of {@code Matcher.find} with {@code \s*(\S+?)(?:\s+(\d+(?:\.\d+)?)([wx]))?\s*(?:,|$)} would
     * (its quirks included: a comma ends a URL, {@code $} also matches before a final line terminator); see {@link
     * SrcsetCandidate#find}.
     */
    static @Nullable String widestCandidate(@Nullable String srcset) {
        if (srcset == null || srcset.isBlank()) {
            return null;
        }
        // the best candidate by its place in srcset: one substring, for the answer, instead of one per candidate
        int bestStart = -1;
        int bestEnd = -1;
        double bestSize = -1;
        SrcsetCandidate m = new SrcsetCandidate(srcset);
        while (m.find() && m.end > m.start) {
            if (!isRealSource(srcset, m.urlStart, m.urlEnd)) {
                continue;
            }
            double size = m.sizeStart < 0 ? 0 : sizeOf(srcset, m.sizeStart, m.sizeEnd) * (m.density ? 1000 : 1);
            if (size > bestSize) {
                bestStart = m.urlStart;
                bestEnd = m.urlEnd;
                bestSize = size;
            }
            if (m.end >= srcset.length()) {
                break;
            }
        }
        return bestStart < 0 ? null : srcset.substring(bestStart, bestEnd);
    }

    /**
     * {@code Double.parseDouble(text.substring(start, end))} for a descriptor {@code \d+(?:\.\d+)?}: a whole number
     * of up to 15 digits is read as a long, which is below 2^53 and so converts to the same double exactly; anything
     * else (a fraction, more digits) is parsed as before.
     */
    private static double sizeOf(String text, int start, int end) {
        if (end - start > 15) {
            return Double.parseDouble(text.substring(start, end));
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                return Double.parseDouble(text.substring(start, end));
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * A hand-written matcher of one srcset candidate, equivalent to {@code Matcher.find} with the pattern {@code
     * \s*(\S+?)(?:\s+(\d+(?:\.\d+)?)([wx]))?\s*(?:,|$)} ({@code \s} is {@code [ \t\n\x0B\f\r]}, {@code $}
     * matches at the end and before a final line terminator), without backtracking: the URL is a prefix of a run of
     * non-space characters, ending at its first comma or final line terminator, else at the end of the run.
     */
    private static final class SrcsetCandidate {
        private final String text;
        private int from;
        int start;
        int end;
        int urlStart;
        int urlEnd;
        int sizeStart;
        int sizeEnd;
        boolean density;

        SrcsetCandidate(String text) {
            this.text = text;
        }

        /** Finds the next match from where the last one ended, as {@code Matcher.find}. */
        boolean find() {
            int n = text.length();
            for (int at = from; at < n; ) {
                int runStart = skipSpaces(at);
                if (runStart == n) {
                    return false;
                }
                int runEnd = runStart;
                while (runEnd < n && !isSpace(text.charAt(runEnd))) {
                    runEnd++;
                }
                if (matchRun(at, runStart, runEnd)) {
                    from = end;
                    return true;
                }
                at = runEnd; // a match starting anywhere in this run would fail the same way
            }
            return false;
        }

        /** Whether a match starts at {@code at}, its URL at {@code runStart} in the run ending at {@code runEnd}. */
        private boolean matchRun(int at, int runStart, int runEnd) {
            start = at;
            urlStart = runStart;
            sizeStart = -1;
            for (int e = runStart + 1; e < runEnd; e++) { // the lazy URL: the shortest that lets the rest match
                if (text.charAt(e) == ',') {
                    return matched(e, e + 1);
                }
                if (dollarAt(e)) {
                    return matched(e, e);
                }
            }
            int afterSpaces = skipSpaces(runEnd);
            if (afterSpaces > runEnd && descriptorAt(afterSpaces, runEnd)) {
                return true;
            }
            sizeStart = -1;
            return separatorAt(afterSpaces, runEnd);
        }

        /** The optional descriptor {@code (\d+(?:\.\d+)?)([wx])\s*(?:,|$)} at {@code i}, the URL ending at urlEnd. */
        private boolean descriptorAt(int i, int urlEnd) {
            int n = text.length();
            int digits = i;
            while (digits < n && isDigit(text.charAt(digits))) {
                digits++;
            }
            if (digits == i) {
                return false;
            }
            if (digits + 1 < n && text.charAt(digits) == '.' && isDigit(text.charAt(digits + 1))) {
                digits += 2;
                while (digits < n && isDigit(text.charAt(digits))) {
                    digits++;
                }
            }
            if (digits == n || text.charAt(digits) != 'w' && text.charAt(digits) != 'x') {
                return false;
            }
            sizeStart = i;
            sizeEnd = digits;
            density = text.charAt(digits) == 'x';
            return separatorAt(skipSpaces(digits + 1), urlEnd);
        }

        /** {@code (?:,|$)} at {@code i} (after a greedy {@code \s*}); on success the match ends there. */
        private boolean separatorAt(int i, int urlEnd) {
            if (i < text.length() && text.charAt(i) == ',') {
                return matched(urlEnd, i + 1);
            }
            return dollarAt(i) && matched(urlEnd, i);
        }

        private boolean matched(int urlEnd, int matchEnd) {
            this.urlEnd = urlEnd;
            this.end = matchEnd;
            return true;
        }

        /** Where {@code $} matches without MULTILINE: at the end, or before a line terminator that ends the text. */
        private boolean dollarAt(int i) {
            int n = text.length();
            if (i == n) {
                return true;
            }
            if (i == n - 2) {
                return text.charAt(i) == '\r' && text.charAt(i + 1) == '\n';
            }
            if (i != n - 1) {
                return false;
            }
            char c = text.charAt(i);
            if (c == '\n') {
                return i == 0 || text.charAt(i - 1) != '\r'; // not between \r and \n
            }
            return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }

        private int skipSpaces(int i) {
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /** Whether {@code value} is a source at all: not blank, not a data:, about: or javascript: URL, not "#". */
    private static boolean isRealSource(String value) {
        return value != null && isRealSource(value, 0, value.length());
    }

    /** {@link #isRealSource(String)} of {@code text.substring(start, end)}, without the substring. */
    private static boolean isRealSource(String text, int start, int end) {
        // as value.toLowerCase(Locale.ROOT).startsWith(...): no other character lower-cases to these ASCII letters
        return !isBlank(text, start, end) && !startsWithLowerCased(text, start, end, "data:")
                && !startsWithLowerCased(text, start, end, "about:")
                && !startsWithLowerCased(text, start, end, "javascript:")
                && !(end - start == 1 && text.charAt(start) == '#');
    }

    /** {@code text.substring(start, end).isBlank()}: char by char, as no surrogate is whitespace. */
    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text[start, end)} starts with {@code prefix} (ASCII lower case) once its ASCII letters are
     * lower-cased.
     */
    private static boolean startsWithLowerCased(String text, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = text.charAt(start + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A {@code <noscript>} holding an image replaces the placeholder image just before it (or stands alone when there
     * is none); other noscript content is dropped later with the scripts. Returns the images put into the page.
     */
    private static List<Element> replaceNoscriptFallbacks(List<Element> noscripts) {
        List<Element> inserted = new ArrayList<>();
        for (Element noscript : noscripts) {
            Elements images = noscriptImages(noscript);
            if (images.isEmpty()) {
                continue;
            }
            Element previous = noscript.previousElementSibling();
            Element placeholder = previous != null && previous.nameIs("img") ? previous
                    : previous != null ? previous.selectFirst(IMG) : null;
            if (placeholder != null && bestSource(placeholder) == null) {
                placeholder.remove();
            } else if (placeholder != null) {
                noscript.remove();
                continue;
            }
            Element image = images.first().clone();
            noscript.after(image);
            noscript.remove();
            inserted.add(image);
        }
        return inserted;
    }

    private static Elements noscriptImages(Element noscript) {
        Elements images = noscript.select(IMG);
        if (!images.isEmpty()) {
            return images;
        }
        StringBuilder markup = new StringBuilder();
        for (Node child : noscript.childNodes()) {
            if (child instanceof TextNode text) {
                markup.append(text.getWholeText());
            } else if (child instanceof DataNode data) {
                markup.append(data.getWholeData());
            }
        }
        return markup.indexOf("<img") < 0 ? new Elements() : Jsoup.parseBodyFragment(markup.toString()).select("img");
    }
}
