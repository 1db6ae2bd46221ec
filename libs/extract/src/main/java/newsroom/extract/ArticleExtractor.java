package newsroom.extract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.RawArticle;
import newsroom.core.model.Rejection;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.extract.internal.LanguageCheck;
import newsroom.extract.internal.MainContentFinder;
import newsroom.extract.internal.MarkdownWriter;
import newsroom.extract.internal.MetadataExtractor;
import newsroom.extract.internal.PageScan;
import newsroom.extract.internal.TextWriter;
import newsroom.extract.internal.UnreadMarkup;
import newsroom.extract.internal.UrlResolver;

/**
 * Extracts the article of a web page with Jsoup, without per-site rules: metadata (with the origin of each value),
 * the main content as safe Markdown and as plain text. Stateless and thread-safe; one instance can serve a whole
 * Lambda execution environment.
 */
public final class ArticleExtractor implements HtmlArticleExtractor {

    /** Pages larger than this (UTF-8 bytes) are refused: no news article needs more, and parsing costs memory. */
    /** The origin of a publication date read from the page's URL path (see {@code PublishedDateFinder}). */
    static final String URL_DATE_ORIGIN = "url";
    public static final int MAX_PAGE_BYTES = 10 * 1024 * 1024;

    /**
     * Pages with more start tags than this are refused before parsing ({@code PAGE_TOO_COMPLEX}): a parsed element
     * costs a few hundred bytes, and this keeps the tree of any page in a few tens of MB. Counted by the scan that
     * empties what is never read ({@link UnreadMarkup#scan}), an upper bound of the elements: the tags the tokenizer
     * reads as markup; news articles have a few thousand (at most 1,737 on the 181 benchmark pages).
     */
    public static final int MAX_START_TAGS = 50_000;

    /**
     * Elements are nested at most this deep; the parser puts deeper ones beside the last element at this depth, so
     * no walk over the tree recurses or climbs further (jsoup's own default, stated here as part of the contract).
     */
    public static final int MAX_DEPTH = 512;

    /** A JSON-LD article body shorter than this is a teaser, not an article to fall back on. */
    private static final int MIN_JSON_LD_BODY_CHARS = 200;

    /**
     * Extracts the article and maps it to the canonical front-matter names the normalizer accepts: {@code title},
     * {@code date}, {@code lastmod} (typed: an {@code OffsetDateTime} when the page stated the offset, else a
     * {@code LocalDateTime} the normalizer places in the site's zone), {@code author} (names joined with ", "),
     * {@code lang}, {@code summary}, {@code tags}, {@code categories}, {@code thumbnail}, {@code source} ({@code url},
     * {@code canonical}), {@code site_name}, and {@code paywalled: true} only when detected; the body is Markdown.
     *
     * @throws ArticleRejectedException TOO_LARGE over {@value #MAX_PAGE_BYTES} bytes, PAGE_TOO_COMPLEX over
     *                                  {@value #MAX_START_TAGS} start tags, NO_ARTICLE_CONTENT when the page holds
     *                                  nothing that looks like an article, EMPTY_INPUT for a blank page
     */
    @Override
    public RawArticle extract(String html, @Nullable String pageUrl) {
        ExtractedArticle extracted = extractArticle(html, pageUrl);
        PageMetadata metadata = extracted.metadata();
        Map<String, Object> fields = new LinkedHashMap<>();
        metadata.title().ifPresent(f -> fields.put("title", f.value()));
        // a date read only from the URL path is left to the normalizer's fallbacks, which rank the feed's or
        // sitemap's date above it and record params.dateSource: url
        metadata.published().filter(f -> !f.origin().equals(URL_DATE_ORIGIN))
                .ifPresent(f -> fields.put("date", f.value().temporal()));
        metadata.modified().ifPresent(f -> fields.put("lastmod", f.value().temporal()));
        metadata.authors().filter(f -> !f.value().isEmpty())
                .ifPresent(f -> fields.put("author", String.join(", ", f.value())));
        metadata.language().ifPresent(f -> fields.put("lang", f.value()));
        metadata.summary().ifPresent(f -> fields.put("summary", f.value()));
        metadata.tags().filter(f -> !f.value().isEmpty()).ifPresent(f -> fields.put("tags", f.value()));
        metadata.section().ifPresent(f -> fields.put("categories", List.of(f.value())));
        metadata.leadImage().ifPresent(f -> fields.put("thumbnail", f.value()));
        Map<String, Object> source = new LinkedHashMap<>();
        if (pageUrl != null) {
            source.put("url", pageUrl);
        }
        metadata.canonical().ifPresent(f -> source.put("canonical", f.value()));
        if (!source.isEmpty()) {
            fields.put("source", source);
        }
        if (metadata.isPaywalled()) {
            fields.put("paywalled", true);
        }
        metadata.siteName().ifPresent(f -> fields.put("site_name", f.value()));
        return new RawArticle(fields, extracted.content().markdown());
    }

