package newsroom.extract.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;

import newsroom.extract.Field;

/**
 * Chooses a page's headline among the places that state it, and strips the site name from it.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>The declared titles are JSON-LD {@code headline} (then {@code name}), {@code og:title},
 *       {@code twitter:title}, {@code <title>}, {@code dc.title}, {@code parsely-title}, microdata
 *       {@code itemprop=headline}. Each is split at title separators ({@code |}, {@code -}, {@code –}, {@code —},
 *       {@code ·}, {@code •}, {@code »}, {@code :}, {@code ::},
 *       {@code //}, {@code ~} between spaces); leading and trailing segments that name the site (see
 *       {@link SiteIdentity}) are dropped, never the last segment left (a leading one that is the site's domain
 *       first). A trailing segment that another declared title lacks while they share the rest is dropped too (what
 *       repeats is the headline).</li>
 *   <li>Headings: the page's {@code <h1>} elements that are not the site's logo or name (inside a link to the home
 *       page, in a page-level {@code <header>}, {@code <nav>}, {@code <footer>} or {@code <aside>}, or named
 *       logo/brand/site-title) nor a slide of a carousel. When no {@code <h1>} agrees with a declared title, the
 *       first {@code <h2>} elements before the first paragraph of article text are considered the same way (old
 *       blog themes put the post title there); when every declared title is only the site's name and no {@code <h1>}
 *       is usable, the first of them is the headline.</li>
 *   <li>A heading <em>agrees</em> when at least half its words occur in a declared title with its site name
 *       stripped (words compared by their first five letters, or one long word holding the other). The agreeing
 *       {@code <h1>} with most agreement wins, first in document order on a tie; the page's one usable {@code <h1>}
 *       also wins with a quarter agreement, or with none when only {@code <title>} is declared, unless it names the
 *       site and agrees with no headline. Parts of the heading marked as kicker or subtitle are left out, and a
 *       heading that is a declared title plus a kicker in its own element gives that title's words.</li>
 *   <li>Otherwise the first declared title in the order above, site name stripped; a declared title that is only
 *       the site's name does not count. With no declared title, the first usable {@code <h1>}.</li>
 * </ol>
 */
final class TitleChooser {

