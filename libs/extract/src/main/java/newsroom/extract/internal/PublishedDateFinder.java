package newsroom.extract.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

import newsroom.core.date.DateParser;
import newsroom.extract.ArticleDate;
import newsroom.extract.Field;

/**
 * Finds a page's publication and modification dates. It collects candidates from every place a page states a date,
 * then chooses by documented rules (docs/extraction.md, "Publication date").
 *
 * <p>Candidates: JSON-LD objects of any type ({@code @graph} and nested objects included; the article object ranks
 * first, nested objects such as a video's upload last); {@code <meta>} and RDFa/microdata attributes whose name says
 * published or modified ({@code article:published_time}, {@code itemprop="datePublished dateCreated"},
 * {@code dc:date}, parsely, sailthru, cXense …); the date shown next to the headline (the text around the first
 * {@code <h1>}, navigation, sidebars, comments and related lists skipped, {@code <time datetime>} read there);
 * the first {@code <time datetime>} outside such boilerplate; the URL path ({@code /2020/06/04/}).
 *
 * <p>Choice: a date is plausible from 1990 to one day after now. The date the page shows by its headline is what a
 * reader sees: a machine-readable date of a shown day is returned (published first, then {@code <time>}, then
 * modified; it carries time and offset); when the best published date is one day off the shown date and written in
 * UTC or without offset (a UTC timestamp for a page in another zone), or there is no published date, the shown date
 * is returned; otherwise the best published date. Without a shown date: the best published date, then
 * {@code <time>}, then the URL date; a modified date is the last resort. Numbers with slashes in visible text are
 * day-first unless the page's language is English; in machine-written values month-first. Cheap by design: one pass
 * over the elements, text read only in bounded windows by the headline, never the whole page.
 */
public final class PublishedDateFinder {

    /** Characters of headline-area text read from the headline on, and just before it. */
    private static final int TEXT_AFTER_HEADLINE = 1200;
    private static final int TEXT_BEFORE_HEADLINE = 250;
    /** A text node longer than this is prose; only its first {@value #DATELINE_CHARS} characters are read. */
    private static final int MAX_BYLINE_CHARS = 120;
    private static final int DATELINE_CHARS = 24;
    private static final int SHOWN_CLUSTER_CHARS = 80;
    private static final int MAX_TIMES = 8;
    private static final int SAME_MINUTE_SECONDS = 60;
    /** Letters and digits an {@code <h2>} needs to be taken for a declared title. */
    private static final int MIN_TITLE_KEY = 10;

    private static final Pattern ATTRIBUTE_DATE = Pattern.compile(
            "(?i)(?:^|\\s)(?:date(?:published|created|modified)|(?:dc|dcterms):(?:date|created|issued|modified))"
                    + "(?:\\s|$)");
    /** Class or id names of blocks whose dates are not the article's. */
    private static final WordSearch ASIDE_WORDS = WordSearch.of(List.of(
            "comment", "related", "sidebar", "widget", "teaser", "recommend", "popular", "trending", "newsletter",
            "share", "social", "breadcrumb", "menu", "navigation", "cookie", "consent", "archive", "calendar", "more-",
            "weitere", "footer", "reply", "replies", "respon"));
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Values written by software: numeric dates with slashes are month-first, as US software writes them. */
    private static final DateParser MACHINE_WRITTEN = DateParser.loose(false);

    /** Where a candidate came from; a lower rank wins among machine-readable published dates. */
    private record Candidate(ArticleDate date, String origin, int rank) {
    }

    /** The chosen dates. */
    public record Dates(Optional<Field<ArticleDate>> published, Optional<Field<ArticleDate>> modified) {
    }

    private final Document document;
    private final Map<String, List<String>> meta;
    private final @Nullable String pageUrl;
    private final LocalDate today;
    /** Text a person wrote on the page: numeric dates with slashes day-first unless the page is English. */
    private final DateParser visibleText;
    private final List<Candidate> published = new ArrayList<>();
    private final List<Candidate> modified = new ArrayList<>();
    private final List<Candidate> times = new ArrayList<>();
    /** The page's headings, {@code <time>} elements, date attributes and JSON-LD scripts, from one walk. */
    private final PageScan scan;
    /**
     * {@link #isAside} of the attributed elements this finder has asked about: the ancestor climbs of
     * {@link #inAside} and {@link #inArticleMetadata} (one per date candidate) meet the same ancestors. One page,
     * one finder: never kept across calls.
     */
    private final Map<Element, Boolean> asideVerdicts = new IdentityHashMap<>();
    /** The headline {@link #shownDate} read around; null before it, or on a page without one. */
    private @Nullable Element shownHeadline;
    /** Whether {@link #textAbove} ran: the times above the headline and anywhere were then added. */
    private boolean readAbove;

