package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;

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

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|\\bads?\\b|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|"
                    + "footer|gdpr|consent|cookie|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
                    + "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|modal|"
                    + "newsletter|subscri|share|sharing|promo|outbrain|taboola|recommend|most-?(read|popular|viewed)|"
                    + "trending|signup|sign-up|widget|toolbar|masthead|navbar|nav-|-nav|byline|dateline|author-bio|"
                    + "tag-?list|read-?more|more-?stories|teaser|print-only|sr-only|visually-?hidden",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE_CANDIDATE = Pattern.compile(
            "and|article|body|column|content|main|shadow|story|entry|post-?text|text|embed",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose|rich-?text",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|\\bads?\\b|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|"
                    + "gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
                    + "sponsor|shopping|tags|tool|widget|social|newsletter|subscri|recommend|byline|caption|"
                    + "credit|author|timestamp|dateline",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION = Pattern.compile("caption|credit", Pattern.CASE_INSENSITIVE);
    private static final int MAX_CAPTION_CHARS = 300;
    private static final Pattern AD_LABEL = Pattern.compile(
            "\\s*(advertisement|advertising|advert|ad|sponsored|anzeige|werbung|publicidad|publicit[ée]|pubblicit[àa])"
                    + "\\s*", Pattern.CASE_INSENSITIVE);
    private static final int MAX_INLINE_LINK_CHARS = 200;
    private static final int MAX_LEAD_IN_CHARS = 30;
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
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog", "banner", "contentinfo", "search");
    private static final Set<String> JUNK_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "button", "input", "select", "textarea", "option", "dialog", "link", "meta",
            "map", "audio", "video", "source", "track");
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tr", "td", "th",
            "tbody", "thead", "br");
    private static final Set<String> CONTAINER_TAGS = Set.of("body", "div", "section", "article", "main", "center",
            "header", "footer", "aside", "blockquote", "td", "th", "li", "font", "span", "form");
    private static final Set<String> RENAMED_TO_P = Set.of("div", "section", "center");
    private static final int ANCESTOR_LEVELS = 5;
    private static final double SPLIT_PART_MIN_PROSE_SHARE = 0.8;
    private static final double LOOSER_PASS_MIN_GAIN = 1.5;

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

    private final String title;
    private final String documentTitle;
    private final Set<List<String>> evidence;
    private Map<Element, Double> scores;
    private boolean uniqueArticle;
    private TextStats stats;

    private MainContentFinder(String title, String documentTitle, Set<List<String>> evidence) {
        this.title = title == null ? "" : normalize(title);
        this.documentTitle = normalize(documentTitle);
        this.evidence = evidence;
    }

    /**
     * Finds the article content of {@code document}, which must already have its images resolved. The document is
     * not modified; the returned element is a detached, cleaned copy.
     *
     * @param title        article title (its repetition as a heading is dropped); may be null
     * @param evidenceBody JSON-LD {@code articleBody}, used only as evidence of where the article is
     * @return the content root, or empty when nothing looks like an article
     */
    public static Optional<Element> find(Document document, String title, Optional<String> evidenceBody) {
        Set<List<String>> evidence = evidenceBody.map(MainContentFinder::shingleSet).orElse(Set.of());
        MainContentFinder finder = new MainContentFinder(title, document.title(), evidence);
        Element prepared = document.body() == null ? null : document.body().clone();
        if (prepared == null) {
            return Optional.empty();
        }
        finder.removeJunk(prepared);
        wrapLooseText(prepared);
        Element best = null;
        int bestProse = 0;
        int bestLength = 0;
        for (Pass pass : Pass.values()) {
            Element content = finder.extract(prepared.clone(), pass);
            if (content == null) {
                continue;
            }
            TextStats contentStats = TextStats.of(content);
            // a looser pass must find clearly more prose, not just the boilerplate the stricter pass removed
            int prose = proseLength(content, contentStats);
            if (best == null || prose > bestProse * LOOSER_PASS_MIN_GAIN) {
                best = content;
                bestProse = prose;
                bestLength = contentStats.textLength(content);
            }
            if (bestLength >= MIN_ARTICLE_CHARS) {
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    private Element extract(Element body, Pass pass) {
        if (pass.stripUnlikely) {
            stripUnlikely(body);
        }
        stats = TextStats.of(body);
        scores = new IdentityHashMap<>();
        uniqueArticle = body.getElementsByTag("article").size() == 1;
        List<Element> candidates = scoreParagraphs(body, pass);
        if (candidates.isEmpty()) {
            return null;
        }
        Element top = chooseTop(candidates);
        List<Element> chosen = gatherSiblings(top);
        for (Element part : splitBodyParts(top, body)) {
            if (!chosen.contains(part)) {
                chosen.add(part);
            }
        }
        Element article = new Element("div");
        Element lastAppended = null;
        for (Element element : body.getAllElements()) {
            if (chosen.contains(element) && (lastAppended == null || !isAttached(element, lastAppended))) {
                article.appendChild(element.clone());
                lastAppended = element;
            }
        }
        clean(article, pass);
        return article;
    }

    /** Removes elements that never hold article text: scripts, styles, forms controls, hidden elements, comments. */
    private void removeJunk(Element body) {
        List<Node> comments = new ArrayList<>();
        body.forEachNode(node -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        });
        comments.forEach(Node::remove);
        for (Element element : body.getAllElements()) {
            if (element == body || element.parent() == null) {
                continue;
            }
            if (JUNK_TAGS.contains(element.normalName()) || isHidden(element)) {
                element.remove();
            }
        }
    }

    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden") || "true".equals(element.attr("aria-hidden")) && element.text().length() < 200) {
            return true;
        }
        String style = element.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String compact = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }

    private void stripUnlikely(Element body) {
        for (Element element : body.getAllElements()) {
            if (element == body || !isAttached(element, body)) {
                continue;
            }
            String tag = element.normalName();
            if (tag.equals("a") || tag.equals("article") || tag.equals("main") || tag.equals("body")
                    || "articleBody".equals(element.attr("itemprop"))) {
                continue;
            }
            String role = element.attr("role").toLowerCase(Locale.ROOT);
            boolean boilerplateTag = tag.equals("nav") || tag.equals("aside") || tag.equals("footer")
                    || tag.equals("header") && element.select("p").size() < 3;
            String classAndId = element.className() + " " + element.id();
            boolean unlikelyName = UNLIKELY.matcher(classAndId).find() && !MAYBE_CANDIDATE.matcher(classAndId).find()
                    && element.closest("table, pre, code") == null;
            if (boilerplateTag || unlikelyName || UNLIKELY_ROLES.contains(role)) {
                element.remove();
            }
        }
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
        Set<Element> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element block : body.getAllElements()) {
            if (!isParagraphLike(block)) {
                continue;
            }
            int length = stats.textLength(block);
            if (length < 25) {
                continue;
            }
            double score = 1 + stats.get(block).commas + Math.min(length / 100, 3);
            if (!evidence.isEmpty() && evidenceShare(block.text()) >= 0.5) {
                score = score * 3 + 5;
            }
            Element ancestor = block.parent();
            for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parent()) {
                if (ancestor.parent() == null && ancestor != body) {
                    break;
                }
                if (seen.add(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor, pass));
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
                if (ancestor == body) {
                    break;
                }
            }
        }
        for (Element candidate : candidates) {
            scores.put(candidate, scores.get(candidate) * (1 - stats.linkDensity(candidate)));
        }
        return candidates;
    }

    private static boolean isParagraphLike(Element element) {
        String tag = element.normalName();
        return tag.equals("p") || tag.equals("pre") || tag.equals("td") || tag.equals("blockquote");
    }

    /**
     * Gives loose text a paragraph of its own, as Readability does: a container without block children becomes a
     * {@code <p>}; in a container with block children, each run of text and inline elements is wrapped in a
     * {@code <p>}, and two consecutive {@code <br>} end a paragraph.
     */
    private static void wrapLooseText(Element body) {
        for (Element element : body.getAllElements()) {
            String tag = element.normalName();
            if (!CONTAINER_TAGS.contains(tag)) {
                continue;
            }
            boolean blockChild = hasBlockChild(element);
            if (!blockChild && (tag.equals("span") || tag.equals("font") || tag.equals("td") || tag.equals("th")
                    || tag.equals("li") || tag.equals("blockquote"))) {
                continue;
            }
            if (!blockChild && RENAMED_TO_P.contains(tag) && !hasBrPair(element)) {
                if (hasText(element)) {
                    element.tagName("p");
                }
                continue;
            }
            wrapRuns(element);
        }
    }

    private static void wrapRuns(Element container) {
        List<Node> run = new ArrayList<>();
        for (Node child : new ArrayList<>(container.childNodes())) {
            boolean phrasing = child instanceof org.jsoup.nodes.TextNode
                    || child instanceof Element e && !BLOCK_TAGS.contains(e.normalName());
            boolean paragraphBreak = child instanceof Element e && e.nameIs("br") && nextIsBr(e);
            if (phrasing && !paragraphBreak) {
                run.add(child);
            } else {
                wrap(run);
                run.clear();
                if (paragraphBreak) {
                    child.remove();
                }
            }
        }
        wrap(run);
    }

    private static boolean hasBrPair(Element element) {
        for (Element child : element.children()) {
            if (child.nameIs("br") && nextIsBr(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nextIsBr(Element br) {
        Node next = br.nextSibling();
        while (next instanceof org.jsoup.nodes.TextNode text && text.isBlank()) {
            next = next.nextSibling();
        }
        return next instanceof Element e && e.nameIs("br");
    }

    private static void wrap(List<Node> run) {
        boolean hasContent = false;
        for (Node node : run) {
            if (node instanceof org.jsoup.nodes.TextNode text ? !text.isBlank()
                    : node instanceof Element e && !e.nameIs("br")) {
                hasContent = true;
                break;
            }
        }
        if (!hasContent) {
            return;
        }
        Element paragraph = new Element("p");
        run.get(0).before(paragraph);
        for (Node node : run) {
            paragraph.appendChild(node);
        }
    }

    private static boolean hasText(Element element) {
        for (org.jsoup.nodes.TextNode text : element.textNodes()) {
            if (!text.isBlank()) {
                return true;
            }
        }
        return !element.text().isBlank();
    }

    private static boolean hasBlockChild(Element element) {
        for (Element child : element.children()) {
            if (BLOCK_TAGS.contains(child.normalName()) && !child.normalName().equals("br")) {
                return true;
            }
        }
        return false;
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
        return score + classWeight(element, pass);
    }

    private static double classWeight(Element element, Pass pass) {
        if (!pass.weighClasses) {
            return 0;
        }
        double weight = 0;
        for (String name : List.of(element.className(), element.id())) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    private Element chooseTop(List<Element> candidates) {
        List<Element> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble((Element e) -> scores.get(e)).reversed());
        Element top = ranked.get(0);
        double topScore = scores.get(top);
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            if (scores.get(ranked.get(i)) >= topScore * 0.75) {
                alternatives.add(ranked.get(i));
            }
        }
        if (alternatives.size() >= 3) {
            for (Element parent = top.parent(); parent != null && !parent.normalName().equals("body");
                 parent = parent.parent()) {
                int contained = 0;
                for (Element alternative : alternatives) {
                    if (isAttached(alternative, parent)) {
                        contained++;
                    }
                }
                if (contained >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        // climb while the parent holds clearly more of the scored text than the candidate alone
        double lastScore = scores.getOrDefault(top, 0.0);
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && !parent.normalName().equals("body");
             parent = parent.parent()) {
            Double parentScore = scores.get(parent);
            if (parentScore == null || parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                top = parent;
                break;
            }
            lastScore = parentScore;
        }
        while (top.parent() != null && !top.parent().normalName().equals("body") && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /**
     * Articles split into several containers (chunks between ads, "continued" parts) leave the best candidate holding
     * only one part. The other parts are the candidate's cousins of the same tag and class whose text is prose.
     */
    private List<Element> splitBodyParts(Element top, Element body) {
        List<Element> parts = new ArrayList<>();
        String className = top.className();
        if (className.isBlank()) {
            return parts;
        }
        for (Element cousin : body.getElementsByClass(className.strip().split("\\s+")[0])) {
            if (cousin == top || !cousin.normalName().equals(top.normalName())
                    || !cousin.className().equals(className) || isAttached(cousin, top) || isAttached(top, cousin)) {
                continue;
            }
            int total = stats.textLength(cousin);
            if (total > 0 && proseLength(cousin) >= SPLIT_PART_MIN_PROSE_SHARE * total) {
                parts.add(cousin);
            }
        }
        return parts;
    }

    /** Text length of the paragraphs under {@code element} that read as prose: long enough, few links. */
    private int proseLength(Element element) {
        return proseLength(element, stats);
    }

    private static int proseLength(Element element, TextStats stats) {
        int length = 0;
        for (Element p : element.getElementsByTag("p")) {
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
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sibling : parent.children()) {
            boolean append = sibling == top;
            if (!append) {
                double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
                        ? topScore * 0.2 : 0;
                Double siblingScore = scores.get(sibling);
                if (siblingScore != null && siblingScore + bonus >= threshold) {
                    append = true;
                } else if (sibling.normalName().equals("p")) {
                    int length = stats.textLength(sibling);
                    double density = stats.linkDensity(sibling);
                    append = length > 80 && density < 0.25
                            || length > 0 && length <= 80 && density == 0 && sibling.text().matches(".*\\.( |$).*");
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
        return "articleBody".equals(element.attr("itemprop")) || element.nameIs("article") && uniqueArticle;
    }

    /** Removes boilerplate inside the chosen content. */
    private void clean(Element article, Pass pass) {
        article.select("h1").remove();
        removeHoverCards(article);
        removeMetadataLines(article);
        removeCaptionsAndLabels(article);
        stats = TextStats.of(article);
        for (Element heading : article.select("h2, h3, h4, h5, h6")) {
            if (classWeight(heading, pass) < 0 || stats.linkDensity(heading) > 0.33
                    || !title.isEmpty() && normalize(heading.text()).equals(title)) {
                heading.remove();
            }
        }
        if (pass.cleanConditionally) {
            stats = TextStats.of(article);
            for (String tag : List.of("form", "fieldset", "table", "ul", "ol", "div", "section", "header", "footer",
                    "aside", "figure")) {
                Elements elements = article.getElementsByTag(tag);
                for (int i = elements.size() - 1; i >= 0; i--) {
                    Element element = elements.get(i);
                    if (element != article && isAttached(element, article) && shouldRemove(element, pass)) {
                        element.remove();
                    }
                }
            }
        }
        for (Element p : article.select("p")) {
            if (p.text().isBlank() && p.select("img").isEmpty()) {
                p.remove();
            }
        }
        trimLinkBlocksAtEdges(article);
    }

    /**
     * Removes the run of link-only blocks at the end of the content (related-story lists written as paragraphs) and
     * the short lead-in line before it ("You may also like..."), and link-only blocks at the start (breadcrumbs).
     */
    private void trimLinkBlocksAtEdges(Element article) {
        stats = TextStats.of(article);
        List<Element> blocks = new ArrayList<>();
        for (Element element : article.getAllElements()) {
            if (element != article && TextWriter.BLOCKS.contains(element.normalName()) && !hasBlockChild(element)
                    && stats.textLength(element) > 0) {
                blocks.add(element);
            }
        }
        int end = blocks.size() - 1;
        boolean removedAtEnd = false;
        while (end >= 0 && isTrailingBoilerplate(blocks.get(end), removedAtEnd)) {
            blocks.get(end--).remove();
            removedAtEnd = true;
        }
        int start = 0;
        while (start <= end && (isLinkBlock(blocks.get(start)) || isRepeatedTitle(blocks.get(start))
                || isUiLine(blocks.get(start)) || start < MAX_LEADING_DATE_LINES
                && (isDateLine(blocks.get(start)) || isBylineLine(blocks.get(start))))) {
            blocks.get(start++).remove();
        }
        // "Read more: <headline>" paragraphs inside the article, and a short lead-in right before them
        for (int i = start; i <= end; i++) {
            Element block = blocks.get(i);
            if (block.nameIs("p") && isLinkBlock(block) && stats.textLength(block) < MAX_INLINE_LINK_CHARS) {
                block.remove();
                if (i > start && blocks.get(i - 1).parent() != null && isLeadIn(blocks.get(i - 1))
                        && stats.textLength(blocks.get(i - 1)) <= MAX_LEAD_IN_CHARS) {
                    blocks.get(i - 1).remove();
                }
            }
        }
    }

    /**
     * Whether the last block is boilerplate: a link list item, a comment counter, a share/reading-time line, a heading
     * with nothing under it, or the lead-in ("You may also like...") of removed links.
     */
    private boolean isTrailingBoilerplate(Element block, boolean followedByRemovedBlock) {
        String text = block.text().strip();
        return isLinkBlock(block) || isCommentCounter(block) || isUiLine(block)
                || block.normalName().matches("h[1-6]") || followedByRemovedBlock && isLeadIn(block);
    }

    /** A short interface line: share prompts, reading time, text size controls. */
    private static boolean isUiLine(Element block) {
        String text = block.text().strip();
        return text.length() <= MAX_UI_LINE_CHARS && text.split("\\s+").length <= MAX_UI_LINE_WORDS
                && UI_LINE.matcher(text).find();
    }

    /** The headline repeated as the first block (as the title or the start of the page's {@code <title>}). */
    private boolean isRepeatedTitle(Element block) {
        String text = normalize(block.text());
        return !text.isEmpty() && (text.equals(title) || text.length() >= MIN_TITLE_CHARS
                && documentTitle.startsWith(text) || text.equals(documentTitle));
    }

    /** A short line that is mostly a date ("Nov. 20, 2019 5:52 AM EST", "Posted on March 30, 2015 by Admin"). */
    private static boolean isDateLine(Element block) {
        String text = block.text().strip();
        return text.length() <= MAX_DATE_LINE_CHARS && YEAR.matcher(text).find()
                && text.split("\\s+").length <= MAX_DATE_LINE_WORDS;
    }

    /** A short "By Jane Doe" line. */
    private static boolean isBylineLine(Element block) {
        String text = block.text().strip();
        return text.length() <= MAX_BYLINE_CHARS && BYLINE.matcher(text).lookingAt();
    }

    /** Comment counters that close a page (copyright lines stay: wire stories carry them as part of the text). */
    private static boolean isCommentCounter(Element block) {
        return COMMENT_COUNTER.matcher(block.text().strip()).matches();
    }

    private boolean isLinkBlock(Element block) {
        return stats.linkDensity(block) > 0.8;
    }

    private boolean isLeadIn(Element block) {
        String text = block.text().strip();
        return text.length() < 60 && (text.endsWith(":") || text.endsWith("...") || text.endsWith("\u2026")
                || !text.matches(".*[.!?\"\u201d]$"));
    }

    /**
     * Hover cards (a person's photo and latest headlines shown on mouse-over, hidden by CSS) sit inside paragraphs
     * as inline elements holding an image and several links; prose never does.
     */
    private static void removeHoverCards(Element article) {
        Elements spans = article.select("p span:has(img)");
        for (int i = spans.size() - 1; i >= 0; i--) {
            Element inline = spans.get(i);
            Element paragraph = inline.closest("p");
            if (inline.parent() == null || paragraph == null || inline.select("img").isEmpty()
                    || inline.select("a").size() < 2) {
                continue;
            }
            int spanText = inline.text().length();
            int linkText = inline.select("a").text().length();
            if (linkText > spanText * 0.8 && paragraph.text().length() - spanText >= 20) {
                inline.remove();
            }
        }
    }

    /**
     * Dates, bylines and tag lists marked up as such (schema.org {@code itemprop}, {@code rel=tag}) are metadata, not
     * prose; the metadata extractor has already read them.
     */
    private void removeMetadataLines(Element article) {
        for (Element element : article.select("[itemprop~=^(datePublished|dateModified|dateCreated|author|publisher"
                + "|keywords)$], [rel~=^author$]")) {
            if (element.parent() != null && element.text().length() < 200) {
                element.remove();
            }
        }
        stats = TextStats.of(article);
        for (Element tagLink : article.select("a[rel~=^tag$]")) {
            Element block = tagLink.parent();
            while (block != null && block != article && !TextWriter.BLOCKS.contains(block.normalName())) {
                block = block.parent();
            }
            if (block != null && block != article && block.parent() != null && stats.linkDensity(block) > 0.5) {
                block.remove();
            }
        }
    }

    /**
     * Image captions and credits outside {@code <figcaption>} (marked by class names), and blocks that are only an
     * advertising label, are not part of the article's prose.
     */
    private static void removeCaptionsAndLabels(Element article) {
        for (Element element : article.getAllElements()) {
            if (element == article || element.parent() == null) {
                continue;
            }
            String text = element.text();
            if (CAPTION.matcher(element.className()).find() && text.length() < MAX_CAPTION_CHARS
                    && element.getElementsByTag("p").size() <= 1
                    || TextWriter.BLOCKS.contains(element.normalName()) && AD_LABEL.matcher(text).matches()) {
                element.remove();
            }
        }
    }

    private boolean shouldRemove(Element element, Pass pass) {
        String tag = element.normalName();
        boolean isList = tag.equals("ul") || tag.equals("ol");
        TextStats.Counts c = stats.get(element);
        if (isQuoteEmbed(element, c)) {
            return false;
        }
        double weight = classWeight(element, pass);
        if (weight + (scores.getOrDefault(element, 0.0)) < 0) {
            return true;
        }
        if (tag.equals("table") && isDataTable(element)) {
            return false;
        }
        if (element.closest("pre, code") != null) {
            return false;
        }
        if (c.commas >= 10) {
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
        boolean hasEvidence = !evidence.isEmpty() && length > 0 && evidenceShare(element.text()) >= 0.6;
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

    /** An embedded quote (a post quoted from a social network): mostly blockquote text, not mostly links. */
    private boolean isQuoteEmbed(Element element, TextStats.Counts counts) {
        if (counts.textLength == 0 || stats.linkDensity(element) > 0.5) {
            return false;
        }
        int quoted = 0;
        for (Element quote : element.getElementsByTag("blockquote")) {
            if (quote.parent() != null && quote.parent().closest("blockquote") == null) {
                quoted += stats.textLength(quote);
            }
        }
        return quoted >= counts.textLength * 0.6;
    }

    private static boolean isDataTable(Element table) {
        if ("presentation".equals(table.attr("role"))) {
            return false;
        }
        return !table.select("th, caption, thead").isEmpty()
                || table.select("table").size() == 1 && table.select("tr").size() >= 2
                && table.selectFirst("tr").select("td, th").size() >= 2 && table.select("tr").size() * 2 < 200;
    }

    private double evidenceShare(String text) {
        Set<List<String>> shingles = shingleSet(text);
        if (shingles.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (List<String> shingle : shingles) {
            if (evidence.contains(shingle)) {
                found++;
            }
        }
        return (double) found / shingles.size();
    }

    private static Set<List<String>> shingleSet(String text) {
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Set<List<String>> shingles = new HashSet<>();
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            shingles.add(List.copyOf(tokens.subList(i, i + 4)));
        }
        if (tokens.size() < 4 && !tokens.isEmpty()) {
            shingles.add(List.copyOf(tokens));
        }
        return shingles;
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    private static String normalize(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
