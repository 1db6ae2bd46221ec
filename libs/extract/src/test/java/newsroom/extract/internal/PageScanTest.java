package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.assertj.core.groups.Tuple;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import newsroom.extract.ArticleExtractor;
import newsroom.extract.testing.SharedPages;

/** One walk collects what every metadata finder starts from, in document order, with its boilerplate context. */
class PageScanTest {

    private static final String PAGE = """
            <html lang="de"><head><title>Erster Titel</title><title>Zweiter</title>
            <meta property="og:title" content="Titel"><meta itemprop="author" content="Meta Autor">
            <link rel="Canonical" href="/kanonisch"><link rel="image_src" href="/bild.jpg">
            <script type="application/ld+json">{"@type":"NewsArticle"}</script><script>var x;</script></head>
            <body><nav><h1>Site</h1><time datetime="2020-01-01">1.1.2020</time></nav>
            <article><h1>Headline</h1><h2>Sub</h2><span class="Post-Author__name">Max Muster</span>
            <time datetime="2021-02-03">3.2.2021</time><span itemprop="datePublished dateCreated">2021-02-03</span>
            <a rel="author" href="/max">Max</a></article>
            <aside><div><span property="dc:date">2019-05-05</span></div></aside><footer><time>x</time></footer>
            </body></html>""";

    @Test
    void collectsTheFindersElementsInDocumentOrder() {
        PageScan scan = PageScan.of(Jsoup.parse(PAGE, "https://news.example/a"));

        assertThat(scan.metas).extracting(e -> e.attr("content")).containsExactly("Titel", "Meta Autor");
        assertThat(scan.jsonLdScripts).hasSize(1);
        assertThat(scan.html.attr("lang")).isEqualTo("de");
        assertThat(scan.title.text()).isEqualTo("Erster Titel");
        assertThat(scan.canonicalLink.attr("href")).isEqualTo("/kanonisch");
        assertThat(scan.imageSrcLink.attr("href")).isEqualTo("/bild.jpg");
        assertThat(scan.h1s).extracting(p -> p.element().text()).containsExactly("Site", "Headline");
        assertThat(scan.h2s).extracting(Element::text).containsExactly("Sub");
        assertThat(scan.bylines).extracting(b -> b.element().tagName()).containsExactly("meta", "span", "a");
        assertThat(scan.bylines).extracting(PageScan.Byline::marked).containsExactly(true, false, true);
        assertThat(scan.bylines).extracting(PageScan.Byline::named).containsExactly(false, true, false);
    }

    @Test
    void carriesNavAsideAndFooterDownTheWalk() {
        PageScan scan = PageScan.of(Jsoup.parse(PAGE, "https://news.example/a"));

        assertThat(scan.h1s).extracting(PageScan.Placed::inBoilerplateTag).containsExactly(true, false);
        assertThat(scan.times).extracting(p -> p.element().text(), PageScan.Placed::inBoilerplateTag)
                .containsExactly(Tuple.tuple("1.1.2020", true),
                        Tuple.tuple("3.2.2021", false),
                        Tuple.tuple("x", true));
        assertThat(scan.dateAttributes).extracting(p -> p.element().text(), PageScan.Placed::inBoilerplateTag)
                .containsExactly(Tuple.tuple("2021-02-03", false),
                        Tuple.tuple("2019-05-05", true));
    }

    @Test
    void walksAnyDepthWithoutRecursion_andKeepsAtMostMaxTimes() {
        // built from the inside out: appending below a deep element climbs to the document on every call
        Element nested = new Element("h1").text("Deep");
        for (int i = 0; i < 100_000; i++) {
            nested = new Element(i % 1000 == 0 ? "nav" : "div").appendChild(nested);
        }
        Document document = Jsoup.parse("<html><body></body></html>");
        document.body().appendChild(nested);
        for (int i = 0; i < PageScan.MAX_TIMES + 5; i++) {
            document.body().appendElement("time").text("t" + i);
        }

        PageScan scan = PageScan.of(document);

        assertThat(scan.h1s).extracting(p -> p.element().text(), PageScan.Placed::inBoilerplateTag)
                .containsExactly(Tuple.tuple("Deep", true));
        List<PageScan.Placed> times = scan.times;
        assertThat(times).hasSize(PageScan.MAX_TIMES);
        assertThat(times).allMatch(p -> !p.inBoilerplateTag());
    }

    @Test
    void readsItempropAndPropertyBesideClassAndId_andSkipsThemOnlyWhenClassAndIdAreAll() {
        PageScan scan = PageScan.of(Jsoup.parse("""
                <body><div class="a" id="b"><span class="a" id="b" itemprop="datePublished">1</span>
                <span class="" id="b" itemprop="headline">Head</span><span class="a" property="dc:date">2
                </span><span class="writer" id="b">Wer</span><span id="b" rel="author">Max</span>
                <span class="byline">Anna</span></div></body>""", "https://news.example/a"));

        assertThat(scan.dateAttributes).extracting(p -> p.element().text()).containsExactly("1", "2");
        assertThat(scan.microdataHeadline.text()).isEqualTo("Head");
        assertThat(scan.bylines).extracting(b -> b.element().text(), PageScan.Byline::marked, PageScan.Byline::named)
                .containsExactly(Tuple.tuple("Wer", false, true), Tuple.tuple("Max", true, false),
                        Tuple.tuple("Anna", false, true));
    }