    /**
     * The typed objects of the page's JSON-LD blocks ({@link JsonLdReader#findAllIn}) when the caller found them
     * already; null: read the scripts found while scanning.
     */
    private final @Nullable List<JsonLdReader.TypedNode> ldNodes;

    private PublishedDateFinder(PageScan scan, Document document, Map<String, List<String>> meta,
                                @Nullable List<JsonLdReader.TypedNode> ldNodes, @Nullable String pageUrl, Clock clock) {
        this.scan = scan;
        this.document = document;
        this.meta = meta;
        this.ldNodes = ldNodes;
        this.pageUrl = pageUrl;
        this.today = LocalDate.now(clock);
        this.visibleText = DateParser.loose(!language(document, meta).startsWith("en"));
    }

    /**
     * @param document the parsed page, untouched
     * @param meta     the page's {@code <meta>} values by lower-case name/property/itemprop
     * @param pageUrl  the page's address, for a date in its path; may be null
     * @param clock    what "now" is, for plausibility
     */
    public static Dates find(Document document, Map<String, List<String>> meta, String pageUrl, Clock clock) {
        return new PublishedDateFinder(PageScan.of(document), document, meta, null, pageUrl, clock).find();
    }

    /** As {@link #find(Document, Map, String, Clock)}, with the page's JSON-LD blocks already parsed. */
    public static Dates find(Document document, Map<String, List<String>> meta, List<JsonNode> ldBlocks,
                             String pageUrl, Clock clock) {
        return new PublishedDateFinder(PageScan.of(document), document, meta, JsonLdReader.findAllIn(ldBlocks), pageUrl,
                clock).find();
    }

    /**
     * As {@link #find(Document, Map, List, String, Clock)}, from the elements a {@link PageScan} collected and the
     * typed objects of the page's JSON-LD blocks ({@link JsonLdReader#findAllIn}, which the caller reads too).
     */
    static Dates find(PageScan scan, Document document, Map<String, List<String>> meta,
                      List<JsonLdReader.TypedNode> ldNodes, String pageUrl, Clock clock) {
        return new PublishedDateFinder(scan, document, meta, ldNodes, pageUrl, clock).find();
    }

    private Dates find() {
        collectJsonLd();
        collectMeta();
        collectAttributes();
        Optional<Shown> shown = shownDate();
        Optional<Candidate> url = urlDate();
        published.sort(Comparator.comparingInt(Candidate::rank));
        modified.sort(Comparator.comparingInt(Candidate::rank));
        Optional<Candidate> chosen = choose(shown, url);
        Optional<Field<ArticleDate>> modifiedField = modified.stream().findFirst().map(PublishedDateFinder::field);
        return new Dates(chosen.map(PublishedDateFinder::field), modifiedField);
    }

    private Optional<Candidate> choose(Optional<Shown> shown, Optional<Candidate> url) {
        Optional<Candidate> top = published.stream().findFirst();
        if (shown.isPresent()) {
            List<LocalDate> days = shown.get().dates().stream().map(d -> d.dateTime().toLocalDate()).toList();
            // agreement: a machine-readable date of a day the page shows, published ones first
            for (Candidate candidate : published) {
                if (days.contains(day(candidate))) {
                    return Optional.of(candidate);
                }
            }
            Candidate first = new Candidate(shown.get().dates().get(0), "text:byline", 0);
            if (sameMomentPublished(first.date())) {
                // the page shows the moment a timestamp states, with its zone: the day it shows is the local one
                return Optional.of(first);
            }
            // the times in page order: those after the headline, then (read only now) those above it or anywhere
            for (int i = 0; i < times.size() || i == times.size() && readTimesAbove(); i++) {
                if (day(times.get(i)).equals(day(first))) {
                    return Optional.of(times.get(i));
                }
            }
            for (Candidate candidate : modified) {
                if (day(candidate).equals(day(first))) {
                    return Optional.of(candidate);
                }
            }
            if (top.isEmpty()) {
                return Optional.of(first);
            }
            long apart = Math.abs(ChronoUnit.DAYS.between(day(top.get()), day(first)));
            if (apart == 1 && !hasLocalOffset(top.get().date())) {
                // a UTC timestamp of a page in another zone: the day it shows is the day readers saw
                return Optional.of(first);
            }
            return top;
        }
        if (top.isPresent()) {
            return top;
        }
        if (!times.isEmpty()) {
            return Optional.of(times.get(0));
        }
        if (url.isPresent()) {
            return url;
        }
        return modified.stream().findFirst();
    }

