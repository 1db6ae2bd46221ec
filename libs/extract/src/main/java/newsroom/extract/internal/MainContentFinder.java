package newsroom.extract.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Finds the main content of a page without per-site rules. Blocks of text are scored by length, commas, link density,
 * semantic tags and generic class/id vocabularies (and, when the page's JSON-LD carries an {@code articleBody}, by
 * how much of their text that body contains); the best-scoring container and its related siblings are kept, then
 * cleaned of navigation, share bars, related links, ads, comments, newsletter boxes and similar boilerplate.
 * Like Readability, a strict pass that yields too little text is retried with fewer removals.
 */
public final class MainContentFinder {

    /** Below this many characters of text a pass is considered to have missed the article. */
    private static final int MIN_ARTICLE_CHARS = 400;

    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog", "banner", "contentinfo", "search");
    private static final Set<String> JUNK_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "button", "input", "select", "textarea", "option", "dialog", "link", "meta",
            "map", "audio", "video", "source", "track");
    /** The junk walk's tag tests in one lookup: bits of JUNK, BLOCK ({@link LooseTextWrapper#isBlock}), CONTAINER. */
    private static final Map<String, Integer> TAG_ROLES = new HashMap<>();
    private static final int JUNK = 1;
    private static final int BLOCK = 2;
    private static final int CONTAINER = 4;

    static {
        JUNK_TAGS.forEach(tag -> TAG_ROLES.merge(tag, JUNK, (a, b) -> a | b));
        LooseTextWrapper.BLOCK_TAGS.stream().filter(tag -> !tag.equals("br"))
                .forEach(tag -> TAG_ROLES.merge(tag, BLOCK, (a, b) -> a | b));
        LooseTextWrapper.CONTAINER_TAGS.forEach(tag -> TAG_ROLES.merge(tag, CONTAINER, (a, b) -> a | b));
    }

    /** Containers whose class names describe their layout, not boilerplate (parsed once). */
    private static final Evaluator PREFORMATTED = Selector.evaluatorOf("table, pre, code");
    /** Text holding a full stop followed by a space or the end. */
    private static final Pattern SENTENCE_STOP = Pattern.compile(".*\\.( |$).*");
    /** Shorter blocks are not scored (Readability's threshold). */
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int ANCESTOR_LEVELS = 5;
    private static final double SPLIT_PART_MIN_PROSE_SHARE = 0.8;
    private static final double LOOSER_PASS_MIN_GAIN = 1.5;
    private static final int MAX_SPLIT_PARTS = 50;

    private enum Pass {
        STRICT(true, true, true), KEEP_UNLIKELY(false, true, true), KEEP_CLASSES(false, false, true),
        KEEP_ALL(false, false, false);

        final boolean stripUnlikely;
        final boolean weighClasses;
        final boolean cleanConditionally;

        Pass(boolean stripUnlikely, boolean weighClasses, boolean cleanConditionally) {
            this.stripUnlikely = stripUnlikely;
            this.weighClasses = weighClasses;
            this.cleanConditionally = cleanConditionally;
        }
    }

    private final @Nullable String title;
    private final String documentTitle;
    private final ArticleEvidence evidence;
    /** The candidates' scores, each in an array of one, added to in place while the blocks are scored. */
    private @Nullable Map<Element, double[]> scores;
    private boolean uniqueArticle;
    /**
     * The measures of the body as the current pass sees it: the elements it measures are the ones the pass reads as
     * present; an element under the body that it does not measure lies in an unlikely subtree the strict pass reads
     * as absent.
     */
    private @Nullable TextStats stats;
    /** The measures of the whole body, shared by the passes that read every element (the body does not change). */
    private @Nullable TextStats wholeBodyStats;
    /** Whether the whole body holds exactly one {@code <article>} (found with {@link #wholeBodyStats}). */
    private boolean wholeBodyUniqueArticle;
    /**
     * The evidence shares of the current pass's scored blocks whose text stays what it is when the pass's content
     * is taken out ({@link #keepsTextWhenMoved}), as long as nothing under them is removed: handed to the cleaner.
     */
    private Map<Element, Double> blockShares = Map.of();
    /** Elements with an excluded descendant: their jsoup text is not their text in the current pass. */
    private Set<Element> aboveExcluded = Set.of();
    /** How many elements the body kept when the junk went (wrapping adds some): sizes the measures' tables. */
    private int bodyElements;

    private MainContentFinder(@Nullable String title, String documentTitle, ArticleEvidence evidence) {
        this.title = title;
        this.documentTitle = documentTitle;
        this.evidence = evidence;
    }

    /**
     * Finds the article content of {@code document}, which must already have its images resolved. The document's
     * body is changed in place and must not be used for anything else afterwards: junk (scripts, hidden elements,
     * comments) is removed and loose text wrapped in paragraphs, and the returned content is taken out of it. The
     * strict pass reads the unlikely subtrees as absent instead of removing them from a copy, so the page is never
     * copied whole; each pass takes the part it chose out of the body and cleans it in place, and undoes that when a
     * looser pass must read the body again. The returned element is a new element holding the chosen, cleaned part.
     *
     * @param title        article title (its repetition as a heading is dropped); may be null
     * @param evidenceBody JSON-LD {@code articleBody}, used only as evidence of where the article is
     * @return the content root, or empty when nothing looks like an article
     */
    public static Optional<Element> find(Document document, @Nullable String title, Optional<String> evidenceBody) {
        MainContentFinder finder = new MainContentFinder(title, document.title(), ArticleEvidence.of(evidenceBody));
        Element prepared = document.body();
        if (prepared == null) {
            return Optional.empty();
        }
        List<Element> containers = new ArrayList<>();
        BitSet withText = new BitSet();
        BitSet withBlockChild = new BitSet();
        finder.removeJunk(prepared, containers, withText, withBlockChild);
        LooseTextWrapper.wrapLooseText(containers, withText, withBlockChild);
        Element best = null;
        int bestProse = 0;
        int bestLength = 0;
        Pass[] passes = Pass.values();
        for (int i = 0; i < passes.length; i++) {
            Content found = finder.extract(prepared, passes[i]);
            if (found == null) {
                continue;
            }
            Element content = found.root();
            TextStats contentStats = found.stats();
            // a looser pass must find clearly more prose, not just the boilerplate the stricter pass removed
            int prose = proseLength(content, contentStats);
            boolean better = best == null || prose > bestProse * LOOSER_PASS_MIN_GAIN;
            if (better) {
                best = content;
                bestProse = prose;
                bestLength = contentStats.textLength(content);
            }
            if (bestLength >= MIN_ARTICLE_CHARS || i == passes.length - 1) {
                break;
            }
            // the next pass reads the body as it was: a copy of this pass's content stays, if it is the best
            if (better) {
                best = content.clone();
            }
            found.removals().undo();
        }
        return Optional.ofNullable(best);
    }

    /**
     * A pass's cleaned content, taken out of the body, its text measures, and the removals that took it out and
     * cleaned it (undone to give the body back to the next pass).
     */
    private record Content(Element root, TextStats stats, UndoableRemovals removals) {
    }

    /**
     * Runs one pass over {@code body}: reads the unlikely subtrees as absent when the pass strips them, scores the
     * rest, and returns the chosen content taken out of the body and cleaned, with the removals that undo it, or null
     * without candidates (the body unchanged then).
     */
    private @Nullable Content extract(Element body, Pass pass) {
        // the measuring walk asks about every element under the body it measures (an article is never unlikely), so
        // it counts the <article>s among the measured elements too
        int[] articles = {body.nameIs("article") ? 1 : 0};
        if (pass.stripUnlikely) {
            // one walk: the unlikely subtrees are found (nothing inside one is asked) and skipped while measuring
            List<Element> unlikelyRoots = new ArrayList<>();
            stats = TextStats.of(body, element -> {
                boolean unlikely = isUnlikely(element);
                if (unlikely) {
                    unlikelyRoots.add(element);
                } else if (element.nameIs("article")) {
                    articles[0]++;
                }
                return unlikely;
            }, bodyElements);
            aboveExcluded = ancestorsOf(unlikelyRoots);
            uniqueArticle = articles[0] == 1;
        } else {
            if (wholeBodyStats == null) {
                wholeBodyStats = TextStats.of(body, element -> {
                    articles[0] += element.nameIs("article") ? 1 : 0;
                    return false;
                }, bodyElements);
                wholeBodyUniqueArticle = articles[0] == 1;
            }
            stats = wholeBodyStats;
            aboveExcluded = Set.of();
            uniqueArticle = wholeBodyUniqueArticle;
        }
        scores = new IdentityHashMap<>();
        blockShares = evidence.isEmpty() ? Map.of() : new IdentityHashMap<>();
        List<Element> candidates = scoreParagraphs(body, pass);
        if (candidates.isEmpty()) {
            return null;
        }
        Element top = chooseTop(candidates);
        Set<Element> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        chosen.addAll(gatherSiblings(top));
        chosen.addAll(splitBodyParts(top));
        // the chosen subtrees (none inside another: a chosen element inside the last one taken is part of it), in
        // document order, are taken out of the body instead of copied, with the descendants the pass reads as absent
        List<Element> roots = new ArrayList<>();
        Element lastRoot = null;
        for (Element element : stats.elements()) {
            if (chosen.contains(element) && (lastRoot == null || !isAttached(element, lastRoot))) {
                roots.add(element);
                lastRoot = element;
            }
        }
        List<Element> excluded = new ArrayList<>();
        for (Element root : roots) {
            addExcludedDescendants(root, excluded);
        }
        Element article = new Element("div");
        UndoableRemovals removals = new UndoableRemovals(article);
        removals.removeAll(roots);
        removals.removeAll(excluded);
        article.appendChildren(roots);
        // the strict pass's measures serve no later pass: the cleaning takes them over (each element under the
        // content has the measures the pass took, the unlikely parts being gone); the others' are shared
        TextStats articleStats = null;
        if (stats != wholeBodyStats) {
            articleStats = stats;
            articleStats.addRoot(article, roots);
        }
        return new Content(article, new ContentCleaner(title, documentTitle, evidence, pass.weighClasses, removals)
                .clean(article, pass.cleanConditionally, articleStats, blockShares), removals);
    }

    /**
     * Adds to {@code excluded} the elements under {@code root} that the current pass reads as absent and that lie in
     * no other such element, in document order; iterative, whatever the depth.
     */
    private void addExcludedDescendants(Element root, List<Element> excluded) {
        if (!aboveExcluded.contains(root)) {
            return;
        }
        Deque<Element> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Element element = pending.pop();
            for (int i = element.childNodeSize() - 1; i >= 0; i--) {
                if (element.childNode(i) instanceof Element child) {
                    if (isExcluded(child)) {
                        excluded.add(child);
                    } else if (aboveExcluded.contains(child)) {
                        pending.push(child);
                    }
                }
            }
        }
    }

    /**
     * Removes what never holds article text: scripts, styles, form controls, hidden elements, comments. Found in one
     * pass (nothing inside a removed element is looked at) and removed in one batch. The same pass adds the {@link
     * LooseTextWrapper#isContainer containers} that stay to {@code containers} and sets, by their index there, which
     * of them hold visible text once the junk is gone ({@code withText}: what {@link TextStats#elementsWithText}
     * would find then) and which have a block child then ({@code withBlockChild}: {@link
     * LooseTextWrapper#hasBlockChild}).
     */
    private void removeJunk(Element body, List<Element> containers, BitSet withText, BitSet withBlockChild) {
        List<Node> junk = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            /** By depth, for the open elements: whether visible text was seen in it so far. */
            private boolean[] hasText = new boolean[64];
            /** By depth, for the open elements: the index in containers, or -1. */
            private int[] container = new int[64];
            /** By depth, for the open elements: whether a child seen so far is a block. */
            private boolean[] blockChild = new boolean[64];

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment) {
                    junk.add(node);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof Element element) {
                    int roles = TAG_ROLES.getOrDefault(element.normalName(), 0);
                    if (element != body && ((roles & JUNK) != 0 || isHidden(element))) {
                        junk.add(node);
                        return FilterResult.SKIP_ENTIRELY; // and no tail: junk gives its parent no text
                    }
                    bodyElements++;
                    if (depth == hasText.length) {
                        hasText = Arrays.copyOf(hasText, depth * 2);
                        container = Arrays.copyOf(container, depth * 2);
                        blockChild = Arrays.copyOf(blockChild, depth * 2);
                    }
                    hasText[depth] = false;
                    container[depth] = -1;
                    blockChild[depth] = false;
                    if (depth > 0 && (roles & BLOCK) != 0) {
                        blockChild[depth - 1] = true;
                    }
                    if ((roles & CONTAINER) != 0) {
                        container[depth] = containers.size();
                        containers.add(element);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element) {
                    if (container[depth] >= 0) {
                        // each index is set once into empty sets: only the true bits (BitSet.clear rescans the words)
                        if (hasText[depth]) {
                            withText.set(container[depth]);
                        }
                        if (blockChild[depth]) {
                            withBlockChild.set(container[depth]);
                        }
                    }
                    if (depth > 0 && hasText[depth]) {
                        hasText[depth - 1] = true;
                    }
                } else if (depth > 0 && node instanceof TextNode text && !hasText[depth - 1]
                        && TextStats.hasVisibleText(text)) {
                    hasText[depth - 1] = true;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        Nodes.removeAll(junk);
    }

    private static boolean isHidden(Element element) {
        if (element.attributesSize() == 0) {
            return false;
        }
        Attributes attributes = element.attributes(); // read by exact key: see Nodes.attr
        // text() is at least as long as its text marks: an element with 200 of them is not read; nor is one whose
        // text nodes and elements bound its length below 200
        if (attributes.hasKey("hidden") || "true".equals(attributes.get("aria-hidden"))
                && !Nodes.hasMoreTextMarksThan(element, 199)
                && (Nodes.hasTextAtMost(element, 199) || element.text().length() < 200)) {
            return true;
        }
        String style = attributes.get("style");
        if (style.isEmpty()) {
            return false;
        }
        String compact = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }

    /**
     * The ancestors of the unlikely subtrees' roots (none of which lies inside another), found in time linear in their
     * number and depth.
     */
    private static Set<Element> ancestorsOf(List<Element> unlikelyRoots) {
        if (unlikelyRoots.isEmpty()) {
            return Set.of();
        }
        Set<Element> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element root : unlikelyRoots) {
            for (Element up = root.parent(); up != null && ancestors.add(up); up = up.parent()) {
                // climbing stops where an earlier climb passed
            }
        }
        return ancestors;
    }

    /** Whether the current pass reads {@code element}, which lies under the body, as absent. */
    private boolean isExcluded(Element element) {
        return !stats.measures(element);
    }

    /**
     * A detached deep copy of {@code element} without its excluded descendants (for {@link #textOf}); iterative,
     * whatever the depth.
     */
    private Element copyOf(Element element) {
        if (!aboveExcluded.contains(element)) {
            return element.clone();
        }
        Element root = element.shallowClone();
        Deque<Element[]> pending = new ArrayDeque<>();
        pending.push(new Element[] {element, root});
        while (!pending.isEmpty()) {
            Element[] pair = pending.pop();
            Element original = pair[0];
            for (int i = 0; i < original.childNodeSize(); i++) { // by index: childNodes() copies the list
                Node child = original.childNode(i);
                if (child instanceof Element childElement) {
                    if (isExcluded(childElement)) {
                        continue;
                    }
                    Element copy = childElement.shallowClone();
                    pair[1].appendChild(copy);
                    pending.push(new Element[] {childElement, copy});
                } else {
                    pair[1].appendChild(child.shallowClone());
                }
            }
        }
        return root;
    }

    /** The text of {@code element} as the current pass sees it (without excluded descendants). */
    private String textOf(Element element) {
        return aboveExcluded.contains(element) ? copyOf(element).text() : element.text();
    }

    /** Whether the current pass sees exactly one child element of {@code element} (counted up to two). */
    private boolean hasOneVisibleChild(Element element) {
        boolean excludes = aboveExcluded.contains(element);
        int count = 0;
        for (int i = 0; i < element.childNodeSize() && count < 2; i++) {
            if (element.childNode(i) instanceof Element child && !(excludes && isExcluded(child))) {
                count++;
            }
        }
        return count == 1;
    }

    private static boolean isUnlikely(Element element) {
        String tag = element.normalName();
        if (tag.equals("a") || tag.equals("article") || tag.equals("main") || tag.equals("body")) {
            return false;
        }
        if (element.attributesSize() == 0) {
            // no itemprop, role, class or id to read: only the tag decides
            return tag.equals("nav") || tag.equals("aside") || tag.equals("footer")
                    || tag.equals("header") && !Nodes.hasAtLeast(element, "p", 3);
        }
        Attributes attributes = element.attributes(); // read by exact key, as Nodes.attr and Nodes.className read
        if ("articleBody".equals(attributes.get("itemprop"))) {
            return false;
        }
        // cheapest first; every test only reads the element
        return tag.equals("nav") || tag.equals("aside") || tag.equals("footer")
                || UNLIKELY_ROLES.contains(attributes.get("role").toLowerCase(Locale.ROOT))
                || ClassNameHints.isUnlikely(attributes.get("class").trim(), attributes.get("id"))
                        && element.closest(PREFORMATTED) == null
                || tag.equals("header") && !Nodes.hasAtLeast(element, "p", 3);
    }

    private static boolean isAttached(Element element, Element root) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e == root) {
                return true;
            }
        }
        return false;
    }

    /** Scores text blocks and adds their scores to their ancestors; returns the scored ancestors. */
    private List<Element> scoreParagraphs(Element body, Pass pass) {
        List<Element> candidates = new ArrayList<>();
        for (Element block : stats.elements()) {
            if (!isParagraphLike(block)) {
                continue;
            }
            TextStats.Counts counts = stats.get(block);
            int length = counts.textLength;
            if (length < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double score = 1 + counts.commas + Math.min(length / 100, 3);
            if (!evidence.isEmpty() && counts.paragraphs <= 1) {
                double share = evidence.share(textOf(block));
                if (keepsTextWhenMoved(block)) {
                    blockShares.put(block, share);
                }
                if (share >= 0.5) {
                    score = score * 3 + 5;
                }
            }
            Element ancestor = block.parent();
            for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parent()) {
                if (ancestor.parent() == null && ancestor != body) {
                    break;
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                double[] sum = scores.get(ancestor); // the scores start empty: a candidate is scored on first sight
                if (sum == null) {
                    sum = new double[] {initialScore(ancestor, pass)};
                    scores.put(ancestor, sum);
                    candidates.add(ancestor);
                }
                sum[0] += score / divider;
                if (ancestor == body) {
                    break;
                }
            }
        }
        for (Element candidate : candidates) {
            double[] sum = scores.get(candidate);
            sum[0] = sum[0] * (1 - stats.linkDensity(candidate));
        }
        return candidates;
    }

    /**
     * Whether {@link #textOf} of {@code block} is the {@code text()} it will have in the pass's content (the chosen
     * subtrees moved under a new {@code div}, the excluded parts removed) while nothing else under it is removed.
     * jsoup's {@code text()} reads nothing outside the element but whether a text node's parent or one of its next
     * five ancestors preserves white space ({@code pre} …): with none of the block's six nearest ancestors doing so,
     * no such ancestor is above the block now, in {@link #copyOf}'s detached copy, or under the new {@code div}
     * (whose chain above the block is the same up to the chosen subtree's root, then the {@code div}).
     */
    static boolean keepsTextWhenMoved(Element block) {
        Element up = block.parent();
        for (int level = 0; level < 6 && up != null; level++, up = up.parent()) {
            if (up.tag().preserveWhitespace()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isParagraphLike(Element element) {
        String tag = element.normalName();
        return tag.equals("p") || tag.equals("pre") || tag.equals("td") || tag.equals("blockquote");
    }

    private double initialScore(Element element, Pass pass) {
        double score = switch (element.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote", "section" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (isDeclaredArticle(element)) {
            score += 25;
        }
        return score + (pass.weighClasses ? ClassNameHints.weight(element) : 0);
    }

    /** The score of {@code element}, or null when it is no candidate. */
    private @Nullable Double scoreOf(Element element) {
        double[] score = scores.get(element);
        return score == null ? null : score[0];
    }

    private double scoreOr(Element element, double absent) {
        double[] score = scores.get(element);
        return score == null ? absent : score[0];
    }

    /** A candidate and its score. */
    private record Scored(Element element, double score) {
    }

    private Element chooseTop(List<Element> candidates) {
        // by score, highest first, candidates of equal score in their order (a stable sort); each score read once
        List<Scored> ranked = new ArrayList<>(candidates.size());
        for (Element candidate : candidates) {
            ranked.add(new Scored(candidate, scores.get(candidate)[0]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        Element top = ranked.get(0).element();
        double topScore = ranked.get(0).score();
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            if (ranked.get(i).score() >= topScore * 0.75) {
                alternatives.add(ranked.get(i).element());
            }
        }
        if (alternatives.size() >= 3) {
            Map<Element, Integer> containing = new IdentityHashMap<>();
            for (Element alternative : alternatives) {
                for (Element up = alternative.parent(); up != null; up = up.parent()) {
                    containing.merge(up, 1, Integer::sum);
                }
            }
            for (Element parent = top.parent(); parent != null && !parent.normalName().equals("body");
                 parent = parent.parent()) {
                if (containing.getOrDefault(parent, 0) >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        // climb while the parent holds clearly more of the scored text than the candidate alone
        double lastScore = scoreOr(top, 0.0);
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && !parent.normalName().equals("body");
             parent = parent.parent()) {
            Double parentScore = scoreOf(parent);
            if (parentScore == null || parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                top = parent;
                break;
            }
            lastScore = parentScore;
        }
        while (top.parent() != null && !top.parent().normalName().equals("body")
                && hasOneVisibleChild(top.parent())) {
            top = top.parent();
        }
        return top;
    }

    /**
     * Articles split into several containers (chunks between ads, "continued" parts) leave the best candidate holding
     * only one part. The other parts are the candidate's cousins of the same tag and class whose text is prose
     * (among the elements the pass sees, in document order).
     */
    private List<Element> splitBodyParts(Element top) {
        List<Element> parts = new ArrayList<>();
        String className = Nodes.className(top);
        if (className.isBlank()) {
            return parts;
        }
        String firstClass = firstToken(className.strip());
        for (Element cousin : stats.elements()) {
            // cheapest first: the same tag and class attribute (read by exact key, see Nodes.attr), then the token
            if (cousin == top || !cousin.normalName().equals(top.normalName())
                    || !Nodes.className(cousin).equals(className) || !cousin.hasClass(firstClass)
                    || isAttached(cousin, top) || isAttached(top, cousin)) {
                continue;
            }
            int total = stats.textLength(cousin);
            if (total > 0 && proseLength(cousin) >= SPLIT_PART_MIN_PROSE_SHARE * total) {
                parts.add(cousin);
                if (parts.size() >= MAX_SPLIT_PARTS) {
                    break;
                }
            }
        }
        return parts;
    }

    /** {@code text.split("\\s+")[0]} for a text that does not start with whitespace. */
    static String firstToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MetaText.isRegexSpace(c)) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** Text length of the paragraphs under {@code element} that read as prose: long enough, few links. */
    private int proseLength(Element element) {
        return proseLength(element, stats);
    }

    private static int proseLength(Element element, TextStats stats) {
        int length = 0;
        for (Element p : Nodes.elementsNamed(element, "p")) {
            int pLength = stats.textLength(p);
            if (pLength >= 40 && stats.linkDensity(p) < 0.3) {
                length += pLength;
            }
        }
        return length;
    }

    /** The top candidate and those of its siblings that score close to it or read as prose paragraphs. */
    private List<Element> gatherSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null || isDeclaredArticle(top)) {
            return new ArrayList<>(List.of(top));
        }
        List<Element> chosen = new ArrayList<>();
        double topScore = scoreOr(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        String topClass = Nodes.className(top);
        for (int i = 0; i < parent.childNodeSize(); i++) { // by index: children() copies the list
            if (!(parent.childNode(i) instanceof Element sibling) || isExcluded(sibling)) {
                continue;
            }
            boolean append = sibling == top;
            if (!append) {
                double bonus = !topClass.isEmpty() && topClass.equals(Nodes.className(sibling))
                        ? topScore * 0.2 : 0;
                Double siblingScore = scoreOf(sibling);
                if (siblingScore != null && siblingScore + bonus >= threshold) {
                    append = true;
                } else if (sibling.normalName().equals("p")) {
                    int length = stats.textLength(sibling);
                    double density = stats.linkDensity(sibling);
                    append = length > 80 && density < 0.25
                            || length > 0 && length <= 80 && density == 0
                                    && SENTENCE_STOP.matcher(textOf(sibling)).matches();
                }
            }
            if (append) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }

    /** An element the page marks as its article: the only {@code <article>}, or {@code itemprop=articleBody}. */
    private boolean isDeclaredArticle(Element element) {
        return "articleBody".equals(Nodes.attr(element, "itemprop")) || element.nameIs("article") && uniqueArticle;
    }
}
