package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Cleans the chosen article container of what is not article prose: repeated headline, boilerplate headings, hover
 * cards, schema.org date/author lines and tag lists, captions and credits, button and advertising labels,
 * Readability-style conditional removal of non-prose containers, "read more" paragraphs, and boilerplate at the
 * edges (related links, breadcrumbs, bylines, date lines, share and comment lines). One instance per pass; not
 * thread-safe.
 */
final class ContentCleaner {

    /** CSS queries, parsed once. */
    private static final Evaluator METADATA_MARKUP = Selector.evaluatorOf(
            "[itemprop~=^(datePublished|dateModified|dateCreated|author|publisher|keywords)$], [rel~=^author$]");
    private static final Evaluator TAG_LINKS = Selector.evaluatorOf("a[rel~=^tag$]");
    /** Regular expressions of the hot paths, compiled once ({@code String.split}/{@code matches} compile per call). */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\u00a0]+");
    private static final Pattern HEADING_TAG = Pattern.compile("h[1-6]");
    private static final Set<String> SUBHEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final Pattern SENTENCE_END = Pattern.compile("(?s).*[.!?\"\u201d]$");
    private static final int MAX_CAPTION_CHARS = 300;
    private static final int MAX_UI_LABEL_CHARS = 40;
    /** Blocks whose whole text is an advertising label, a button caption or a gallery counter. */
    private static final Pattern UI_LABEL = Pattern.compile(
            "\\s*(advertisement|advertising|advert|ad|sponsored|anzeige|werbung|publicidad|publicit[ée]|pubblicit[àa]"
                    + "|share|tweet|print|email|e-mail|save|follow|subscribe"
                    + "|((image|photo|picture|slide|foto|bild)\\s*)?\\d+\\s*(of|/|von|de|di)\\s*\\d+)\\s*",
            Pattern.CASE_INSENSITIVE);
    /** The characters a {@link #UI_LABEL} can start with, past leading whitespace. */
    private static final String UI_LABEL_FIRST = "aAsSwWpPtTeEfFiIbB0123456789";
    private static final int MAX_INLINE_LINK_CHARS = 400;
    private static final double INLINE_LINK_DENSITY = 0.7;
    /** Fewer words than this in a link paragraph make it a source credit or a URL, not a "read more" headline. */
    private static final int MIN_HEADLINE_WORDS = 4;
    private static final int MAX_LEAD_IN_CHARS = 30;
    private static final int MAX_TRAILING_LEAD_IN_CHARS = 60;
    private static final double LINK_BLOCK_DENSITY = 0.8;
    private static final int MIN_TITLE_CHARS = 15;
    private static final int MAX_LEADING_DATE_LINES = 3;
    private static final int MAX_DATE_LINE_CHARS = 60;
    private static final int MAX_DATE_LINE_WORDS = 9;
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final int MAX_UI_LINE_CHARS = 60;
    private static final int MAX_BYLINE_CHARS = 80;
    private static final Pattern BYLINE = Pattern.compile("(?i)(by|von|par|por|di|door|av)\\s+\\p{Lu}",
            Pattern.UNICODE_CASE);
    private static final int MAX_UI_LINE_WORDS = 8;
    private static final Pattern UI_LINE = Pattern.compile("(?i)\\bshar(e|ing)\\b|\\bmin(ute)?s? read\\b|"
            + "reading time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|text size|font size");
    private static final Pattern COMMENT_COUNTER = Pattern.compile(
            "(?i)\\d*\\s*comments?");

    /** The containers that conditional cleaning weighs, in the order it weighs them. */
    private static final List<String> CONDITIONAL_TAGS = List.of("form", "fieldset", "table", "ul", "ol", "div",
            "section", "header", "footer", "aside", "figure");
    /** Each of {@link #CONDITIONAL_TAGS} by its index there: one lookup per element instead of eleven comparisons. */
    private static final Map<String, Integer> CONDITIONAL_INDEX = new HashMap<>();

    static {
        for (int i = 0; i < CONDITIONAL_TAGS.size(); i++) {
            CONDITIONAL_INDEX.put(CONDITIONAL_TAGS.get(i), i);
        }
    }

    private final String title;
    /** How many {@link Nodes#isTextMark text marks} the normalized title holds. */
    private final int titleMarks;
    private final String documentTitle;
    private final ArticleEvidence evidence;
    private final boolean weighClasses;
    /** Every removal the cleaning makes goes through here, so that the caller can undo them. */
    private final UndoableRemovals removals;
    private Map<Element, Integer> evidenceLength = Map.of();
    /**
     * The evidence shares of blocks' texts that the caller found before the cleaning (see {@link #clean}); an entry
     * stands for the block's text only while no removal was made under the block, and the blocks with one are in
     * {@link #removedUnder} (kept only when there is evidence to read).
     */
    private Map<Element, Double> knownShares = Map.of();
    private final Set<Element> removedUnder = Collections.newSetFromMap(new IdentityHashMap<>());
    private Set<Element> insideCode = Set.of();
    /**
     * The text measures of the article: a snapshot from the last {@link #measure}, which takes the removals made since
     * into it (each one is reported to it before it is made); null before the first.
     */
    private @Nullable TextStats stats;
    /** The block {@link #blockText} last read, and its text. */
    private @Nullable Element textBlock;
    private String textOfBlock = "";

    /**
     * @param title         article title from the metadata (its repetitions are dropped); may be null
     * @param documentTitle the page's {@code <title>}
     * @param evidence      the JSON-LD article body, as evidence of which blocks are article text
     * @param weighClasses  whether class and id names count (off in the loosest passes)
     * @param removals      where the cleaning's removals are made (and can be undone)
     */
    ContentCleaner(@Nullable String title, String documentTitle, ArticleEvidence evidence, boolean weighClasses,
                   UndoableRemovals removals) {
        this.title = title == null ? "" : normalize(title);
        this.titleMarks = Nodes.textMarkCount(this.title);
        this.documentTitle = normalize(documentTitle);
        this.evidence = evidence;
        this.weighClasses = weighClasses;
        this.removals = removals;
    }

    /**
     * Removes boilerplate inside the chosen content.
     *
     * @param measures    the text measures of {@code article} as it is now (the cleaning takes them over and keeps
     *                    them current), or null to have it measured when first needed
     * @param knownShares {@code evidence.share(block.text())} of blocks under {@code article}, each for the text the
     *                    block has now (read before, to be read again only if a removal changes it)
     * @return the text measures of the cleaned {@code article}
     */
    TextStats clean(Element article, boolean cleanConditionally, @Nullable TextStats measures,
                    Map<Element, Double> knownShares) {
        stats = measures;
        this.knownShares = knownShares;
        // one walk lists what the first steps look at; each step skips what an earlier one removed (the elements in
        // gone), as a new search of the article would
        Predicate<Element> metadataMarkup = METADATA_MARKUP.asPredicate(article);
        Predicate<Element> tagLinks = TAG_LINKS.asPredicate(article);
        List<Element> headlines = new ArrayList<>();
        List<Element> images = new ArrayList<>();
        List<Element> metadata = new ArrayList<>();
        List<Element> links = new ArrayList<>();
        List<Element> headings = new ArrayList<>();
        for (Element element : Nodes.allElements(article)) {
            if (element.nameIs("h1")) {
                headlines.add(element);
            } else if (element.nameIs("img")) {
                images.add(element);
            } else if (SUBHEADINGS.contains(element.normalName())) {
                headings.add(element);
            }
            if (element.attributesSize() == 0) {
                continue; // both queries ask for an attribute
            }
            if (metadataMarkup.test(element)) {
                metadata.add(element);
            }
            if (tagLinks.test(element)) {
                links.add(element);
            }
        }
        Set<Element> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element headline : headlines) {
            remove(headline);
            gone.addAll(Nodes.allElements(headline));
        }
        images.removeIf(gone::contains);
        removeHoverCards(article, images, gone);
        metadata.removeIf(gone::contains);
        removeMetadataLines(article, metadata, links, gone);
        removeCaptionsAndLabels(article);
        measure(article);
        for (Element heading : headings) {
            if (!isInside(heading, article)) {
                continue; // removed with an element above it since the walk
            }
            if (classWeight(heading) < 0 || stats.linkDensity(heading) > 0.33
                    || !title.isEmpty() && isTitle(heading)) {
                remove(heading);
            }
        }
        List<Element> paragraphs;
        if (cleanConditionally) {
            measure(article);
            // one walk lists what the steps below look at, in document order
            paragraphs = new ArrayList<>();
            List<Element> code = new ArrayList<>();
            List<List<Element>> byTag = new ArrayList<>();
            for (int i = 0; i < CONDITIONAL_TAGS.size(); i++) {
                byTag.add(new ArrayList<>());
            }
            for (Element element : Nodes.allElements(article)) {
                String tag = element.normalName();
                if (tag.equals("p")) {
                    paragraphs.add(element);
                } else if (tag.equals("pre") || tag.equals("code")) {
                    code.add(element);
                } else {
                    Integer index = CONDITIONAL_INDEX.get(tag);
                    if (index != null) {
                        byTag.get(index).add(element);
                    }
                }
            }
            measureEvidence(article, paragraphs);
            insideCode = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Element element : code) {
                if (!insideCode.contains(element)) {
                    insideCode.addAll(Nodes.allElements(element));
                }
            }
            // gone gets the elements of the subtrees removed here (disjoint: nothing inside one is looked at again),
            // so that each tag's round sees what is still in the article, as a new search by tag would
            for (List<Element> elements : byTag) {
                // removed in one batch per tag: jsoup re-indexes the siblings on every single removal
                List<Element> removed = new ArrayList<>();
                for (int i = elements.size() - 1; i >= 0; i--) {
                    Element element = elements.get(i);
                    if (element != article && element.parent() != null && !gone.contains(element)
                            && shouldRemove(element)) {
                        removed.add(element);
                    }
                }
                removeAll(removed);
                for (Element element : removed) {
                    gone.addAll(Nodes.allElements(element));
                }
            }
            paragraphs.removeIf(gone::contains);
        } else {
            paragraphs = Nodes.elementsNamed(article, "p");
        }
        measure(article);
        List<Element> empty = new ArrayList<>();
        for (Element p : paragraphs) {
            if (stats.textLength(p) == 0 && stats.get(p).images == 0) {
                empty.add(p);
            }
        }
        removeAll(empty);
        trimEdgesAndReadMoreLinks(article);
        measure(article);
        return stats;
    }

    /**
     * Brings the text measures of {@code article} up to date: measured once, then kept current by taking in the
     * removals made since (much cheaper than measuring again; decisions between two calls read the snapshot).
     */
    private void measure(Element article) {
        if (stats == null) {
            stats = TextStats.of(article);
        } else {
            stats.applyRemovals();
        }
    }

    /**
     * {@code block.text()}, remembered for the last block asked about (the edge tests ask about one block several
     * times in a row) until the next removal, which may change it.
     */
    private String blockText(Element block) {
        if (block != textBlock) {
            textBlock = block;
            textOfBlock = block.text();
        }
        return textOfBlock;
    }

    /** Removes {@code element} from the article, reporting it to the measures. */
    private void remove(Element element) {
        textBlock = null;
        if (stats != null) {
            stats.willRemove(element);
        }
        noteRemovalUnderAncestors(element);
        removals.remove(element);
    }

    /** {@link #remove} for many elements at once (jsoup re-indexes the siblings on every single removal). */
    private void removeAll(List<Element> elements) {
        textBlock = null;
        if (stats != null) {
            for (Element element : elements) {
                stats.willRemove(element);
            }
        }
        for (Element element : elements) {
            noteRemovalUnderAncestors(element);
        }
        removals.removeAll(elements);
    }

    /**
     * Adds the ancestors of {@code element}, about to be removed, to {@link #removedUnder}: their texts change. The
     * climb stops at an ancestor already there (its own ancestors were added with it, and removals never add one).
     */
    private void noteRemovalUnderAncestors(Element element) {
        if (evidence.isEmpty()) {
            return;
        }
        for (Element up = element.parent(); up != null && removedUnder.add(up); up = up.parent()) {
            // climbing until an ancestor already noted
        }
    }

    /** {@code evidence.share(block.text())}, from {@link #knownShares} while no removal was made under the block. */
    private double shareOf(Element block) {
        Double known = removedUnder.contains(block) ? null : knownShares.get(block);
        return known != null ? known : evidence.share(block.text());
    }

    /**
     * Trims boilerplate blocks at both edges of the content (related links written as paragraphs and their lead-in,
     * breadcrumbs, bylines, date lines, a repeated headline, share and comment lines) and "Read more: headline"
     * paragraphs inside it.
     */
    private void trimEdgesAndReadMoreLinks(Element article) {
        measure(article);
        List<Element> blocks = new ArrayList<>();
        for (Element element : Nodes.allElements(article)) {
            if (element != article && TextWriter.BLOCKS.contains(element.normalName())
                    && !LooseTextWrapper.hasBlockChild(element) && stats.textLength(element) > 0) {
                blocks.add(element);
            }
        }
        int end = blocks.size() - 1;
        boolean removedAtEnd = false;
        while (end >= 0 && isTrailingBoilerplate(blocks.get(end), removedAtEnd)) {
            remove(blocks.get(end--));
            removedAtEnd = true;
        }
        int start = 0;
        while (start <= end && (isLinkBlock(blocks.get(start)) || isRepeatedTitle(blocks.get(start))
                || isUiLine(blocks.get(start)) || start < MAX_LEADING_DATE_LINES
                && (isDateLine(blocks.get(start)) || isBylineLine(blocks.get(start))))) {
            remove(blocks.get(start++));
        }
        // "Read more: <headline>" paragraphs inside the article, and a short lead-in right before them
        for (int i = start; i <= end; i++) {
            Element block = blocks.get(i);
            if (block.nameIs("p") && stats.linkDensity(block) > INLINE_LINK_DENSITY
                    && stats.textLength(block) < MAX_INLINE_LINK_CHARS
                    && splitCount(blockText(block)) >= MIN_HEADLINE_WORDS) {
                remove(block);
                if (i > start && blocks.get(i - 1).parent() != null && isLeadIn(blocks.get(i - 1))
                        && stats.textLength(blocks.get(i - 1)) <= MAX_LEAD_IN_CHARS) {
                    remove(blocks.get(i - 1));
                }
            }
        }
    }

    /**
     * Whether the last block is boilerplate: a link list item, a comment counter, a share/reading-time line, a heading
     * with nothing under it, or the lead-in ("You may also like...") of removed links.
     */
    private boolean isTrailingBoilerplate(Element block, boolean followedByRemovedBlock) {
        return isLinkBlock(block) || isCommentCounter(block) || isUiLine(block)
                || HEADING_TAG.matcher(block.normalName()).matches() || followedByRemovedBlock && isLeadIn(block);
    }

    /** A short interface line: share prompts, reading time, text size controls. */
    private boolean isUiLine(Element block) {
        String text = shortStrippedText(block, MAX_UI_LINE_CHARS);
        return text != null && splitCount(text) <= MAX_UI_LINE_WORDS && UI_LINE.matcher(text).find();
    }

    /**
     * The block's stripped text when it has at most {@code maxChars} characters, else null. A block with more text
     * marks than that ({@link Nodes#hasMoreTextMarksThan}) is not read: its stripped text holds them all.
     */
    private @Nullable String shortStrippedText(Element block, int maxChars) {
        if (Nodes.hasMoreTextMarksThan(block, maxChars)) {
            return null;
        }
        String text = blockText(block).strip();
        return text.length() <= maxChars ? text : null;
    }

    /** The headline repeated as the first block (as the title or the start of the page's {@code <title>}). */
    private boolean isRepeatedTitle(Element block) {
        int longestTitle = Math.max(title.length(), documentTitle.length());
        // a text mark is a visible character to hasMoreVisibleCharsThan: more marks, more visible characters
        if (Nodes.hasMoreTextMarksThan(block, longestTitle)) {
            return false;
        }
        String raw = blockText(block);
        if (hasMoreVisibleCharsThan(raw, longestTitle)) {
            return false; // normalized, it would be longer than either title: no need to normalize it
        }
        String text = normalize(raw);
        return !text.isEmpty() && (text.equals(title) || text.length() >= MIN_TITLE_CHARS
                && documentTitle.startsWith(text) || text.equals(documentTitle));
    }

    /** A short line that is mostly a date ("Nov. 20, 2019 5:52 AM EST", "Posted on March 30, 2015 by Admin"). */
    private boolean isDateLine(Element block) {
        String text = shortStrippedText(block, MAX_DATE_LINE_CHARS);
        return text != null && YEAR.matcher(text).find() && splitCount(text) <= MAX_DATE_LINE_WORDS
                && !endsLikeASentence(text);
    }

    private static boolean endsLikeASentence(String text) {
        return SENTENCE_END.matcher(text).matches();
    }

    /** A short "By Jane Doe" line. */
    private boolean isBylineLine(Element block) {
        String text = shortStrippedText(block, MAX_BYLINE_CHARS);
        return text != null && BYLINE.matcher(text).lookingAt() && !endsLikeASentence(text);
    }

    /** Comment counters that close a page (copyright lines stay: wire stories carry them as part of the text). */
    private boolean isCommentCounter(Element block) {
        // a match starts, once stripped, with an ASCII digit or a C; what can come before the first text mark
        // (Nodes.firstTextMark) in the stripped text is neither, so a first mark that is neither rules it out
        char first = Nodes.firstTextMark(block);
        if (!(first >= '0' && first <= '9' || first == 'c' || first == 'C')) {
            return false;
        }
        return COMMENT_COUNTER.matcher(blockText(block).strip()).matches();
    }

    private boolean isLinkBlock(Element block) {
        return stats.linkDensity(block) > LINK_BLOCK_DENSITY;
    }

    /** A short line that announces what follows ("Related:", "You may also like...", "DON'T MISS"). */
    private boolean isLeadIn(Element block) {
        String text = shortStrippedText(block, MAX_TRAILING_LEAD_IN_CHARS - 1);
        return text != null && (text.endsWith(":") || text.endsWith("...") || text.endsWith("\u2026")
                || !endsLikeASentence(text));
    }

    /**
     * Hover cards (a person's photo and latest headlines shown on mouse-over, hidden by CSS) sit inside paragraphs
     * as inline elements holding an image and several links; prose never does.
     */
    private void removeHoverCards(Element article, List<Element> images, Set<Element> gone) {
        // the cards found to stay since the last removal: asked again (another image in it), one would get the same
        // answer from the same texts, so its three text() reads (a gallery's card can hold the whole article) are
        // not made again
        Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element img : images) {
            Element card = null;
            for (Element up = img.parent(); up != null && up != article && !up.nameIs("p"); up = up.parent()) {
                if (up.nameIs("span") && Nodes.hasAtLeast(up, "a", 2)) {
                    card = up;
                    break;
                }
            }
            if (card == null || kept.contains(card)) {
                continue;
            }
            Element paragraph = Nodes.closestNamed(card, "p");
            if (paragraph == null || card.parent() == null) {
                continue;
            }
            int cardText = card.text().length();
            int linkText = card.getElementsByTag("a").text().length();
            if (linkText > cardText * 0.8 && paragraph.text().length() - cardText >= 20) {
                remove(card);
                gone.addAll(Nodes.allElements(card));
                kept.clear(); // the texts of the cards around it have changed
            } else {
                kept.add(card);
            }
        }
    }

    /**
     * Dates, bylines and tag lists marked up as such (schema.org {@code itemprop}, {@code rel=tag}) are metadata, not
     * prose; the metadata extractor has already read them.
     */
    private void removeMetadataLines(Element article, List<Element> metadata, List<Element> tagLinks,
                                     Set<Element> gone) {
        for (Element element : metadata) {
            if (element.parent() != null && element.text().length() < 200) {
                remove(element);
                gone.addAll(Nodes.allElements(element));
            }
        }
        measure(article);
        for (Element tagLink : tagLinks) {
            if (gone.contains(tagLink)) {
                continue;
            }
            Element block = tagLink.parent();
            while (block != null && block != article && !TextWriter.BLOCKS.contains(block.normalName())) {
                block = block.parent();
            }
            if (block != null && block != article && block.parent() != null && stats.linkDensity(block) > 0.5) {
                remove(block);
            }
        }
    }

    /**
     * Image captions and credits outside {@code <figcaption>} (marked by class names), and blocks that are only an
     * advertising label, a button caption or a gallery counter, are not part of the article's prose.
     */
    private void removeCaptionsAndLabels(Element article) {
        measure(article);
        for (Element element : Nodes.allElements(article)) {
            if (element == article || element.parent() == null) {
                continue;
            }
            TextStats.Counts counts = stats.get(element);
            boolean caption = counts.textLength < MAX_CAPTION_CHARS && counts.paragraphs <= 1
                    && ClassNameHints.namesCaption(Nodes.className(element));
            // a block without visible text (textLength 0; removals since the snapshot only shorten it) cannot be a
            // label: every UI_LABEL word holds a letter or digit, so its text() is not read
            if (caption || counts.textLength > 0 && counts.textLength <= MAX_UI_LABEL_CHARS
                    && TextWriter.BLOCKS.contains(element.normalName()) && mayBeUiLabel(element)
                    && isUiLabel(element.text())) {
                remove(element);
            }
        }
    }

    /**
     * False when {@code element.text()} cannot be a {@link #isUiLabel UI label}, decided without building the text:
     * its {@link Nodes#textMarks text marks} (up to {@link #MAX_UI_LABEL_CHARS}; more are left to {@code text()})
     * must be a label too. A text the label regex matches holds, besides regex whitespace, only ASCII letters and
     * digits, {@code /}, {@code é} and {@code à}, all of them text marks, and no regex whitespace is a mark; so
     * without its regex whitespace it is its marks, and the regex, which reads white space only as {@code \s*},
     * matches that too.
     */
    static boolean mayBeUiLabel(Element element) {
        String marks = Nodes.textMarks(element, MAX_UI_LABEL_CHARS);
        return marks == null || isUiLabel(marks);
    }

    /**
     * {@code UI_LABEL.matcher(text).matches()}, with its first-character test before the regex: the first character
     * that is not regex whitespace must start one of the label words or the gallery counter.
     */
    static boolean isUiLabel(String text) {
        int i = 0;
        while (i < text.length() && MetaText.isRegexSpace(text.charAt(i))) {
            i++;
        }
        if (i == text.length() || UI_LABEL_FIRST.indexOf(text.charAt(i)) < 0) {
            return false;
        }
        return UI_LABEL.matcher(text).matches();
    }

    /**
     * {@code text.split("\\s+").length}, counted without splitting: one per run of non-whitespace, one more for
     * the empty string before a leading whitespace run, none at all for whitespace only, and 1 when there is no
     * whitespace (the text itself, even empty).
     */
    static int splitCount(String text) {
        int words = 0;
        boolean matched = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            if (MetaText.isRegexSpace(text.charAt(i))) {
                matched = true;
                inWord = false;
            } else if (!inWord) {
                words++;
                inWord = true;
            }
        }
        if (!matched) {
            return 1;
        }
        return words == 0 ? 0 : words + (MetaText.isRegexSpace(text.charAt(0)) ? 1 : 0);
    }

    /**
     * Readability's conditional cleaning: a container goes when its class says boilerplate, or, unless it has many
     * commas, holds a data table, code, an embedded quote or text the JSON-LD body confirms, when its shape is not
     * prose (more images or list items than paragraphs, form inputs, almost no text, too many links, embeds).
     */
    private boolean shouldRemove(Element element) {
        String tag = element.normalName();
        boolean isList = tag.equals("ul") || tag.equals("ol");
        TextStats.Counts c = stats.get(element);
        if (isQuoteEmbed(element, c)) {
            return false;
        }
        double weight = classWeight(element);
        if (weight < 0) {
            return true;
        }
        if (tag.equals("table") && isDataTable(element)) {
            return false;
        }
        if (c.commas >= 10 || insideCode.contains(element)) {
            return false;
        }
        double linkDensity = stats.linkDensity(element);
        int paragraphs = c.paragraphs;
        int images = c.images;
        int listItems = c.listItems;
        int length = c.textLength;
        if (!isList && tag.equals("figure")) {
            return length > 0 && linkDensity > 0.5;
        }
        boolean hasEvidence = length > 0 && evidenceLength.getOrDefault(element, 0) >= length * 0.6;
        if (hasEvidence) {
            return false;
        }
        return images > 1 && paragraphs * 2 < images && length < 200
                || !isList && listItems > paragraphs
                || c.inputs > paragraphs / 3
                || !isList && length < 25 && (images == 0 || images > 2) && c.headings == 0
                || weight < 25 && linkDensity > 0.2 + (isList ? 0.2 : 0)
                || weight >= 25 && linkDensity > 0.5
                || c.embeds == 1 && length < 75 || c.embeds > 1;
    }

    /**
     * For each element, how much of its text sits in paragraphs that the JSON-LD article body confirms.
     *
     * @param paragraphs the {@code <p>} elements of {@code article}
     */
    private void measureEvidence(Element article, List<Element> paragraphs) {
        evidenceLength = new IdentityHashMap<>();
        if (evidence.isEmpty()) {
            return;
        }
        for (Element p : paragraphs) {
            int length = stats.textLength(p);
            // a paragraph without text would add 0 to each length: its text() is not read
            if (length > 0 && stats.get(p).paragraphs <= 1 && shareOf(p) >= 0.5) {
                for (Element up = p; up != null && up != article; up = up.parent()) {
                    evidenceLength.merge(up, length, Integer::sum);
                }
            }
        }
    }

    /** An embedded quote (a post quoted from a social network): mostly blockquote text, not mostly links. */
    private boolean isQuoteEmbed(Element element, TextStats.Counts counts) {
        if (counts.textLength == 0 || counts.quotes == 0 || stats.linkDensity(element) > 0.5) {
            return false;
        }
        int quoted = 0;
        for (Element quote : Nodes.elementsNamed(element, "blockquote")) {
            if (quote.parent() != null && Nodes.closestNamed(quote.parent(), "blockquote") == null) {
                quoted += stats.textLength(quote);
            }
        }
        return quoted >= counts.textLength * 0.6;
    }

    private static boolean isDataTable(Element table) {
        if ("presentation".equals(Nodes.attr(table, "role"))) {
            return false;
        }
        return !table.select("th, caption, thead").isEmpty()
                || table.select("table").size() == 1 && table.select("tr").size() >= 2
                && table.selectFirst("tr").select("td, th").size() >= 2 && table.select("tr").size() * 2 < 200;
    }

    /** Whether {@code element} is {@code root} or still under it. */
    private static boolean isInside(Element element, Element root) {
        for (Element up = element; up != null; up = up.parent()) {
            if (up == root) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} holds more than {@code limit} characters that are neither whitespace nor no-break spaces
     * ({@link TextStats#isSpace}): a lower bound of the length of its {@link #normalize normalized} form, which keeps
     * every such character (lower-casing never shortens a text).
     */
    static boolean hasMoreVisibleCharsThan(String text, int limit) {
        if (text.length() <= limit) {
            return false;
        }
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!TextStats.isSpace(c) && ++visible > limit) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text of {@code heading}, normalized, is the title (a text with more text marks, and so more visible
     * characters, is not read; one with more visible characters is not normalized).
     */
    private boolean isTitle(Element heading) {
        // normalizing drops no mark and makes no other character one, and lower-casing turns a mark into at most
        // two (İ into i and U+0307): a heading with fewer than half the title's marks is not the title either
        int marks = Nodes.textMarkCount(heading, title.length());
        if (marks > title.length() || marks * 2 < titleMarks) {
            return false;
        }
        String text = heading.text();
        return !hasMoreVisibleCharsThan(text, title.length()) && normalize(text).equals(title);
    }

    static String normalize(String text) {
        // the regex replaces nothing when no whitespace character but a single space between two others is there
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = c == ' ' ? i + 1 < text.length() && text.charAt(i + 1) != ' ' || i + 1 == text.length()
                    : !MetaText.isRegexSpace(c) && c != '\u00a0';
        }
        return (plain ? text : WHITESPACE_RUN.matcher(text).replaceAll(" ")).strip().toLowerCase(Locale.ROOT);
    }

    private double classWeight(Element element) {
        return weighClasses ? ClassNameHints.weight(element) : 0;
    }
}