    /**
     * Whether a published date names the same moment (to the minute) as a shown date written with time and zone
     * ("Nov 19, 2019, 10:31 pm CST" and {@code 2019-11-20T04:31:13+00:00}): then the shown day is the local day,
     * even when another value gives the same clock time a wrong offset ({@code 2019-11-20T04:31:13-06:00}).
     */
    private boolean sameMomentPublished(ArticleDate shown) {
        Optional<OffsetDateTime> moment = shown.offsetDateTime();
        if (moment.isEmpty()) {
            return false;
        }
        for (Candidate candidate : published) {
            Optional<OffsetDateTime> other = candidate.date().offsetDateTime();
            if (other.isPresent()
                    && Math.abs(ChronoUnit.SECONDS.between(moment.get(), other.get())) < SAME_MINUTE_SECONDS) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate day(Candidate candidate) {
        return candidate.date().dateTime().toLocalDate();
    }

    /** Whether the date states an offset other than UTC, so its day is the page's local day. */
    private static boolean hasLocalOffset(ArticleDate date) {
        return date.offset() != null && date.offset().getTotalSeconds() != 0;
    }

    /**
     * Dates shown by the headline: the first one found and those written within {@value #SHOWN_CLUSTER_CHARS}
     * characters after it ("29. Dezember 2022 | 30. Dezember 2022").
     */
    private record Shown(List<ArticleDate> dates) {
    }

    // ---- JSON-LD

    private void collectJsonLd() {
        List<JsonLdReader.TypedNode> nodes = ldNodes != null ? ldNodes
                : JsonLdReader.findAll(scan.jsonLdScripts);
        for (JsonLdReader.TypedNode node : nodes) {
            int rank = node.articleType() ? 0 : node.nested() ? 40 : 20;
            String type = node.type().isEmpty() ? "Thing" : node.type();
            add(published, node.node(), "datePublished", type, rank);
            add(published, node.node(), "dateCreated", type, rank + 5);
            add(published, node.node(), "uploadDate", type, rank + 45);
            add(modified, node.node(), "dateModified", type, rank);
        }
    }

    private void add(List<Candidate> out, JsonNode node, String key, String type, int rank) {
        for (String text : JsonLdReader.texts(node.get(key), "@value")) {
            parse(text).ifPresent(d -> out.add(new Candidate(d, "json-ld:" + type + "." + key, rank)));
            return;
        }
    }

    // ---- <meta> and RDFa / microdata attributes

    private void collectMeta() {
        for (Map.Entry<String, List<String>> entry : meta.entrySet()) {
            for (String token : tokens(entry.getKey())) {
                Kind kind = kindOf(token);
                if (kind == Kind.NONE) {
                    continue;
                }
                for (String value : entry.getValue()) {
                    Optional<ArticleDate> date = parse(value);
                    if (date.isPresent()) {
                        Candidate candidate = new Candidate(date.get(), "meta:" + entry.getKey(), kind.rank);
                        (kind == Kind.MODIFIED ? modified : published).add(candidate);
                        break;
                    }
                }
                break;
            }
        }
    }

    /** The whitespace-separated tokens of a meta key; most keys are one token, returned without the regex. */
    private static String[] tokens(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return WHITESPACE.split(key);
            }
        }
        return new String[] {key};
    }

    /** Whether an {@code itemprop} or {@code property} value names a published, created or modified date. */
    static boolean namesDate(String name) {
        return ATTRIBUTE_DATE.matcher(name).find();
    }

    private void collectAttributes() {
        for (PageScan.Placed placed : scan.dateAttributes) {
            Element element = placed.element();
            String name = element.hasAttr("itemprop") ? element.attr("itemprop") : element.attr("property");
            String value = element.hasAttr("content") ? element.attr("content") : element.attr("datetime");
            if (value.isBlank() && element.tagName().equals("time")) {
                value = element.text();
            }
            Kind kind = kindOf(WHITESPACE.split(name.strip())[0].toLowerCase(Locale.ROOT));
            Optional<ArticleDate> date = parse(value);
            boolean boilerplate = (placed.inBoilerplateTag() || inAside(element)) && !inArticleMetadata(element);
            if (date.isPresent() && kind != Kind.NONE && !boilerplate) {
                String origin = (element.hasAttr("itemprop") ? "itemprop:" : "property:") + name.strip();
                (kind == Kind.MODIFIED ? modified : published).add(new Candidate(date.get(), origin, kind.rank + 1));
            }
        }
    }