    static final Pattern SEPARATOR = Pattern.compile(
            "\\s+(?:[|\\-\\u2013\\u2014\\u00B7\\u2022\\u00BB\\u00AB:~/\\u2502]|::|//|>>|<<)\\s+|\\s*[|\\u2502]\\s*");
    /** Separator characters left at either end once a segment is gone ("National Rail Enquiries -"). */
    static final Pattern DANGLING = Pattern.compile(
            "^[\\s|\\-\\u2013\\u2014\\u00B7\\u2022\\u00BB\\u00AB:~/\\u2502>]+"
            + "|[\\s|\\-\\u2013\\u2014\\u00B7\\u2022\\u00AB:~/\\u2502<]+$");
    /** The characters {@link #DANGLING} removes at the start and at the end, besides whitespace. */
    private static final String DANGLING_LEADING = "|-\u2013\u2014\u00B7\u2022\u00BB\u00AB:~/\u2502>";
    private static final String DANGLING_TRAILING = "|-\u2013\u2014\u00B7\u2022\u00AB:~/\u2502<";
    /** Every match of {@link #SEPARATOR} holds one of these. */
    private static final String SEPARATOR_CHARS = "|-\u2013\u2014\u00B7\u2022\u00BB\u00AB:~/\u2502<>";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A host name as a title segment ("mediaarchitecture.de", "www.example-news.com"). */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)(?:www\\.)?[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.[a-z]{2,6}");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u00AB\\u00BB]");
    private static final Pattern HOME_URL = Pattern.compile("(?i)https?://[^/?#]+/?(index\\.\\w+)?");
    static final Pattern LOGO_NAME = Pattern.compile(
            "(?i)logo|brand|site-?title|site-?name|sitename|masthead|carousel|slider|swiper"
                    + "|slick|navbar");
    /** Each word {@link #LOGO_NAME} matches holds one of these: a name without any is not matched against it. */
    private static final WordSearch LOGO_STEMS = WordSearch.of(List.of(
            "logo", "brand", "site", "masthead", "carousel", "slider", "swiper", "slick", "navbar"));
    private static final int MAX_HEADINGS = 12;
    private static final int MAX_H2 = 4;
    /** A paragraph this long is article text: an {@code <h2>} after it is a section heading, not the title. */
    private static final int ARTICLE_PARAGRAPH_CHARS = 150;
    private static final int MAX_TITLE_CHARS = 400;
    private static final double AGREEMENT = 0.5;
    private static final double WEAK_AGREEMENT = 0.25;
    private static final Pattern KICKER_NAME = Pattern.compile("(?i)kicker|roofline|topline|dachzeile|overline"
            + "|subtitle|subline|untertitel|visually-?hidden|sr-only|screen-reader|hidden");
    private static final Evaluator KICKER_PARTS = Selector.evaluatorOf(
            "[class~=(?i)kicker|roofline|topline|dachzeile|overline|subtitle|subline|untertitel|visually-?hidden"
                    + "|sr-only|screen-reader|hidden]");
    private static final int MIN_KICKED_TITLE = 12;
    private static final int STEM = 5;

    /** A declared title; {@code key} is the first {@link SiteIdentity#keys} of {@code stripped}. */
    private record Declared(String text, String stripped, String origin, Set<String> stems, List<String> words,
                            boolean siteOnly, String key) {
    }

    /** {@code shared}: {@link #sharedWords} of the text with the declared titles it was chosen against. */
    private record Heading(Element element, String text, String origin, double agreement, int shared) {
    }

    private TitleChooser() {
    }

    /**
     * @param scan        the page's {@code <h1>} and {@code <h2>} elements
     * @param document    the page, untouched
     * @param declared    the page's declared titles in order of trust, as (text, origin) fields
     * @param site        the site's names
     */
    static Optional<Field<String>> choose(PageScan scan, Document document, List<Field<String>> declared,
            SiteIdentity site) {
        List<Declared> titles = new ArrayList<>();
        // pages declare one text several times (og:title, twitter:title, the JSON-LD headline): all that follows
        // from a text, everything of a Declared but its origin, is worked out once per text
        Map<String, Declared> byText = new HashMap<>();
        for (Field<String> field : declared) {
            String text = clean(field.value());
            if (!text.isEmpty() && text.length() <= MAX_TITLE_CHARS) {
                Declared same = byText.get(text);
                if (same == null) {
                    String stripped = stripSiteName(text, site);
                    // a heading agrees with the headline part, not with the site name beside it ("DimidoBlog")
                    List<String> words = words(stripped);
                    List<String> keys = SiteIdentity.keys(stripped);
                    Declared title = new Declared(text, stripped, field.origin(), stems(words), words,
                            site.names(stripped, keys), keys.get(0));
                    byText.put(text, title);
                    titles.add(title);
                } else {
                    titles.add(new Declared(text, same.stripped(), field.origin(), same.stems(), same.words(),
                            same.siteOnly(), same.key()));
                }
            }
        }
        titles = dropUnsharedTails(titles);
        // a declared title that is only the site's name ("Anwalt Niemeyer" on every page) states no headline
        List<Declared> headlines = titles.stream().filter(t -> !t.siteOnly()).toList();
        boolean articleTitleDeclared = headlines.stream().anyMatch(t -> !t.origin().equals("title"));
        List<Element> h1s = usableHeadings(scan.h1s.stream().map(PageScan.Placed::element).toList(), site,
                MAX_HEADINGS);
        Optional<Heading> heading = bestHeading(h1s, "h1", headlines, AGREEMENT)
                .filter(h1 -> statesTwoWords(h1.shared(), headlines));
        if (heading.isEmpty() && h1s.size() == 1 && !onlyNamesSite(h1s.get(0), headlines, site)) {
            // the one headline-like <h1> of the page, when it agrees a little or nothing better is declared
            heading = bestHeading(h1s, "h1", headlines, articleTitleDeclared ? WEAK_AGREEMENT : 0);
        }
        if (heading.isEmpty() && (!headlines.isEmpty() || h1s.isEmpty() && !titles.isEmpty())) {
            List<Element> h2s = usableHeadings(scan.h2s, site, MAX_H2);
            Set<Element> beforeText = precedingArticleText(document, h2s);
            h2s.removeIf(h2 -> !beforeText.contains(h2));
            // with no headline declared (only the site's name) and no <h1>, the first <h2> before the article text
            heading = headlines.isEmpty()
                    ? h2s.stream().findFirst().map(h2 -> new Heading(h2, headingText(h2), "h2", 0, 0))
                    : bestHeading(h2s, "h2", headlines, AGREEMENT);
        }
        if (heading.isPresent()) {
            // the heading's key serves both steps when no kicker is dropped
            String key = SiteIdentity.keys(heading.get().text()).get(0);
            Field<String> kept = withoutKicker(heading.get(), key, headlines);
            String keptKey = kept.value().equals(heading.get().text()) ? key : SiteIdentity.keys(kept.value()).get(0);
            return Optional.of(declaredOrigin(kept, keptKey, headlines));
        }
        if (!headlines.isEmpty()) {
            Declared first = headlines.get(0);
            return Optional.of(new Field<>(first.stripped(), first.origin()));
        }
        if (!titles.isEmpty()) {
            Declared first = titles.get(0);
            return Optional.of(new Field<>(first.stripped(), first.origin()));
        }
        return Optional.empty();
    }

    /**
     * A heading that names the site and shares no word with any declared headline (the site name stripped): the
     * site's name in a logo heading ("DimidoBlog" beside the title "Was ist Virales Marketing? | DimidoBlog").
     */
    private static boolean onlyNamesSite(Element heading, List<Declared> headlines, SiteIdentity site) {
        String text = headingText(heading);
        return site.names(text) && (headlines.isEmpty() || agreement(text, headlines) == 0);
    }

    /**
     * The heading's text, with the origin of the most trusted declared title that states the same words.
     *
     * @param key the first {@link SiteIdentity#keys} of the heading's text
     */
    private static Field<String> declaredOrigin(Field<String> heading, String key, List<Declared> titles) {
        for (Declared title : titles) {
            if (title.key().equals(key)) {
                return new Field<>(heading.value(), title.origin());
            }
        }
        return heading;
    }

    /**
     * A heading made of a declared title plus a kicker or subtitle in their own elements ({@code <span>Ernährung
     * sichern</span> Schulze: …}) gives the part that a declared title states.
     *
     * @param key the first {@link SiteIdentity#keys} of the heading's text
     */
    private static Field<String> withoutKicker(Heading heading, String key, List<Declared> titles) {
        for (Element part : heading.element().getAllElements()) {
            for (String text : List.of(part.ownText(), part == heading.element() ? "" : part.text())) {
                if (text.isEmpty() || text.equals(heading.text())) {
                    // no key (an empty text's is empty), or the heading's own key: never shorter than itself
                    continue;
                }
                String partKey = SiteIdentity.keys(text).get(0);
                if (partKey.length() < MIN_KICKED_TITLE || partKey.length() >= key.length()) {
                    continue;
                }
                for (Declared title : titles) {
                    if (title.key().equals(partKey)) {
                        return new Field<>(withoutDangling(clean(text)), heading.origin());
                    }
                }
            }
        }
        return new Field<>(heading.text(), heading.origin());
    }

    /**
     * A heading's text without the parts its markup names as kicker, roof line, subtitle or screen-reader-only label.
     */
    private static String headingText(Element heading) {
        if (heading.selectFirst(KICKER_PARTS) == null) {
            return clean(heading.text());
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element && element != heading
                        && KICKER_NAME.matcher(element.className()).find()) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText()).append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, heading);
        String kept = withoutDangling(clean(text.toString()));
        return kept.isEmpty() ? clean(heading.text()) : kept;
    }

    /** Drops leading and trailing separator-delimited segments that name the site; keeps at least one segment. */
    static String stripSiteName(String raw, SiteIdentity site) {
        String trimmed = withoutDangling(raw);
        String title = trimmed.isEmpty() ? raw : trimmed;
        List<String> segments = segments(title);
        if (segments.size() < 2) {
            return title;
        }
        int from = 0;
        int to = segments.size();
        boolean changed = true;
        while (changed && to - from > 1) {
            changed = false;
            if (isDomain(segments.get(from)) && site.names(segments.get(from))) {
                // the site's address names the site more surely than a name it shares with the headline
                from++;
                changed = true;
            } else if (site.names(segments.get(to - 1))) {
                to--;
                changed = true;
            } else if (site.names(segments.get(from))) {
                from++;
                changed = true;
            }
        }
        return join(title, segments, from, to);
    }

    private static boolean isDomain(String segment) {
        // every match holds a dot before its top-level domain
        return segment.indexOf('.') >= 0 && DOMAIN.matcher(segment.strip()).matches();
    }

    /**
     * When one declared title is another plus trailing segments ({@code "A | B"} and {@code "A"}), the tail is the
     * site's or a tagline: every title that carries it is cut to the shared part.
     */
    private static List<Declared> dropUnsharedTails(List<Declared> titles) {
        List<Declared> out = new ArrayList<>(titles.size());
        // normalize is a pure function of its text, asked of the same few texts for every pair: once per text
        Map<String, String> normalized = new HashMap<>();
        Function<String, String> normal = text -> normalized.computeIfAbsent(text, TitleChooser::normalize);
        for (Declared title : titles) {
            String best = title.stripped();
            List<String> segments = segments(best);
            for (Declared other : titles) {
                String shorter = other.stripped();
                if (segments.size() > 1 && shorter.length() < best.length()
                        && normal.apply(best).startsWith(normal.apply(shorter))) {
                    for (int to = segments.size() - 1; to >= 1; to--) {
                        String head = join(best, segments, 0, to);
                        if (normalize(head).equals(normal.apply(shorter))) {
                            best = head;
                            segments = segments(best);
                            break;
                        }
                    }
                }
            }
            out.add(best.equals(title.stripped()) ? title
                    : new Declared(title.text(), best, title.origin(), title.stems(), title.words(),
                    title.siteOnly(), SiteIdentity.keys(best).get(0)));
        }
        return out;
    }

    private static List<Element> usableHeadings(List<Element> candidates, SiteIdentity site, int limit) {
        List<Element> headings = new ArrayList<>();
        for (Element element : candidates) {
            String text = clean(element.text());
            if (text.isEmpty() || text.length() > MAX_TITLE_CHARS || isSiteHeading(element, text, site)) {
                continue;
            }
            headings.add(element);
            if (headings.size() >= limit) {
                break;
            }
        }
        return headings;
    }

    /**
     * The heading that agrees with a declared title at least {@code minimum}, and of those the one that shares most
     * words with it, then the one with the highest share: a section heading of one word found in the title
     * ("Отзывы" in "Диета Аткинса (14 дней) - потеря веса до 10 кг. Отзывы") agrees fully but says less than the
     * headline that states most of the title.
     */
    private static Optional<Heading> bestHeading(List<Element> headings, String origin, List<Declared> titles,
            double minimum) {
        Heading best = null;
        int bestShared = 0;
        for (Element element : headings) {
            String text = headingText(element);
            // the heading's words and their matches, once for both measures
            List<String> words = titles.isEmpty() ? List.of() : words(text);
            int shared = titles.isEmpty() ? 0 : sharedWords(words, titles);
            double agreement = words.isEmpty() ? 0 : (double) shared / words.size();
            if (agreement >= minimum && (best == null || shared > bestShared
                    || shared == bestShared && agreement > best.agreement())) {
                best = new Heading(element, text, origin, agreement, shared);
                bestShared = shared;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether an agreeing heading states at least two words of a declared title, or a whole declared title of one
     * word: a one-word category heading ("Literatur") found in a breadcrumb-like {@code <title>} ("Kultur |
     * Literatur | 30.11. | Buch der Woche") agrees fully but states none of the headline.
     */
    private static boolean statesTwoWords(int sharedWords, List<Declared> titles) {
        return sharedWords >= 2 || titles.stream().anyMatch(t -> t.words().size() <= 1);
    }

    /**
     * The most of the heading's words found in one declared title (matched as in {@link #agreement}). Divided by the
     * number of words, it is {@link #agreement}: the largest share is that of the largest count.
     */
    private static int sharedWords(List<String> words, List<Declared> titles) {
        int best = 0;
        for (Declared title : titles) {
            int found = 0;
            for (String word : words) {
                if (title.stems().contains(stem(word)) || holdsOrIsHeld(word, title.words())) {
                    found++;
                }
            }
            best = Math.max(best, found);
        }
        return best;
    }

    /**
     * The headings that come before the first paragraph of article text: a post title does, a section heading of the
     * article ("Kindle for PC und KeePass") comes after its introduction. One walk of the body for all of them, up
     * to that paragraph or the last heading: a heading is reached in it exactly when a walk of its own would reach
     * it before such a paragraph.
     */
    private static Set<Element> precedingArticleText(Document document, List<Element> headings) {
        Set<Element> before = Collections.newSetFromMap(new IdentityHashMap<>());
        Element body = document.body();
        if (body == null || headings.isEmpty()) {
            return before;
        }
        Set<Element> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(headings);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element && wanted.contains(element)) {
                    before.add(element);
                    return before.size() == wanted.size() ? FilterResult.STOP : FilterResult.CONTINUE;
                }
                if (node instanceof Element element && element.tagName().equals("p")
                        && element.text().length() >= ARTICLE_PARAGRAPH_CHARS) {
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return before;
    }

    /**
     * Share of the heading's words found in the declared title that holds most of them. Words match by their first
     * five letters, or when one long word holds the other ("Chorgeschichte" and "Geschichte").
     */
    private static double agreement(String heading, List<Declared> titles) {
        List<String> words = words(heading);
        return words.isEmpty() ? 0 : (double) sharedWords(words, titles) / words.size();
    }

    private static boolean holdsOrIsHeld(String word, List<String> others) {
        if (word.length() < STEM) {
            return false;
        }
        for (String other : others) {
            if (other.length() >= STEM && (word.contains(other) || other.contains(word))) {
                return true;
            }
        }
        return false;
    }

    /** A heading that is the site's name or logo, or sits in navigation, page header, footer or sidebar. */
    private static boolean isSiteHeading(Element heading, String text, SiteIdentity site) {
        return site.isExactly(text) || isSiteChrome(heading);
    }

    /**
     * A heading that sits in the site's frame rather than an article: in navigation, the page's header, a footer or
     * a sidebar, in a sidebar widget (a class word starting with "widget": {@code widget}, {@code widgettitle},
     * {@code widget_rss}; not a page builder's {@code elementor-widget}) or a newsletter sign-up box (a class word
     * starting with "newsletter"), inside a link to the home page, or in a logo, brand or site-title block.
     */
    static boolean isSiteChrome(Element heading) {
        boolean inContent = false;
        int depth = 0;
        for (Element e = heading; e != null && !e.tagName().equals("body"); e = e.parent(), depth++) {
            String tag = e.tagName();
            if (tag.equals("article") || tag.equals("main")) {
                inContent = true;
            }
            if (tag.equals("nav") || tag.equals("footer") || tag.equals("aside")) {
                return true;
            }
            if (tag.equals("header") && !inContent && isPageHeader(e)) {
                return true;
            }
            if (tag.equals("a") && isHomeLink(e.attr("href")) || isWidget(e)) {
                return true;
            }
            if (depth <= 3 && (isLogoName(e.className()) || isLogoName(e.id()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@code <header>} of the page rather than of an article: not inside article, main or section, and near the top
     * of the page or holding the navigation.
     */
    private static boolean isPageHeader(Element header) {
        int depth = 0;
        for (Element e = header.parent(); e != null && !e.tagName().equals("body"); e = e.parent()) {
            if (e.tagName().equals("article") || e.tagName().equals("main") || e.tagName().equals("section")) {
                return false;
            }
            depth++;
        }
        String names = (header.className() + " " + header.id()).toLowerCase(Locale.ROOT);
        if (names.contains("entry") || names.contains("article") || names.contains("post")
                || names.contains("content")) {
            return false;
        }
        return depth <= 2 || names.contains("site") || names.contains("masthead") || names.contains("banner")
                || header.selectFirst("nav") != null;
    }

    /** A sidebar widget or a newsletter sign-up box: a class word that starts with "widget" or "newsletter". */
    private static boolean isWidget(Element element) {
        String className = element.className();
        if (!className.contains("widget") && !className.contains("newsletter")) {
            return false;
        }
        for (String word : WHITESPACE.split(className.strip())) {
            if (word.regionMatches(true, 0, "widget", 0, "widget".length())
                    || word.regionMatches(true, 0, "newsletter", 0, "newsletter".length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHomeLink(String href) {
        String h = href.strip();
        return h.equals("/") || h.equals("./") || HOME_URL.matcher(h).matches();
    }

    static boolean isLogoName(String name) {
        return LOGO_STEMS.foundIn(name) && LOGO_NAME.matcher(name).find();
    }

    /** {@code DANGLING.matcher(text).replaceAll("")}, without a matcher when neither end holds such a character. */
    static String withoutDangling(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean leading = MetaText.isRegexSpace(first) || DANGLING_LEADING.indexOf(first) >= 0;
        boolean trailing = MetaText.isRegexSpace(text.charAt(text.length() - 1))
                || MetaText.mayEndWith(text, DANGLING_TRAILING);
        return leading || trailing ? DANGLING.matcher(text).replaceAll("") : text;
    }

    static List<String> segments(String title) {
        if (!maySeparate(title)) {
            List<String> segments = new ArrayList<>();
            segments.add(title);
            return segments;
        }
        return segmentsByRegex(title);
    }

    /** {@link #segments} by {@link #SEPARATOR} alone, without the test of {@link #maySeparate}. */
    static List<String> segmentsByRegex(String title) {
        List<String> segments = new ArrayList<>();
        Matcher m = SEPARATOR.matcher(title);
        int start = 0;
        while (m.find()) {
            segments.add(title.substring(start, m.start()));
            start = m.end();
        }
        segments.add(title.substring(start));
        return segments;
    }

    /**
     * Whether {@link #SEPARATOR} may match in the text: only if it holds {@code |} or {@code \u2502} (the second
     * alternative), or whitespace right before one of {@link #SEPARATOR_CHARS} (the first alternative: each of its
     * separators starts with such a character, after {@code \s+}). A hyphenated word or a colon after a word
     * ("Covid-19: …") is then no reason to run the expression.
     */
    private static boolean maySeparate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '|' || c == '\u2502'
                    || i > 0 && MetaText.isRegexSpace(text.charAt(i - 1)) && SEPARATOR_CHARS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The original text from the start of segment {@code from} to the end of segment {@code to - 1}. */
    private static String join(String title, List<String> segments, int from, int to) {
        int start = 0;
        int offset = 0;
        int end = title.length();
        for (int i = 0; i < segments.size(); i++) {
            int at = title.indexOf(segments.get(i), offset);
            if (i == from) {
                start = at;
            }
            if (i == to - 1) {
                end = at + segments.get(i).length();
            }
            offset = at + segments.get(i).length();
        }
        String joined = withoutDangling(title.substring(start, end));
        return joined.isEmpty() ? title : joined;
    }

    private static Set<String> stems(List<String> words) {
        Set<String> stems = new HashSet<>();
        for (String word : words) {
            stems.add(stem(word));
        }
        return stems;
    }

    /** The runs of letters and numbers ({@code [\p{L}\p{N}]+}, by code point) of the normalised text. */
    static List<String> words(String text) {
        return TextRuns.of(normalize(text), TitleChooser::isLetterOrNumber);
    }

    /** What {@code [\p{L}\p{N}]} matches: a letter, or a decimal digit, letter number or other number. */
    private static boolean isLetterOrNumber(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static String stem(String word) {
        return word.length() <= STEM ? word : word.substring(0, STEM);
    }

    static String normalize(String text) {
        if (isLatin1Letters(text)) {
            // NFKC leaves these characters as they are, and none of the replaced dashes and quotes is among them
            return text.toLowerCase(Locale.ROOT).strip();
        }
        return normalizeByUnicode(text);
    }

    /** {@link #normalize} of any text: compatibility composition, lower case, one dash and one quote of each kind. */
    static String normalizeByUnicode(String text) {
        String folded = Normalizer.normalize(text.replace("\u00AD", ""), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = DASHES.matcher(folded).replaceAll("-");
        folded = SINGLE_QUOTES.matcher(folded).replaceAll("'");
        return DOUBLE_QUOTES.matcher(folded).replaceAll("\"").strip();
    }

    /**
     * Whether the text has only characters below U+00A0 or Latin-1 letters (U+00C0 to U+00FF): no soft hyphen,
     * no compatibility character (U+00A0 to U+00BF), no quote or dash that {@link #normalize} replaces.
     */
    private static boolean isLatin1Letters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xA0 && c < 0xC0 || c >= 0x100) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        return MetaText.clean(value, true);
    }
}
