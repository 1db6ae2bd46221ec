package newsroom.extract.internal;

import java.io.Reader;
import java.util.Arrays;
import java.util.List;

/**
 * Empties, before the parse, the parts of a page that extraction never reads, so that jsoup neither copies them into
 * nodes nor builds nodes that every later walk skips or removes:
 * <ul>
 * <li>the code of every {@code <script>} except JSON-LD (a tag naming {@code ld+json}, or holding a character
 * reference that could spell it), and the rules of every {@code <style>}; the elements stay, with their attributes;
 * <li>the text of every comment, and the whole comment when only white space is between it and the markup on either
 * side;
 * <li>the drawing inside every {@code <svg>} that holds only SVG drawing elements (icons, logos);
 * <li>every {@code data-*} attribute except on {@code <img>} and {@code <source>} (where the image resolver reads the
 * lazy-loading ones): a sixth of the attribute text on the benchmark pages, which nothing else reads;
 * <li>white space that is never text: right before a start tag of a block element, as the first child of one, and
 * before block end tags and comments when a block start tag follows them (see {@link #BLOCK_TAGS}).
 * </ul>
 * On the 470 shared pages that is about half of the characters and most white-space text nodes.
 *
 * <p>The contract, which {@code UnreadMarkupTest} checks against jsoup on every shared page and on random mixtures of
 * the awkward cases: parsing {@code strip(html)} gives the tree of parsing {@code html} with those scripts, styles,
 * comments, SVGs and attributes emptied, up to white space at the edges of text nodes outside {@code <pre>}, and with
 * the same {@code text()}. To keep it, the scan follows the tokenizer of the HTML standard where it decides what is
 * text and what is markup: quoted attribute values, comments, bogus comments, the raw text of {@code title},
 * {@code textarea}, {@code xmp}, {@code iframe}, {@code noembed} and {@code noframes}, and the end of script data (the
 * first {@code </script} followed by a space, {@code /} or {@code >}). Where the tree builder's state would decide
 * instead (raw-text elements inside {@code <svg>} or {@code <math>}, which are raw text only in an integration point or
 * after an HTML tag broke out; a script opening {@code <!--<script}; {@code <plaintext>}; {@code <frameset>}; an
 * unterminated tag or comment), the scan stops and leaves the rest of the page as it is, and puts back the drawings it
 * emptied (their text is what tells the parser a page is not a frameset page): a page is stripped less, never
 * differently. The scan is one pass, linear in the page's length, and counts the start tags as it goes ({@link #scan}).
 */
public final class UnreadMarkup {

    private final Scan scan;

    private UnreadMarkup(Scan scan) {
        this.scan = scan;
    }

    /**
     * Scans {@code html} once, counting its start tags as it goes: the tags the tokenizer reads as markup (not those
     * in script code, style rules, comments, raw text or emptied drawings, which make no element), and past the
     * place where the scan stops, if it does, every {@code <} followed by an ASCII letter. Stops counting, and
     * emptying, once more than {@code startTagLimit} are found: see {@link #exceedsStartTagLimit()}.
     */
    public static UnreadMarkup scan(String html, int startTagLimit) {
        Scan scan = new Scan(html, startTagLimit);
        scan.run();
        return new UnreadMarkup(scan);
    }

    /** {@code html} with the unread parts emptied (see the class contract); the same instance when there are none. */
    public static String strip(String html) {
        return scan(html, Integer.MAX_VALUE).stripped();
    }

    /** Whether the page has more start tags than the limit given to {@link #scan} (counted as stated there). */
    public boolean exceedsStartTagLimit() {
        return scan.overLimit;
    }

    /**
     * The characters of {@link #stripped()}, read from the page itself: for the parser, which reads its input
     * through a {@code Reader} anyway, so the emptied page costs no copy of its own.
     */
    public Reader reader() {
        return new KeptReader(scan.html, scan.cuts);
    }

    /** The page with the unread parts emptied; the page itself when there are none. */
    public String stripped() {
        String html = scan.html;
        Ranges cuts = scan.cuts;
        if (cuts.size() == 0) {
            return html;
        }
        StringBuilder kept = new StringBuilder(html.length());
        int from = 0;
        for (int k = 0; k < cuts.size(); k++) {
            kept.append(html, from, cuts.from(k));
            from = cuts.to(k);
        }
        return kept.append(html, from, html.length()).toString();
    }

