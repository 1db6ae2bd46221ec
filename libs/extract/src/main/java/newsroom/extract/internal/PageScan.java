package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * The elements every metadata finder starts from, collected in one walk of the page so that no finder walks the
 * whole tree again: {@code <meta>}, JSON-LD scripts, the first {@code <html>}, {@code <title>}, canonical and
 * {@code image_src} links, the {@code <h1>} and {@code <h2>} headings, {@code <time>} elements, microdata/RDFa date
 * attributes, and elements marked or named as author or byline. The same walk collects what {@link ImageResolver}
 * resolves ({@link #images()}: every {@code <img>}, the body's {@code <noscript>}s, the first {@code <base href>}),
 * so the page is walked once before the content finder. Whether an element sits inside {@code <nav>},
 * {@code <aside>} or {@code <footer>} is carried down the walk, not climbed for. Lists are in document order.
 *
 * <p>Contract: the walk is iterative (no recursion, whatever the depth), does not modify the document, and reads
 * only tag names and attributes (no text); bounded lists say their bound.
 */
public final class PageScan {

    /** {@code <time>} elements kept; the date finder reads at most a quarter of them. */
    static final int MAX_TIMES = 32;

    private static final Evaluator CANONICAL_LINK = Selector.evaluatorOf("link[rel~=(?i)^canonical$][href]");
    private static final Evaluator IMAGE_SRC_LINK = Selector.evaluatorOf("link[rel=image_src][href]");
    private static final WordSearch BYLINE_CLASS_WORDS =
            WordSearch.of(List.of("byline", "author", "autor", "verfasser", "writer"));
    private static final WordSearch BYLINE_ID_WORDS =
            WordSearch.of(List.of("byline", "author", "autor", "verfasser"));
    /** What a {@code rel} matched by {@link #CANONICAL_LINK} or {@link #IMAGE_SRC_LINK} holds, in any case. */
    private static final WordSearch CANONICAL = WordSearch.of(List.of("canonical"));
    private static final WordSearch IMAGE_SRC = WordSearch.of(List.of("image_src"));
    private static final String HEADLINE = "headline";

    /** A {@code <time>} or date-attribute element, and whether a nav, aside or footer element holds it. */
    record Placed(Element element, boolean inBoilerplateTag) {
    }

    /** An element the page marks as its author ({@code rel=author}, {@code itemprop=author}) or names a byline. */
    record Byline(Element element, boolean marked, boolean named) {
    }

    final List<Element> metas = new ArrayList<>();
    final List<Element> jsonLdScripts = new ArrayList<>();
    final List<Placed> h1s = new ArrayList<>();
    final List<Element> h2s = new ArrayList<>();
    final List<Placed> times = new ArrayList<>();
    final List<Placed> dateAttributes = new ArrayList<>();
    final List<Byline> bylines = new ArrayList<>();
    /** The document walked. */
    final Document document;
    private final ImageResolver.PageImages images;
    Element html;
    @Nullable Element title;
    @Nullable Element canonicalLink;
    @Nullable Element imageSrcLink;
    /** The first element outside nav, aside and footer that microdata marks as headline ({@code itemprop}). */
    @Nullable Element microdataHeadline;

    private PageScan(Document document) {
        this.document = document;
        this.images = new ImageResolver.PageImages(document);
    }

    /**
     * Walks the page once. The document must not change before {@link ImageResolver.PageImages#resolveAll} of
     * {@link #images()}, except by reading it.
     */
    public static PageScan of(Document document) {
        PageScan scan = new PageScan(document);
        Walk walk = scan.new Walk(document, bodyOf(document));
        // elements only, in document order, iteratively: a stack of the open elements, each with the index of its
        // next child node to read, so each child node is read once, by index (jsoup's firstElementChild and
        // nextElementSibling would re-read the parent's child list and the sibling index at every step); an element
        // is closed (tail) when its last child node has been read
        Element[] open = new Element[64];
        int[] nextChild = new int[64];
        int depth = 0;
        open[0] = document;
        walk.head(document);
        while (depth >= 0) {
            Element parent = open[depth];
            int size = parent.childNodeSize();
            int index = nextChild[depth];
            Element child = null;
            while (child == null && index < size) {
                if (parent.childNode(index++) instanceof Element element) {
                    child = element;
                }
            }
            if (child == null) {
                walk.tail(parent);
                open[depth--] = null;
                continue;
            }
            nextChild[depth++] = index;
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
                nextChild = Arrays.copyOf(nextChild, depth * 2);
            }
            open[depth] = child;
            nextChild[depth] = 0;
            walk.head(child);
        }
        return scan;
    }

    /** The page's images, its body's noscripts and its first {@code <base href>}, found by the walk. */
    public ImageResolver.PageImages images() {
        return images;
    }

    /**
     * The element {@link Document#body()} answers (the first {@code <body>} or {@code <frameset>} child of the
     * document's first {@code <html>} child), or null where body() would append one: without that append, so the
     * scan does not modify the document. A parsed document always has both.
     */
    private static @Nullable Element bodyOf(Document document) {
        for (Element html = document.firstElementChild(); html != null; html = html.nextElementSibling()) {
            if (html.nameIs("html")) {
                for (Element child = html.firstElementChild(); child != null; child = child.nextElementSibling()) {
                    if (child.nameIs("body") || child.nameIs("frameset")) {
                        return child;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private final class Walk {
        private final Document root;
        private final @Nullable Element body;
        /** Open {@code <nav>}, {@code <aside>}, {@code <footer>} elements around the current node. */
        private int boilerplateOpen;
        /** Whether the current node is inside {@link #body} (below it, not body itself). */
        private boolean inBody;

        Walk(Document root, @Nullable Element body) {
            this.root = root;
            this.body = body;
        }

        void head(Element element) {
            String tag = element.normalName();
            if (isBoilerplateTag(tag)) {
                boilerplateOpen++;
            }
            // an element without attributes is no byline and names no date: its tag alone counts
            int attributeCount = element.attributesSize();
            // exact-key reads throughout: the parser lower-cases attribute names, so these answer as attr()'s
            // case-insensitive scans do
            @Nullable Attributes attributes = attributeCount > 0 ? element.attributes() : null;
            String itemprop = "";
            // whether the element has an attribute besides a non-empty class and id: when class and id are all it
            // has (four in ten attributed elements), rel, itemprop and property are absent and are not looked up
            boolean hasOthers = false;
            if (attributes != null) {
                String className = attributes.get("class");
                String id = attributes.get("id");
                hasOthers = (className.isEmpty() ? 0 : 1) + (id.isEmpty() ? 0 : 1) < attributeCount;
                itemprop = hasOthers ? attributes.get("itemprop") : "";
                collectByline(element, className, id, hasOthers ? attributes.get("rel") : "", itemprop);
            }
            switch (tag) {
                case "meta" -> {
                    metas.add(element);
                    return;
                }
                case "script" -> {
                    if (JsonLdReader.isJsonLd(element)) {
                        jsonLdScripts.add(element);
                    }
                    return;
                }
                case "html" -> {
                    if (html == null) {
                        html = element;
                    }
                }
                case "title" -> {
                    if (title == null) {
                        title = element;
                    }
                }
                case "link" -> {
                    // the selectors match only a rel naming canonical or image_src (most links are stylesheets,
                    // preloads, icons): they run only then
                    String rel = canonicalLink == null || imageSrcLink == null ? element.attr("rel") : "";
                    if (canonicalLink == null && CANONICAL.foundIn(rel) && CANONICAL_LINK.matches(root, element)) {
                        canonicalLink = element;
                    }
                    if (imageSrcLink == null && IMAGE_SRC.foundIn(rel)
                            && IMAGE_SRC_LINK.matches(root, element)) {
                        imageSrcLink = element;
                    }
                }
                case "h1" -> h1s.add(new Placed(element, boilerplateOpen > 0));
                case "h2" -> h2s.add(element);
                case "time" -> {
                    if (times.size() < MAX_TIMES) {
                        times.add(new Placed(element, boilerplateOpen > 0));
                    }
                }
                case "img" -> images.addImage(element);
                case "noscript" -> {
                    if (inBody) {
                        images.addBodyNoscript(element);
                    }
                }
                case "base" -> images.offerBase(element);
                case "body", "frameset" -> {
                    if (element == body) {
                        inBody = true;
                    }
                }
                default -> {
                }
            }
            if (attributes == null || !hasOthers) {
                return;
            }
            String name = !itemprop.isEmpty() || attributes.hasKey("itemprop") ? itemprop : attributes.get("property");
            if (!name.isEmpty() && PublishedDateFinder.namesDate(name)) {
                dateAttributes.add(new Placed(element, boilerplateOpen > 0));
            }
            if (microdataHeadline == null && boilerplateOpen == 0 && isHeadlineProperty(itemprop)) {
                microdataHeadline = element;
            }
        }

        /** Every element counts here, {@code <meta>} and {@code <script>} too (the author finder skips them). */
        private void collectByline(Element element, String className, String id, String rel, String itemprop) {
            boolean marked = rel.strip().equalsIgnoreCase("author") || itemprop.strip().equals("author");
            boolean named = BYLINE_CLASS_WORDS.foundIn(className) || BYLINE_ID_WORDS.foundIn(id);
            if (marked || named) {
                bylines.add(new Byline(element, marked, named));
            }
        }

        void tail(Element element) {
            if (element == body) {
                inBody = false;
            } else if (isBoilerplateTag(element.normalName())) {
                boilerplateOpen--;
            }
        }
    }

    /**
     * Whether an {@code itemprop} value has the token {@code headline}, in any case: what
     * {@code itemprop.strip().split("\\s+")} and {@code equalsIgnoreCase} answer, without compiling the regex per call
     * (a token is a maximal run of the stripped value without a {@link MetaText#isRegexSpace} character).
     */
    static boolean isHeadlineProperty(String itemprop) {
        if (itemprop.isEmpty()) {
            return false;
        }
        String value = itemprop.strip();
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || MetaText.isRegexSpace(value.charAt(i))) {
                int length = i - start;
                if (length == HEADLINE.length() && value.regionMatches(true, start, HEADLINE, 0, length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isBoilerplateTag(String tag) {
        return tag.equals("nav") || tag.equals("aside") || tag.equals("footer");
    }
}