    @Test
    void collectsTheImagesTheBodysNoscriptsAndTheFirstBaseHref() {
        Document document = Jsoup.parse("""
                <html><head><base target="_top"><base href="/first/"><base href="/second/">
                <noscript><link rel="stylesheet" href="/x.css"></noscript></head>
                <body><img src="/a.jpg"><noscript><img src="/b.jpg"></noscript>
                <div><noscript>text</noscript><picture><img data-src="/c.jpg"></picture></div></body></html>""",
                "https://news.example/a");

        PageScan scan = PageScan.of(document);

        assertThat(scan.images().images).extracting(img -> img.attr("src") + img.attr("data-src"))
                .containsExactly("/a.jpg", "/b.jpg", "/c.jpg"); // jsoup parses a body noscript's markup as elements
        assertThat(scan.images().noscripts).extracting(Element::html)
                .containsExactly("<img src=\"/b.jpg\">", "text");
        assertThat(scan.images().base().attr("href")).isEqualTo("/first/");
    }

    /**
     * What the walk collects for {@link ImageResolver} is what the walk it replaced collected (every {@code img},
     * the noscripts below the body, the first {@code base} with an {@code href}, in document order), here as selector
     * queries answer it: on every page of both shared sets, parsed as the extractor parses them.
     */
    @Test
    void collectsForTheImagesWhatSelectorQueriesFind_onEveryPageOfTheSharedSets() throws IOException {
        int[] found = new int[2]; // body noscripts, pages with a base href
        int pages = SharedPages.forEach((name, html) -> {
            Document document = Parser.htmlParser().setMaxDepth(ArticleExtractor.MAX_DEPTH)
                    .parseInput(UnreadMarkup.scan(html, Integer.MAX_VALUE).reader(), "https://news.example/a");
            ImageResolver.PageImages images = PageScan.of(document).images();
            assertCollectedAsSelectorsFind(images, document, name);
            found[0] += images.noscripts.size();
            found[1] += images.base() == null ? 0 : 1;
        });
        assertThat(pages).isGreaterThan(400);
        assertThat(found[0]).as("body noscripts on the shared pages").isGreaterThan(50);
        assertThat(found[1]).as("pages with a base href").isPositive();
    }

    /** The same on random mixtures of the awkward cases: noscripts and bases in head and body, a frameset, nesting. */
    @Test
    void collectsForTheImagesWhatSelectorQueriesFind_onRandomMixtures() {
        String[] pieces = {"<html>", "<head>", "</head>", "<body>", "</body>", "<frameset>", "<frame>",
            "</frameset>", "<noscript>", "</noscript>", "<img src=a>", "<img>", "<base>", "<base href=/b/>",
            "<base HREF=/c/>", "<div>", "</div>", "<p>", "<picture>", "<template>", "</template>", "<svg>", "</svg>",
            "<table>", "<td>", "<title>", "<style>", "</style>", "<textarea>", "words", "</html>", "<html lang=x>"};
        Random random = new Random(8);
        int withNoscripts = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int n = 1 + random.nextInt(16); n > 0; n--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            Document document = Jsoup.parse(html.toString());
            ImageResolver.PageImages images = PageScan.of(document).images();
            assertCollectedAsSelectorsFind(images, document, html.toString());
            withNoscripts += images.noscripts.isEmpty() ? 0 : 1;
        }
        assertThat(withNoscripts).as("mixtures with a body noscript").isGreaterThan(1_000);
    }

    private static void assertCollectedAsSelectorsFind(ImageResolver.PageImages images, Document document,
            String page) {
        assertThat(images.images).as(page).containsExactlyElementsOf(document.select("img"));
        assertThat(images.noscripts).as(page).containsExactlyElementsOf(document.body().select("noscript"));
        assertThat(images.base()).as(page).isSameAs(document.selectFirst("base[href]"));
    }

    /** The token test against the split it replaces, on random values of headline pieces, cases and whitespace. */
    @Test
    void findsTheHeadlineTokenAsStripAndSplitDo() {
        String[] pieces = {"headline", "HeadLine", "head", "line", "name", " ", "\t", "\n", "\u000B", "\u2003",
            "\u00A0", "ı", "İ", "x", "alternativeHeadline"};
        Random random = new Random(5);
        int found = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            String itemprop = value.toString();
            boolean expected = !itemprop.isEmpty()
                    && Arrays.stream(itemprop.strip().split("\\s+")).anyMatch(t -> t.equalsIgnoreCase("headline"));
            assertThat(PageScan.isHeadlineProperty(itemprop)).as(itemprop).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).isBetween(1_000, 49_000);
    }
}
