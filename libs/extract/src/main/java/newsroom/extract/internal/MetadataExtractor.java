package newsroom.extract.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

import newsroom.extract.ArticleDate;
import newsroom.extract.Field;
import newsroom.extract.PageMetadata;

/**
 * Reads article metadata from a parsed page. Precedence per field: JSON-LD article object, then OpenGraph / Twitter /
 * {@code <meta>} conventions (article:*, parsely, Dublin Core, sailthru), then page heuristics ({@code <time>},
 * bylines, {@code <h1>}, {@code <title>}). The canonical URL prefers {@code <link rel=canonical>}, the address the page
 * itself declares. Does not modify the document.
 */
public final class MetadataExtractor {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;|]\\s*");
    private static final int MAX_NAME_CHARS = 100;

    private final Document document;
    /** The elements every finder starts from, collected in one walk of the page. */
    private final PageScan scan;
    private final @Nullable String baseUrl;
    private final Map<String, List<String>> meta = new LinkedHashMap<>();
    private final Optional<JsonLdReader.ArticleNode> jsonLd;
    private @Nullable SiteIdentity site;
    private @Nullable List<JsonLdReader.TypedNode> ldNodes;
    private final List<JsonNode> ldBlocks;

    private MetadataExtractor(PageScan scan, @Nullable String baseUrl) {
        this.document = scan.document;
        this.baseUrl = baseUrl;
        // the page's one walk collected what every finder reads (meta values, JSON-LD scripts, headings, <time>,
        // date attributes, bylines); the JSON-LD blocks are parsed once here and shared by every field
        this.scan = scan;
        scan.metas.forEach(this::addMeta);
        this.ldBlocks = JsonLdReader.blocks(scan.jsonLdScripts);
        this.jsonLd = JsonLdReader.findArticleIn(ldBlocks);
    }

    private void addMeta(Element element) {
        // exact-key reads, as attr() answers: the parser lower-cases attribute names, and a missing one reads ""
        Attributes attributes = element.attributes();
        String content = attributes.get("content").strip();
        if (content.isEmpty()) {
            return;
        }
        // the first non-blank of property, name, itemprop and http-equiv, each read only if those before are blank
        String key = attributes.get("property");
        if (key.isBlank()) {
            key = attributes.get("name");
        }
        if (key.isBlank()) {
            key = attributes.get("itemprop");
        }
        if (key.isBlank()) {
            key = attributes.get("http-equiv");
        }
        if (!key.isBlank()) {
            meta.computeIfAbsent(key.toLowerCase(Locale.ROOT).strip(), k -> new ArrayList<>()).add(content);
        }
    }

    /**
     * Reads the metadata of a page from its scan, made just before (the page unchanged since).
     *
     * @param scan    the page's one walk, {@link PageScan#of}
     * @param baseUrl absolute URL that relative URLs resolve against (page URL or {@code <base href>}); may be null
     */
    public static Reading read(PageScan scan, @Nullable String baseUrl) {
        return new MetadataExtractor(scan, baseUrl).read();
    }

    /**
     * {@link #read(PageScan, String)} of the page's scan, for a caller that needs nothing else from it.
     *
     * @param document parsed page, untouched
     * @param baseUrl  absolute URL that relative URLs resolve against (page URL or {@code <base href>}); may be null
     */
    public static Reading read(Document document, @Nullable String baseUrl) {
        return read(PageScan.of(document), baseUrl);
    }

    /**
     * What a page's head and markup say before its content is touched.
     *
     * @param metadata          the page's metadata
     * @param jsonLdArticleBody the JSON-LD {@code articleBody}, which the content finder takes as evidence of where
     *                          the article is (and the extractor as content when the page body holds none)
     */
    public record Reading(PageMetadata metadata, Optional<String> jsonLdArticleBody) {
    }

    private Reading read() {
        return new Reading(new PageMetadata(title(), authors(), date(true), date(false), language(), summary(),
                canonical(), siteName(), section(), tags(), leadImage(), paywalled()),
                jsonLd.flatMap(a -> first(a.node().get("articleBody"))));
    }

    private Optional<Field<String>> title() {
        List<Field<String>> declared = new ArrayList<>();
        ld("headline", this::cleanText).ifPresent(declared::add);
        ld("name", this::cleanText).ifPresent(declared::add);
        for (String key : List.of("og:title", "twitter:title")) {
            meta.getOrDefault(key, List.of()).forEach(v -> declared.add(new Field<>(v, "meta:" + key)));
        }
        String titleText = scan.title == null ? "" : scan.title.text();
        if (!titleText.isBlank()) {
            declared.add(new Field<>(titleText.strip(), "title"));
        }
        for (String key : List.of("dc.title", "parsely-title", "sailthru.title")) {
            meta.getOrDefault(key, List.of()).forEach(v -> declared.add(new Field<>(v, "meta:" + key)));
        }
        // schema.org microdata, trusted least: the headline the page's own markup names (a Joomla h2, a theme's h1)
        String microdata = scan.microdataHeadline == null ? "" : scan.microdataHeadline.text();
        if (!microdata.isBlank()) {
            declared.add(new Field<>(microdata.strip(), "itemprop:headline"));
        }
        return TitleChooser.choose(scan, document, declared, site());
    }

    /** All JSON-LD blocks of the page, parsed once. */
    private List<JsonNode> ldBlocks() {
        return ldBlocks;
    }

    /** Every typed object of the JSON-LD blocks, found once on first use (the date and language both read them). */
    private List<JsonLdReader.TypedNode> ldNodes() {
        if (ldNodes == null) {
            ldNodes = JsonLdReader.findAllIn(ldBlocks);
        }
        return ldNodes;
    }

    /** The site's names, read once on first use (titles and authors both compare with them). */
    private SiteIdentity site() {
        if (site == null) {
            site = SiteIdentity.of(meta, JsonLdReader.siteNames(ldBlocks()), baseUrl);
        }
        return site;
    }

    private Optional<Field<List<String>>> authors() {
        return AuthorFinder.find(scan, document, meta, ldBlocks(), site());
    }

    /** Both dates, found once by {@link PublishedDateFinder} (candidates from the whole page, then a choice). */
    private PublishedDateFinder.@Nullable Dates dates;

    private Optional<Field<ArticleDate>> date(boolean published) {
        if (dates == null) {
            dates = PublishedDateFinder.find(scan, document, meta, ldNodes(), document.location(), Clock.systemUTC());
        }
        return published ? dates.published() : dates.modified();
    }

    /** What the page declares, in this order; {@link LanguageCheck} takes the first well-formed tag. */
    private Optional<Field<String>> language() {
        List<Field<String>> declared = new ArrayList<>();
        ld("inLanguage", this::cleanText).ifPresent(declared::add);
        for (String key : List.of("og:locale", "dc.language", "content-language", "language")) {
            meta.getOrDefault(key, List.of()).forEach(value -> declared.add(new Field<>(value, "meta:" + key)));
        }
        Element html = scan.html;
        if (html != null && !html.attr("lang").isBlank()) {
            declared.add(new Field<>(html.attr("lang"), "html[lang]"));
        }
        // last, the language another JSON-LD object of the page states (a WebPage's inLanguage beside the article)
        for (JsonLdReader.TypedNode node : ldNodes()) {
            JsonNode inLanguage = node.node().get("inLanguage");
            if (!node.nested() && inLanguage != null && inLanguage.isTextual()) {
                declared.add(new Field<>(inLanguage.asText(), "json-ld:" + node.type() + ".inLanguage"));
            }
        }
        return LanguageCheck.firstDeclared(declared);
    }

    private Optional<Field<String>> summary() {
        return ld("description", this::cleanText)
                .or(() -> meta("og:description", "description", "twitter:description", "dc.description"));
    }

    private Optional<Field<String>> canonical() {
        Element link = scan.canonicalLink;
        if (link != null) {
            Optional<String> url = UrlResolver.resolveHttp(baseUrl, link.attr("href"));
            if (url.isPresent()) {
                return Optional.of(new Field<>(url.get(), "link[rel=canonical]"));
            }
        }
        return meta("og:url", "twitter:url", "parsely-link")
                .flatMap(f -> UrlResolver.resolveHttp(baseUrl, f.value()).map(u -> new Field<>(u, f.origin())))
                .or(() -> ld("url", v -> UrlResolver.resolveHttp(baseUrl, v).orElse(null)));
    }

    private Optional<Field<String>> siteName() {
        if (jsonLd.isPresent()) {
            List<String> names = JsonLdReader.texts(jsonLd.get().node().get("publisher"), "name");
            if (!names.isEmpty()) {
                return Optional.of(new Field<>(names.get(0), ldOrigin("publisher.name")));
            }
        }
        return meta("og:site_name", "application-name", "parsely-site", "twitter:site");
    }

    private Optional<Field<String>> section() {
        return ld("articleSection", this::cleanText)
                .or(() -> meta("article:section", "parsely-section", "sailthru.section", "section", "category"));
    }

    private Optional<Field<List<String>>> tags() {
        if (jsonLd.isPresent()) {
            List<String> keywords = splitList(JsonLdReader.texts(jsonLd.get().node().get("keywords"), "name"));
            if (!keywords.isEmpty()) {
                return Optional.of(new Field<>(keywords, ldOrigin("keywords")));
            }
        }
        for (String key : List.of("article:tag", "parsely-tags", "sailthru.tags", "news_keywords", "keywords",
                "dc.subject")) {
            List<String> keywords = splitList(meta.getOrDefault(key, List.of()));
            if (!keywords.isEmpty()) {
                return Optional.of(new Field<>(keywords, "meta:" + key));
            }
        }
        return Optional.empty();
    }

    private Optional<Field<String>> leadImage() {
        if (jsonLd.isPresent()) {
            for (String candidate : JsonLdReader.texts(jsonLd.get().node().get("image"), "url")) {
                Optional<String> url = UrlResolver.resolveHttp(baseUrl, candidate);
                if (url.isPresent()) {
                    return Optional.of(new Field<>(url.get(), ldOrigin("image")));
                }
            }
        }
        for (String key : List.of("og:image:secure_url", "og:image", "og:image:url", "twitter:image",
                "twitter:image:src", "thumbnailurl")) {
            for (String value : meta.getOrDefault(key, List.of())) {
                Optional<String> url = UrlResolver.resolveHttp(baseUrl, value);
                if (url.isPresent()) {
                    return Optional.of(new Field<>(url.get(), "meta:" + key));
                }
            }
        }
        Element link = scan.imageSrcLink;
        return link == null ? Optional.empty()
                : UrlResolver.resolveHttp(baseUrl, link.attr("href")).map(u -> new Field<>(u, "link[rel=image_src]"));
    }

    private Optional<Field<Boolean>> paywalled() {
        if (jsonLd.isPresent()) {
            JsonNode node = jsonLd.get().node();
            if (isFalse(node.get("isAccessibleForFree"))) {
                return Optional.of(new Field<>(true, ldOrigin("isAccessibleForFree")));
            }
            JsonNode parts = node.get("hasPart");
            if (parts != null) {
                for (JsonNode part : parts.isArray() ? parts : List.of(parts)) {
                    if (isFalse(part.get("isAccessibleForFree"))) {
                        return Optional.of(new Field<>(true, ldOrigin("hasPart.isAccessibleForFree")));
                    }
                }
            }
        }
        for (String value : meta.getOrDefault("article:content_tier", List.of())) {
            if (value.strip().equalsIgnoreCase("locked")) {
                return Optional.of(new Field<>(true, "meta:article:content_tier"));
            }
        }
        return Optional.empty();
    }

    private static boolean isFalse(JsonNode value) {
        return value != null && (value.isBoolean() && !value.asBoolean()
                || value.isTextual() && value.asText().strip().equalsIgnoreCase("false"));
    }

    private Optional<Field<String>> ld(String key, Function<String, String> clean) {
        return jsonLd.flatMap(a -> first(a.node().get(key))).map(clean).filter(v -> v != null && !v.isEmpty())
                .map(v -> new Field<>(v, ldOrigin(key)));
    }

    private String ldOrigin(String key) {
        return "json-ld:" + jsonLd.map(JsonLdReader.ArticleNode::type).orElse("Article") + "." + key;
    }

    private static Optional<String> first(JsonNode value) {
        List<String> texts = JsonLdReader.texts(value, "name");
        return texts.isEmpty() ? Optional.empty() : Optional.of(texts.get(0));
    }

    private Optional<Field<String>> meta(String... keys) {
        for (String key : keys) {
            for (String value : meta.getOrDefault(key, List.of())) {
                String clean = cleanText(value);
                if (!clean.isEmpty()) {
                    return Optional.of(new Field<>(clean, "meta:" + key));
                }
            }
        }
        return Optional.empty();
    }

    private String cleanText(String value) {
        if (value == null) {
            return "";
        }
        return MetaText.clean(value, false);
    }

    private List<String> splitList(List<String> raw) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String value : raw) {
            for (String part : LIST_SEPARATOR.split(value)) {
                String item = cleanText(part);
                if (!item.isEmpty() && item.length() <= MAX_NAME_CHARS) {
                    items.add(item);
                }
            }
        }
        return new ArrayList<>(items);
    }
}