    /** What a metadata name says about its date. */
    enum Kind {
        PUBLISHED(10), CREATED(15), GENERIC(25), MODIFIED(10), NONE(0);

        final int rank;

        Kind(int rank) {
            this.rank = rank;
        }
    }

    /** Reads a name like {@code article:published_time}, {@code DC.date.issued}, {@code cXenseParse:publishtime}. */
    static Kind kindOf(String name) {
        StringBuilder letters = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                letters.append(c);
            }
        }
        String key = letters.toString();
        if (key.contains("related") || key.contains("upload") || key.contains("expir") || key.contains("birth")
                || key.contains("startdate") || key.contains("enddate") || key.contains("valid")) {
            return Kind.NONE;
        }
        if (key.endsWith("modifiedtime") || key.endsWith("updatedtime") || key.endsWith("datemodified")
                || key.endsWith("modified") || key.equals("lastmod") || key.endsWith("lastmodified")
                || key.endsWith("revisiondate")) {
            return Kind.MODIFIED;
        }
        if (key.endsWith("publishedtime") || key.endsWith("publishtime") || key.endsWith("pubdate")
                || key.endsWith("publishdate") || key.endsWith("publicationdate") || key.endsWith("dateissued")
                || key.endsWith("termsissued") || key.endsWith("datepublished") || key.endsWith("articledate")
                || key.endsWith("publisheddate") || key.endsWith("published")) {
            return Kind.PUBLISHED;
        }
        if (key.endsWith("datecreated") || key.equals("dccreated") || key.equals("dctermscreated")) {
            return Kind.CREATED;
        }
        if (key.equals("date") || key.equals("dcdate") || key.equals("dctermsdate") || key.equals("sailthrudate")) {
            return Kind.GENERIC;
        }
        return Kind.NONE;
    }

    // ---- the date shown by the headline, and <time> elsewhere

    /**
     * The first date written after the headline starts (within {@value #TEXT_AFTER_HEADLINE} characters of text),
     * else the last one just before it; navigation, sidebars, comments and related lists are skipped. A
     * {@code <time datetime>} there gives its machine-readable value when it names the same day as its text.
     */
    private Optional<Shown> shownDate() {
        Element headline = headline();
        shownHeadline = headline;
        if (headline == null) {
            timesAnywhere();
            return Optional.empty();
        }
        TextWindow after = new TextWindow(TEXT_AFTER_HEADLINE);
        NodeTraversor.filter(after, headline);
        for (Element e = headline; e != null && !after.full(); e = e.parent()) {
            for (Node sibling = e.nextSibling(); sibling != null && !after.full(); sibling = sibling.nextSibling()) {
                NodeTraversor.filter(after, sibling);
            }
        }
        List<DateParser.TextDate> shown = visibleText.findInText(after.text, 6).stream()
                .filter(found -> plausible(found.date().dateTime().toLocalDate())).toList();
        if (!shown.isEmpty()) {
            int start = shown.get(0).start();
            List<ArticleDate> cluster = shown.stream().filter(f -> f.start() - start <= SHOWN_CLUSTER_CHARS)
                    .map(f -> ArticleDate.of(f.date())).toList();
            // the text above the headline is not needed; its <time> elements are read if the choice asks for them
            return Optional.of(new Shown(cluster));
        }
        StringBuilder before = textAbove();
        List<DateParser.TextDate> above = visibleText.findInText(before, 8);
        for (int i = above.size() - 1; i >= 0; i--) {
            if (plausible(above.get(i).date().dateTime().toLocalDate())) {
                return Optional.of(new Shown(List.of(ArticleDate.of(above.get(i).date()))));
            }
        }
        return Optional.empty();
    }

    /**
     * Completes {@link #times} after those of the text after the headline: those of the text just above it
     * ({@link #textAbove}), then, when there are still none, those anywhere on the page. Done at most once, and only
     * when something reads past the times found so far: {@link #times} then holds what reading the text above and
     * the page, right after the text after the headline, would have added (no other step adds times).
     *
     * @return whether times were added
     */
    private boolean readTimesAbove() {
        if (shownHeadline == null || readAbove) {
            return false;
        }
        int before = times.size();
        textAbove();
        return times.size() > before;
    }

    /**
     * The text of the {@value #TEXT_BEFORE_HEADLINE} characters before the headline (each preceding sibling of the
     * headline and its ancestors, nearest first), its {@code <time>} elements added to {@link #times}; then, when no
     * time was found around the headline, the times anywhere on the page. Once per finder.
     */
    private StringBuilder textAbove() {
        readAbove = true;
        StringBuilder before = new StringBuilder();
        for (Element e = shownHeadline; e != null && before.length() < TEXT_BEFORE_HEADLINE; e = e.parent()) {
            for (Node sibling = e.previousSibling(); sibling != null && before.length() < TEXT_BEFORE_HEADLINE;
                    sibling = sibling.previousSibling()) {
                TextWindow window = new TextWindow(TEXT_BEFORE_HEADLINE);
                NodeTraversor.filter(window, sibling);
                before.insert(0, window.text.append(' '));
            }
        }
        if (times.isEmpty()) {
            timesAnywhere();
        }
        return before;
    }

    /**
     * The article's headline: the first {@code <h1>} of ten characters or more outside boilerplate, else the first
     * non-blank one; those outside the site's frame first (a masthead {@code <h1>} in the page header or around a
     * link to the home page names the site, and the date beside it is today's), the others when there is no such
     * {@code <h1>}.
     */
    private @Nullable Element headline() {
        Element inContent = headline(true);
        if (inContent != null) {
            return inContent;
        }
        Element any = headline(false);
        return any != null ? any : titleH2();
    }

    /**
     * On a page without {@code <h1>}, the first {@code <h2>} outside boilerplate whose words open a declared title
     * ({@code og:title}, {@code twitter:title}, {@code <title>}): a theme that writes the article's headline in an
     * {@code <h2>} and its date beside it.
     */
    private @Nullable Element titleH2() {
        List<String> titles = new ArrayList<>();
        for (String key : List.of("og:title", "twitter:title")) {
            for (String value : meta.getOrDefault(key, List.of())) {
                titles.add(SiteIdentity.keys(value).get(0));
            }
        }
        if (scan.title != null) {
            titles.add(SiteIdentity.keys(scan.title.text()).get(0));
        }
        for (Element h2 : scan.h2s) {
            String key = SiteIdentity.keys(h2.text()).get(0);
            if (key.length() >= MIN_TITLE_KEY && !inAside(h2)
                    && titles.stream().anyMatch(title -> title.startsWith(key))) {
                return h2;
            }
        }
        return null;
    }

    private @Nullable Element headline(boolean outsideSiteChrome) {
        Element first = null;
        for (PageScan.Placed placed : scan.h1s) {
            Element h1 = placed.element();
            if (placed.inBoilerplateTag() || outsideSiteChrome && TitleChooser.isSiteChrome(h1)) {
                continue;
            }
            String text = h1.text();
            if (first == null && !text.isBlank()) {
                first = h1;
            }
            if (text.length() >= 10) {
                return h1;
            }
        }
        return first;
    }

    /** The first {@code <time>} values of the page outside boilerplate, when the headline area has none. */
    private void timesAnywhere() {
        for (PageScan.Placed time : scan.times) {
            if (times.size() >= MAX_TIMES) {
                return;
            }
            if (!time.inBoilerplateTag() && !inAside(time.element())) {
                addTime(time.element());
            }
        }
    }

    private void addTime(Element time) {
        if (times.size() >= MAX_TIMES) {
            return;
        }
        boolean machine = time.hasAttr("datetime");
        Optional<ArticleDate> date = machine ? parse(time.attr("datetime"))
                : visibleText.read(time.text()).map(ArticleDate::of).filter(this::plausible);
        date.ifPresent(d -> times.add(new Candidate(d, machine ? "time[datetime]" : "time", 0)));
    }

    /**
     * Collects the visible text of the subtrees it is run on, up to a limit: boilerplate skipped, prose reduced to
     * its first {@value #DATELINE_CHARS} characters (counted in full against the limit), {@code <time>} recorded.
     */
    private final class TextWindow implements NodeFilter {
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private int prose;
        private @Nullable Node root;

        TextWindow(int limit) {
            this.limit = limit;
        }

        boolean full() {
            return text.length() + prose >= limit;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (depth == 0) {
                root = node;
            }
            if (node instanceof TextNode textNode) {
                // whitespace between tags, most text nodes of a page, strips to nothing: only the space is kept
                String words = textNode.isBlank() ? "" : MetaText.text(textNode).strip();
                if (words.length() <= MAX_BYLINE_CHARS) {
                    append(words);
                    append(" ");
                } else {
                    prose(words);
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            switch (element.normalName()) {
                case "script", "style", "noscript", "nav", "aside", "footer", "form", "select", "button",
                        "template", "svg", "iframe", "option", "figure", "figcaption" -> {
                    return FilterResult.SKIP_ENTIRELY;
                }
                case "p" -> {
                    String words = element.text();
                    if (words.length() > MAX_BYLINE_CHARS) {
                        prose(words);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                case "time" -> addTime(element);
                default -> {
                }
            }
            if (node != root && isAside(element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (element.isBlock() || element.normalName().equals("br")) {
                append(" ");
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock()) {
                append(" ");
            }
            return full() ? FilterResult.STOP : FilterResult.CONTINUE;
        }

        /** A date inside prose is an event, not the article's; a dateline opens its paragraph. */
        private void prose(String words) {
            append(words.substring(0, DATELINE_CHARS));
            append(" \u00b6 ");
            prose += words.length();
        }

        private void append(String more) {
            int room = limit - text.length() - prose;
            if (room > 0) {
                text.append(more, 0, Math.min(more.length(), room));
            }
        }
    }

    private static boolean isAside(Element element) {
        if (element.attributesSize() == 0) {
            return false;
        }
        // exact-key reads (the parser lower-cases attribute names); no word holds a space, so the untrimmed class
        // answers as className() does
        Attributes attributes = element.attributes();
        String className = attributes.get("class");
        String id = attributes.get("id");
        // <main> is the page's main content whatever its class says ("with-navigation" describes the layout)
        if (className.isEmpty() && id.isEmpty() || element.normalName().equals("body")
                || element.normalName().equals("main")) {
            return false;
        }
        // no word holds a space, so class and id are searched apart, without a lower-case copy of either
        return ASIDE_WORDS.foundIn(className) || ASIDE_WORDS.foundIn(id);
    }

    /**
     * Whether a date attribute stands in an {@code <aside>} of the article itself ({@code <article>…<aside
     * class=meta><time itemprop=datePublished>}): the article's own metadata box, unless a navigation, footer or
     * aside-named block holds it, or the aside is outside any {@code <article>}.
     */
    private boolean inArticleMetadata(Element element) {
        boolean aside = false;
        for (Element e = element; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("footer") || isAsideOnce(e)) {
                return false;
            }
            if (tag.equals("aside")) {
                aside = true;
            } else if (tag.equals("article")) {
                return aside;
            }
        }
        return false;
    }

    private boolean inAside(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("aside") || tag.equals("footer") || isAsideOnce(e)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #isAside}, worked out once per element of this page. */
    private boolean isAsideOnce(Element element) {
        if (element.attributesSize() == 0) {
            return false;
        }
        Boolean verdict = asideVerdicts.get(element);
        if (verdict == null) {
            verdict = isAside(element);
            asideVerdicts.put(element, verdict);
        }
        return verdict;
    }

    // ---- URL

    /** The day in the URL path; a year and month alone ({@code /2020/06/}) names no publication day. */
    private Optional<Candidate> urlDate() {
        return DateParser.dayInUrlPath(pageUrl).filter(this::plausible)
                .map(day -> new Candidate(new ArticleDate(day.atStartOfDay(), null), "url", 0));
    }

    // ---- helpers

    /**
     * A machine-written value: numeric dates with slashes are month-first, as US software writes them
     * ({@code 11/01/2023 12:43:42}); a day above 12 still reads day-first.
     */
    private Optional<ArticleDate> parse(String value) {
        return MACHINE_WRITTEN.read(value).map(ArticleDate::of).filter(this::plausible);
    }

    private boolean plausible(ArticleDate date) {
        return plausible(date.dateTime().toLocalDate());
    }

    private boolean plausible(LocalDate day) {
        return DateParser.plausibleDay(day, today);
    }

    private static Field<ArticleDate> field(Candidate candidate) {
        return new Field<>(candidate.date(), candidate.origin());
    }

    private static String language(Document document, Map<String, List<String>> meta) {
        Element html = document.firstElementChild();
        String lang = html == null ? "" : html.attr("lang");
        if (lang.isBlank()) {
            lang = meta.getOrDefault("og:locale", meta.getOrDefault("content-language", List.of(""))).get(0);
        }
        return lang.strip().toLowerCase(Locale.ROOT);
    }

}