    /**
     * Extracts everything the page offers.
     *
     * @param html    the decoded page
     * @param pageUrl URL it came from (to resolve relative links); may be null for a local file
     * @throws ArticleRejectedException as for {@link #extract}
     */
    public ExtractedArticle extractArticle(String html, @Nullable String pageUrl) {
        if (html == null || html.isBlank()) {
            throw new ArticleRejectedException(Rejection.Code.EMPTY_INPUT, "the page is empty");
        }
        if (utf8Length(html) > MAX_PAGE_BYTES) {
            throw new ArticleRejectedException(Rejection.Code.TOO_LARGE,
                    "the page is over " + MAX_PAGE_BYTES + " bytes");
        }
        UnreadMarkup markup = UnreadMarkup.scan(html, MAX_START_TAGS);
        if (markup.exceedsStartTagLimit()) {
            throw new ArticleRejectedException(Rejection.Code.PAGE_TOO_COMPLEX,
                    "the page has over " + MAX_START_TAGS + " start tags");
        }
        try {
            return extractChecked(markup, pageUrl);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // last line of defence, not the plan: the limits above keep every page well inside a 256 MB heap and
            // every walk iterative; if one still runs out, the page is refused and the tree is garbage already
            throw new ArticleRejectedException(Rejection.Code.PAGE_TOO_COMPLEX,
                    "the page needs more " + (e instanceof StackOverflowError ? "stack" : "memory")
                            + " than extraction allows");
        }
    }

    private ExtractedArticle extractChecked(UnreadMarkup markup, @Nullable String pageUrl) {
        String safePageUrl = pageUrl == null ? null : UrlResolver.resolveHttp(null, pageUrl).orElse(null);
        // parsed without what nothing reads (script code, style rules, comments, drawings): less to build and walk
        Document document = Parser.htmlParser().setMaxDepth(MAX_DEPTH)
                .parseInput(markup.reader(), safePageUrl == null ? "" : safePageUrl);
        // the page's one walk before the content finder: what the metadata finders and the image resolver read
        PageScan scan = PageScan.of(document);
        String baseUrl = baseUrl(scan.images().base(), safePageUrl);
        MetadataExtractor.Reading reading = MetadataExtractor.read(scan, baseUrl);
        PageMetadata metadata = reading.metadata();
        scan.images().resolveAll(baseUrl);
        String title = metadata.title().map(Field::value).orElse(null);
        Element content = MainContentFinder.find(document, title, reading.jsonLdArticleBody()).orElse(null);
        String text = content == null ? "" : TextWriter.write(content);
        if (text.isBlank()) {
            content = reading.jsonLdArticleBody().flatMap(ArticleExtractor::paragraphsOf).orElse(null);
            text = content == null ? "" : TextWriter.write(content);
        }
        if (text.isBlank()) {
            throw new ArticleRejectedException(Rejection.Code.NO_ARTICLE_CONTENT,
                    "no block of the page looks like article text");
        }
        String markdown = MarkdownWriter.write(content, baseUrl, text.length());
        return new ExtractedArticle(safePageUrl,
                metadata.withLanguage(LanguageCheck.check(metadata.language(), text)),
                new ArticleContent(markdown, text));
    }

    /**
     * Extracts a small built-in page once, so that the parser, the content finder and the language detector's
     * profiles (the costly part: see docs/extraction.md, Language) are loaded — for SnapStart priming. Touches
     * nothing outside this JVM.
     */
    public static void warmUp() {
        String paragraph = "<p>The harbour authority said on Tuesday that two solar ferries would enter service in"
                + " the spring, after a winter of trials in the bay, and that the fare would not change.</p>";
        new ArticleExtractor().extractArticle("<html lang=\"en\"><head><title>Priming</title></head><body><article>"
                + "<h1>Priming</h1>" + paragraph.repeat(3) + "</article></body></html>", "https://example.com/a");
        LanguageCheck.warmUp();
    }

    /**
     * Pages rendered by script often ship the article only in JSON-LD; when the page body holds no article, its
     * {@code articleBody} (one paragraph per line) is the content.
     */
    private static Optional<Element> paragraphsOf(String articleBody) {
        if (articleBody.strip().length() < MIN_JSON_LD_BODY_CHARS) {
            return Optional.empty();
        }
        Element content = new Element("div");
        for (String line : articleBody.split("\\R")) {
            if (!line.isBlank()) {
                content.appendElement("p").text(line.strip());
            }
        }
        return Optional.of(content);
    }

    /** The page's first {@code <base href>} (may be null) resolved against the page URL, else the page URL. */
    private static @Nullable String baseUrl(@Nullable Element base, @Nullable String pageUrl) {
        if (base == null) {
            return pageUrl;
        }
        return UrlResolver.resolveHttp(pageUrl, base.attr("href")).orElse(pageUrl);
    }

    private static long utf8Length(String text) {
        if ((long) text.length() * 3 <= MAX_PAGE_BYTES) {
            return text.length();
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