    /**
     * Whether {@code html} from {@code from} on has at most {@code limit} {@code <} followed by an ASCII letter; stops
     * as soon as the tags counted plus half the characters left (a tag takes two) cannot pass the limit.
     */
    static boolean hasAtMostStartTags(String html, int from, int limit) {
        if (limit < 0) {
            return false;
        }
        if ((html.length() - from) / 2 <= limit) {
            return true;
        }
        int count = 0;
        for (int i = html.indexOf('<', from); i >= 0 && i + 1 < html.length(); i = html.indexOf('<', i + 1)) {
            if (count + (html.length() - i) / 2 <= limit) {
                return true;
            }
            if (Scan.isAsciiLetter(html.charAt(i + 1)) && ++count > limit) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code html} without its cuts (in order, apart). Not thread-safe. */
    private static final class KeptReader extends Reader {
        private final String html;
        private final Ranges cuts;
        private int position;
        private int nextCut;

        KeptReader(String html, Ranges cuts) {
            this.html = html;
            this.cuts = cuts;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            int read = 0;
            while (read < length && position < html.length()) {
                int stop = nextCut < cuts.size() ? cuts.from(nextCut) : html.length();
                if (position >= stop) {
                    position = cuts.to(nextCut);
                    nextCut++;
                    continue;
                }
                int count = Math.min(length - read, stop - position);
                html.getChars(position, position + count, buffer, offset + read);
                position += count;
                read += count;
            }
            return read == 0 && length > 0 ? -1 : read;
        }

        @Override
        public void close() {
            // nothing to release: the page is a string
        }
    }

    /** SVG elements an emptied {@code <svg>} may hold (besides {@code fe…} filter primitives and nested SVGs). */
    private static final String[] DRAWING_NAMES = {"path", "g", "use", "circle", "rect", "line", "polyline",
        "polygon", "ellipse", "defs", "symbol", "lineargradient", "radialgradient", "stop", "clippath", "mask",
        "pattern", "filter", "text", "tspan", "title", "desc", "animate", "animatetransform"};

    /**
     * The tags the white-space rules (see the class comment) rest on: elements that are blocks for jsoup (its
     * {@code text()} puts a space at the start of each, whatever white space is before) and at which the Markdown and
     * text writers start a line, and the head's elements. White space the rules drop is never text anyone reads: the
     * measures skip white space ({@code TextStats}), loose-text wrapping skips blank nodes, and the writers start a
     * new line there. Each of these start tags makes an element where it stands (unlike {@code <html>},
     * {@code <head>}, {@code <body>} or a nested {@code <form>}, which the parser may ignore). Not table parts (the
     * writers join cells with the white space between them), nor any inline tag.
     */
    static final List<String> BLOCK_TAGS = List.of("meta", "link", "title", "script", "style", "noscript",
        "div", "p", "section", "article", "main", "nav", "aside", "header", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "fieldset", "hr", "address",
        "hgroup", "pre", "center");

    private static final int MAX_KEY_LENGTH = 10;
    private static final long SVG = key("svg");
    private static final long MATH = key("math");
    private static final long SELECT = key("select");
    private static final long PLAINTEXT = key("plaintext");
    private static final long FRAMESET = key("frameset");
    private static final long SCRIPT = key("script");
    private static final long STYLE = key("style");
    private static final long PRE = key("pre");
    private static final long IMG = key("img");
    private static final long SOURCE = key("source");
    private static final long LISTING = key("listing");
    /** Elements whose content is raw text (RCDATA or RAWTEXT) in HTML content: never markup. */
    private static final long[] RAW_TEXT_KEYS = keys(List.of("title", "textarea", "xmp", "iframe", "noembed",
        "noframes"));

    /** The HTML standard's formatting elements, which the parser reopens for text after misnested end tags. */
    static final List<String> FORMATTING_TAGS = List.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s",
        "small", "strike", "strong", "tt", "u");

    /** The six-bit code of each ASCII letter (any case) and digit in a {@link #nameKey}; 0 for other characters. */
    private static final byte[] NAME_CODES = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            NAME_CODES[c] = (byte) (c - 'a' + 1);
            NAME_CODES[Character.toUpperCase(c)] = (byte) (c - 'a' + 1);
        }
        for (char c = '0'; c <= '9'; c++) {
            NAME_CODES[c] = (byte) (c - '0' + 27);
        }
    }

    /**
     * The {@link #BLOCK_TAGS} and {@link #FORMATTING_TAGS} by key, in one open-addressing table: a key, and beside
     * it 0 for a block tag or 1 + the formatting tag's index. One probe or two answers both questions for a tag.
     */
    private static final long[] KIND_KEYS = new long[128];
    private static final byte[] KINDS = new byte[128];

    static {
        Arrays.fill(KIND_KEYS, -1);
        for (String name : BLOCK_TAGS) {
            putKind(key(name), 0);
        }
        for (int i = 0; i < FORMATTING_TAGS.size(); i++) {
            putKind(key(FORMATTING_TAGS.get(i)), i + 1);
        }
    }

    private static void putKind(long key, int kind) {
        int slot = slot(key);
        while (KIND_KEYS[slot] >= 0) {
            slot = (slot + 1) & (KIND_KEYS.length - 1);
        }
        KIND_KEYS[slot] = key;
        KINDS[slot] = (byte) kind;
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 57); // 7 bits: 128 slots
    }

    /** The kind {@link #KIND_KEYS} holds for {@code key} (not -1), or -1 when it holds none. */
    private static int kind(long key) {
        for (int slot = slot(key); KIND_KEYS[slot] >= 0; slot = (slot + 1) & (KIND_KEYS.length - 1)) {
            if (KIND_KEYS[slot] == key) {
                return KINDS[slot];
            }
        }
        return -1;
    }

    private static long[] keys(List<String> names) {
        return names.stream().mapToLong(UnreadMarkup::key).sorted().toArray();
    }

    private static long key(String name) {
        return nameKey(name, 0, name.length());
    }

    /**
     * A tag name of at most {@value #MAX_KEY_LENGTH} ASCII letters and digits as a number (six bits a character,
     * any case), -1 for any other name: compared without a string per tag.
     */
    static long nameKey(CharSequence text, int start, int end) {
        if (end - start > MAX_KEY_LENGTH) {
            return -1;
        }
        long key = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int lower = c | 0x20;
            int value;
            if (lower >= 'a' && lower <= 'z') {
                value = lower - 'a' + 1;
            } else if (c >= '0' && c <= '9') {
                value = c - '0' + 27;
            } else {
                return -1;
            }
            key = key << 6 | value;
        }
        return key;
    }

    /** Character ranges {@code [from(k), to(k))} of the page, in a list that grows. */
    private static final class Ranges {
        private int[] bounds = new int[32];
        private int size;

        int size() {
            return size;
        }

        int from(int k) {
            return bounds[2 * k];
        }

        int to(int k) {
            return bounds[2 * k + 1];
        }

        void add(int from, int to) {
            if (2 * size + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            set(size++, from, to);
        }

        void set(int k, int from, int to) {
            bounds[2 * k] = from;
            bounds[2 * k + 1] = to;
        }

        /** Keeps the first {@code count} ranges. */
        void truncate(int count) {
            size = count;
        }

        /** Orders the ranges by start; an insertion sort, linear for a list almost in order. */
        void sortByStart() {
            for (int k = 1; k < size; k++) {
                int from = from(k);
                int to = to(k);
                int j = k - 1;
                while (j >= 0 && from(j) > from) {
                    set(j + 1, from(j), to(j));
                    j--;
                }
                set(j + 1, from, to);
            }
        }
    }

    private static final class Scan {

        private final String html;
        private final int length;
        /** The ranges to drop, apart (in order once {@link #run} is done). */
        private final Ranges cuts = new Ranges();
        /** The emptied SVGs' content, in order (each also in {@link #cuts}). */
        private final Ranges drawings = new Ranges();
        /**
         * Open {@code <svg>} start tags less {@code </svg>} end tags, and the same for {@code <math>}: while either is
         * above zero, the parser may be in foreign content, where scripts and styles are not raw text. Upper bounds
         * of the parser's own state (an HTML tag that breaks out of foreign content, or {@code </math>} closing an
         * SVG inside it, leave them above zero), so they err toward stopping.
         */
        private int svgDepth;
        private int mathDepth;
        /**
         * After a {@code <select>} start tag and before the next {@code </select>}: there the parser ignores an
         * {@code <svg>} tag but keeps the text inside it, so an SVG is not emptied. Errs toward true, as above.
         */
        private boolean inSelect;
        /** The {@link #nameKey} of the tag name {@link #tagNameEnd} read last. */
        private long key;
        /** Whether the last tag {@link #tagEnd} read ended with {@code />}. */
        private boolean selfClosing;

        /** Whether the construct that ended where the scan goes on was a start tag of {@link #BLOCK_TAGS}. */
        private boolean afterBlockStart;
        /** White space before block end tags, held until what follows them is known (see {@link #addPending}). */
        private final Ranges pending = new Ranges();
        /** Whether the scan goes on in the middle of text (after a {@code '<'} that opens nothing). */
        private boolean afterText;
        /**
         * The characters between the markup before and the current construct start at {@code gapStart}; whether
         * they hold text (or continue text after a {@code '<'} that opens nothing), rather than white space alone or
         * nothing; and {@code gapSpace}: {@code gapStart} while they are white space alone that may still be dropped,
         * else -1.
         */
        private int gapStart;
        private boolean gapIsText;
        private int gapSpace;
        /** Open {@code <pre>} tags less their end tags, and the same for {@code <listing>}: white space is text. */
        private int preDepth;
        private int listingDepth;
        /**
         * Start tags of each of the {@link #FORMATTING_TAGS} less its end tags (never below zero), and their sum: an
         * upper bound of the parser's active formatting elements by name (these leave that list only through an end
         * tag of their name, or sooner). While any may be active, white space is kept: in the body it makes the
         * parser reopen them (an element each), as any text does.
         */
        private final int[] openFormatting = new int[FORMATTING_TAGS.size()];
        private int openFormattingTotal;
        private final int startTagLimit;
        private int startTags;
        private boolean overLimit;

        Scan(String html, int startTagLimit) {
            this.html = html;
            this.length = html.length();
            this.startTagLimit = startTagLimit;
        }

        void run() {
            int pos = 0;
            int lt = 0;
            while (pos >= 0) {
                // white space first, by hand (most gaps between tags are indentation), then a jump to the next '<'
                int text = pos;
                while (text < length && isSpace(html.charAt(text))) {
                    text++;
                }
                boolean onlySpace = text < length && html.charAt(text) == '<';
                lt = onlySpace ? text : html.indexOf('<', text);
                if (lt < 0 || lt + 1 >= length) {
                    break;
                }
                gapStart = pos;
                gapIsText = afterText || lt > pos && !onlySpace;
                gapSpace = !gapIsText && lt > pos ? pos : -1;
                if (gapIsText) {
                    pending.truncate(0); // text: see addPending
                    afterBlockStart = false;
                }
                afterText = false;
                if (afterBlockStart && gapSpace >= 0 && mayDropSpace()) {
                    cut(gapStart, lt); // the first child of a block: its start put a space there anyway
                    gapSpace = -1;
                }
                char next = html.charAt(lt + 1);
                if (next == '!' && html.startsWith("--", lt + 2)) {
                    // a comment is no text: white space before it waits like white space before a block end tag,
                    // and the first child of a block may still follow it
                    if (mayDropSpace() && gapSpace >= 0) {
                        addPending(gapStart, lt);
                    }
                } else {
                    afterBlockStart = false; // a tag sets it again
                    boolean tag = isAsciiLetter(next) || next == '/' && lt + 2 < length
                            && isAsciiLetter(html.charAt(lt + 2));
                    if (!tag) {
                        pending.truncate(0); // not a tag nor a comment: see addPending
                    }
                }
                if (next == '!') {
                    pos = markupDeclaration(lt);
                } else if (next == '/') {
                    pos = endTag(lt);
                } else if (next == '?') {
                    pos = pastGreaterThan(lt + 2);
                } else if (isAsciiLetter(next)) {
                    pos = startTag(lt);
                } else {
                    pos = lt + 1; // a '<' that opens nothing is text
                    afterText = true;
                }
            }
            if (pos >= 0 && isAllSpace(pos, length)) {
                commitPending(); // the page ends after the end tags: nothing follows the white space
            }
            cuts.sortByStart(); // held white space is cut after the comments that follow it are emptied
            if (pos < 0 && !overLimit) {
                keepDrawings();
                overLimit = !hasAtMostStartTags(html, lt + 1, startTagLimit - startTags);
            }
        }


        /**
         * Undoes the emptied SVGs, when the scan stops before the end: the text of an SVG tells the parser that the
         * page is not a frameset page, which a {@code <frameset>} in the rest, unread, would otherwise turn into one.
         * Emptied scripts, styles and comments stay: the parser reads no such thing from them.
         */
        private void keepDrawings() {
            int kept = 0;
            int drawing = 0;
            for (int k = 0; k < cuts.size(); k++) {
                if (drawing < drawings.size() && drawings.from(drawing) == cuts.from(k)) {
                    drawing++;
                    continue;
                }
                cuts.set(kept++, cuts.from(k), cuts.to(k));
            }
            cuts.truncate(kept);
        }

        /** {@code <!--comment-->}, {@code <!DOCTYPE …>}, {@code <![CDATA[…]]>} or a bogus comment at {@code lt}. */
        private int markupDeclaration(int lt) {
            if (html.startsWith("--", lt + 2)) {
                return comment(lt + 4);
            }
            if (html.startsWith("[CDATA[", lt + 2) && isForeign()) {
                // a CDATA section in foreign content ends at "]]>"; in HTML content the same text is a bogus comment
                // that ends at the first '>': followed only when both end at the same place
                int end = html.indexOf("]]>", lt + 9);
                return end < 0 || html.indexOf('>', lt + 9) < end + 2 ? -1 : end + 3;
            }
            return pastGreaterThan(lt + 2); // a DOCTYPE or a bogus comment ends at the first '>', quoted or not
        }

        /**
         * A comment whose text starts at {@code from}: follows the tokenizer's comment states (it ends at
         * {@code -->} or {@code --!>}, and {@code <!-->} and {@code <!--->} are empty comments) and empties the text.
         */
        private int comment(int from) {
            int i = from;
            // comment start and start-dash states: "<!-->" and "<!--->" end at once
            if (i < length && html.charAt(i) == '>') {
                return i + 1;
            }
            if (i + 1 < length && html.charAt(i) == '-' && html.charAt(i + 1) == '>') {
                return i + 2;
            }
            while (true) {
                int dash = html.indexOf("--", i);
                if (dash < 0) {
                    return -1; // runs to the end of the page: left as it is
                }
                int j = dash + 2;
                while (j < length && html.charAt(j) == '-') {
                    j++; // comment end state: more dashes are text
                }
                int end = j < length && html.charAt(j) == '>' ? j + 1
                        : j + 1 < length && html.charAt(j) == '!' && html.charAt(j + 1) == '>' ? j + 2 : -1;
                if (end > 0) {
                    if (onlySpaceAround(from - 4, end)) {
                        cut(from - 4, end); // the whole comment: see onlySpaceAround
                    } else {
                        cut(from, j - 2); // the text: leaves "<!---->", or "<!----!>", also empty
                    }
                    return end;
                }
                if (j < length && html.charAt(j) == '!') {
                    // comment end bang state: "--!-" goes on in the end-dash state, where "->" would close the
                    // comment; too rare to follow
                    return -1;
                }
                i = j;
            }
        }

        /**
         * Whether the comment {@code html[lt, end)} has only white space between it and the markup on either side:
         * then it goes whole, and at most two white-space text nodes become one (the parser reads nothing else from
         * a comment: no state, no reopened elements), where beside text it would join two text nodes.
         */
        private boolean onlySpaceAround(int lt, int end) {
            if (gapIsText) {
                return false;
            }
            int next = end;
            while (next < length && isSpace(html.charAt(next))) {
                next++;
            }
            return next == length || html.charAt(next) == '<';
        }

        /** An end tag at {@code lt} ({@code </name …>}; {@code </>} is nothing; anything else a bogus comment). */
        private int endTag(int lt) {
            int nameStart = lt + 2;
            if (nameStart >= length) {
                return -1;
            }
            char first = html.charAt(nameStart);
            if (first == '>') {
                return nameStart + 1;
            }
            if (!isAsciiLetter(first)) {
                return pastGreaterThan(nameStart);
            }
            int nameEnd = tagNameEnd(nameStart);
            long name = key;
            int end = tagEnd(nameEnd, false);
            if (end < 0) {
                return -1;
            }
            blockTagEnds(lt, name, false);
            if (preDepth > 0 && name == PRE) {
                preDepth--;
            } else if (listingDepth > 0 && name == LISTING) {
                listingDepth--;
            } else if (svgDepth > 0 && name == SVG) {
                svgDepth--;
            } else if (mathDepth > 0 && name == MATH) {
                mathDepth--;
            } else if (name == SELECT) {
                inSelect = false;
            }
            return end;
        }

        /**
         * For the tag at {@code lt} whose name has the key {@code name}: whether it is one of the {@link
         * #BLOCK_TAGS} (outside foreign content), and if so and a start tag, drops the white space between it and
         * the block tag before it, unless inside a {@code <pre>} or {@code <listing>}.
         */
        private boolean blockTagEnds(int lt, long name, boolean start) {
            int kind = name < 0 ? -1 : kind(name);
            int formatting = kind - 1; // the formatting tag's index, or below 0
            if (formatting >= 0 && start) {
                openFormatting[formatting]++;
                openFormattingTotal++;
            } else if (formatting >= 0 && openFormatting[formatting] > 0) {
                openFormatting[formatting]--;
                openFormattingTotal--;
            }
            boolean block = kind == 0 && !isForeign();
            if (block && start) {
                commitPending();
                if (mayDropSpace() && gapSpace >= 0) {
                    cut(gapStart, lt); // right before a block: its start puts a space there anyway
                }
            } else if (block) {
                if (mayDropSpace() && gapSpace >= 0) {
                    addPending(gapStart, lt);
                }
            } else {
                pending.truncate(0);
            }
            afterBlockStart = block && start;
            return block;
        }

        /**
         * Holds white space before a block end tag or a comment until what follows is known. Dropped only if a block
         * start tag comes next (after more block end tags, comments and white space, but no text) or the page ends:
         * then only white space, end tags and comments stand between the text before and that block, whose start
         * puts a space there anyway. Before anything else, jsoup's {@code text()} may read that white space as the
         * only space between two words (an end tag the parser ignored does not end a block), so it stays.
         */
        private void addPending(int from, int to) {
            pending.add(from, to);
        }

        private void commitPending() {
            for (int k = 0; k < pending.size(); k++) {
                cut(pending.from(k), pending.to(k));
            }
            pending.truncate(0);
        }

        /**
         * Whether white space here is not text of preformatted or foreign content, and no formatting element may be
         * open (white space in the body makes the parser reopen those: an element each).
         */
        private boolean mayDropSpace() {
            return preDepth == 0 && listingDepth == 0 && openFormattingTotal == 0 && !isForeign();
        }

        /** A start tag at {@code lt}: its name decides what follows it (raw text, script data, foreign content). */
        private int startTag(int lt) {
            if (++startTags > startTagLimit) {
                overLimit = true;
                return -1;
            }
            int nameStart = lt + 1;
            int nameEnd = tagNameEnd(nameStart);
            long name = key;
            // data-* attributes: only the image resolver reads any (lazy-loading sources on img and source)
            int end = tagEnd(nameEnd, name != IMG && name != SOURCE);
            if (end < 0) {
                return -1;
            }
            blockTagEnds(lt, name, true);
            if (name == PRE) {
                preDepth++;
                return end;
            }
            if (name == LISTING) {
                listingDepth++;
                return end;
            }
            if (name == SVG || name == MATH) {
                if (selfClosing) {
                    return end;
                }
                int close = name == SVG && !isForeign() && !inSelect ? plainSvgEnd(end) : -1;
                if (close >= 0) {
                    cut(end, close); // its end tag comes next, at depth 0
                    drawings.add(end, close);
                    return close;
                }
                if (name == SVG) {
                    svgDepth++;
                } else {
                    mathDepth++;
                }
                return end;
            }
            if (name == SELECT) {
                inSelect = true;
                return end;
            }
            if (name == PLAINTEXT || name == FRAMESET) {
                return -1; // the rest is text; in a frameset, a script is ignored and its code parsed as markup
            }
            boolean script = name == SCRIPT;
            boolean style = name == STYLE;
            boolean rawText = !script && !style && name >= 0 && Arrays.binarySearch(RAW_TEXT_KEYS, name) >= 0;
            if (isForeign()) {
                // in foreign content these are ordinary elements, but inside an integration point or after an HTML
                // tag that breaks out they are raw text again, which only the tree builder knows: followed (and
                // kept) only when their text holds no '<', where both readings agree
                if (script || style || rawText) {
                    int close = closingTag(end, html.substring(nameStart, nameEnd));
                    return close < 0 || html.indexOf('<', end) < close ? -1 : close;
                }
                return end;
            }
            if (script) {
                return script(lt, end);
            }
            if (style) {
                int close = closingTag(end, "style");
                if (close >= 0) {
                    cut(end, close);
                }
                return close;
            }
            if (rawText) {
                return closingTag(end, html.substring(nameStart, nameEnd)); // kept as it is, but never markup
            }
            return end;
        }

        /**
         * The start of the {@code </svg>} that closes an {@code <svg>} whose content starts at {@code from}, when
         * that content is plain drawing: only tags of the drawing elements below (nested {@code <svg>} counted),
         * text, and {@code <title>} or {@code <desc>} with text only; else -1. Such content stays in foreign content
         * from start to end (no tag in it is one of the HTML tags that break out, and no integration point holds
         * markup), so the parser gives the {@code <svg>} exactly these children, and emptying it removes just them.
         */
        private int plainSvgEnd(int from) {
            int depth = 1;
            int i = from;
            while (true) {
                int lt = html.indexOf('<', i);
                if (lt < 0 || lt + 2 >= length) {
                    return -1;
                }
                boolean end = html.charAt(lt + 1) == '/';
                int nameStart = end ? lt + 2 : lt + 1;
                if (!isAsciiLetter(html.charAt(nameStart))) {
                    return -1; // a comment, CDATA, or a '<' as text: not followed here
                }
                int nameEnd = tagNameEnd(nameStart);
                boolean svg = key == SVG;
                if (!svg && !isDrawingName(nameStart, nameEnd)) {
                    return -1;
                }
                i = tagEnd(nameEnd, false);
                if (i < 0) {
                    return -1;
                }
                if (end && svg && --depth == 0) {
                    return lt;
                } else if (!end && svg && !selfClosing) {
                    depth++;
                } else if (!end && !selfClosing
                        && (isName(nameStart, nameEnd, "title") || isName(nameStart, nameEnd, "desc"))) {
                    int close = closingTag(i, html.substring(nameStart, nameEnd));
                    if (close < 0 || html.indexOf('<', i) < close) {
                        return -1; // markup inside an HTML integration point: parsed as HTML
                    }
                    i = close;
                }
            }
        }

        /** SVG drawing elements (any case), none of them an HTML tag that breaks out of foreign content. */
        private boolean isDrawingName(int start, int end) {
            int nameLength = end - start;
            if (nameLength > 2 && (html.charAt(start) | 0x20) == 'f' && (html.charAt(start + 1) | 0x20) == 'e') {
                return true; // filter primitives: feGaussianBlur, feOffset, …
            }
            for (String name : DRAWING_NAMES) {
                if (isName(start, end, name)) {
                    return true;
                }
            }
            return false;
        }

        /** Script data from {@code dataStart} to the first {@code </script}: emptied unless the tag names JSON-LD. */
        private int script(int lt, int dataStart) {
            int close = closingTag(dataStart, "script");
            if (close < 0) {
                return -1;
            }
            int escape = commentOpening(dataStart, close);
            if (escape >= 0 && closingTagOpening(escape, close, "<script")) {
                return -1; // "<!--<script" makes the next "</script" part of the data: the tokenizer's escape states
            }
            // kept when the tag may name JSON-LD: "ld+json" in it, or a character reference that might spell it
            if (close > dataStart && !containsIgnoreCase(lt, dataStart, "ld+json") && !contains(lt, dataStart, '&')) {
                cut(dataStart, close);
            }
            return close;
        }

        /** The first {@code <!--} in {@code html[from, to)}, or -1; {@code html[to]} is a {@code '<'}. */
        private int commentOpening(int from, int to) {
            for (int i = html.indexOf('<', from); i >= 0 && i < to; i = html.indexOf('<', i + 1)) {
                if (html.startsWith("!--", i + 1)) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether {@code html[from, to)} holds {@code opening} (lower case) followed by a tag-name delimiter. */
        private boolean closingTagOpening(int from, int to, String opening) {
            for (int i = html.indexOf('<', from); i >= 0 && i < to; i = html.indexOf('<', i + 1)) {
                int after = i + opening.length();
                if (html.regionMatches(true, i, opening, 0, opening.length()) && after < length
                        && isTagNameEnd(html.charAt(after))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Where the raw text or script data that starts at {@code from} ends: the index of the first {@code </name}
         * followed by a space, {@code /} or {@code >} (any case); -1 when the page ends first.
         */
        private int closingTag(int from, String name) {
            for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
                int after = i + 2 + name.length();
                if (after < length && html.regionMatches(true, i + 2, name, 0, name.length())
                        && isTagNameEnd(html.charAt(after))) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The end of a tag name that starts at {@code from}: at a space, {@code /} or {@code >}, or the page's end;
         * sets {@link #key} to the name's {@link #nameKey}.
         */
        private int tagNameEnd(int from) {
            String page = html;
            int i = from;
            long nameKey = 0;
            while (i < length) {
                char c = page.charAt(i);
                if (c <= '>' && (c == '>' || c == '/' || isSpace(c))) {
                    break;
                }
                int code = c < NAME_CODES.length ? NAME_CODES[c] : 0;
                nameKey = code == 0 || nameKey < 0 ? -1 : nameKey << 6 | code;
                i++;
            }
            if (i - from > MAX_KEY_LENGTH) {
                nameKey = -1;
            }
            key = nameKey;
            return i;
        }

        /**
         * Past the {@code >} that ends a tag whose attributes start at {@code from}, following the tokenizer's
         * attribute states (a quoted value may hold {@code >}); -1 when the page ends first.
         */
        private int tagEnd(int from, boolean dropData) {
            String page = html;
            int i = from;
            boolean slash = false;
            while (i < length) {
                char c = page.charAt(i);
                if (c == '>') {
                    selfClosing = slash;
                    return i + 1;
                }
                slash = c == '/'; // a '/' right before the '>' (the self-closing start tag state)
                if (slash || isSpace(c)) {
                    i++;
                    continue;
                }
                // an attribute name (a first '=' belongs to it), up to a space, '/', '=' or '>'
                int nameStart = i;
                i++;
                while (i < length && !endsAttributeName(page.charAt(i))) {
                    i++;
                }
                boolean drop = dropData && i - nameStart >= 5 && page.regionMatches(true, nameStart, "data-", 0, 5);
                int nameEnd = i;
                while (i < length && isSpace(page.charAt(i))) {
                    i++;
                }
                if (i >= length || page.charAt(i) != '=') {
                    if (drop) {
                        cut(nameStart, nameEnd);
                    }
                    continue; // no value: '>', '/' or the next name
                }
                i++;
                while (i < length && isSpace(page.charAt(i))) {
                    i++;
                }
                if (i >= length) {
                    break;
                }
                char quote = page.charAt(i);
                if (quote == '"' || quote == '\'') {
                    int close = page.indexOf(quote, i + 1);
                    if (close < 0) {
                        return -1;
                    }
                    i = close + 1;
                } else {
                    while (i < length && !endsUnquotedValue(page.charAt(i))) {
                        i++; // an unquoted value; a '>' right after the '=' ends the tag
                    }
                }
                if (drop) {
                    cut(nameStart, i);
                }
            }
            return -1;
        }

        private int pastGreaterThan(int from) {
            int end = html.indexOf('>', from);
            return end < 0 ? -1 : end + 1;
        }

        /** Drops {@code html[from, to)} from the output. */
        private void cut(int from, int to) {
            if (to > from) {
                cuts.add(from, to);
            }
        }

        private boolean isAllSpace(int from, int to) {
            String page = html;
            for (int i = from; i < to; i++) {
                if (!isSpace(page.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private boolean isForeign() {
            return svgDepth > 0 || mathDepth > 0;
        }

        private boolean isName(int start, int end, String name) {
            return end - start == name.length() && html.regionMatches(true, start, name, 0, name.length());
        }

        private boolean containsIgnoreCase(int from, int to, String needle) {
            char first = needle.charAt(0);
            for (int i = from; i + needle.length() <= to; i++) {
                if ((html.charAt(i) | 0x20) == first && html.regionMatches(true, i, needle, 0, needle.length())) {
                    return true;
                }
            }
            return false;
        }

        private boolean contains(int from, int to, char c) {
            for (int i = from; i < to; i++) {
                if (html.charAt(i) == c) {
                    return true;
                }
            }
            return false;
        }

        private static boolean endsAttributeName(char c) {
            return c <= '>' && (c == '=' || c == '>' || c == '/' || isSpace(c));
        }

        private static boolean endsUnquotedValue(char c) {
            return c <= '>' && (c == '>' || isSpace(c));
        }

        private static boolean isTagNameEnd(char c) {
            return c == '>' || c == '/' || isSpace(c);
        }

        /** HTML white space: space, tab, line feed, form feed, carriage return (one bit each, by code). */
        private static final long SPACES = 1L << ' ' | 1L << '\t' | 1L << '\n' | 1L << '\f' | 1L << '\r';

        private static boolean isSpace(char c) {
            return c <= ' ' && (SPACES & 1L << c) != 0;
        }

        static boolean isAsciiLetter(char c) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
    }
}
