package newsroom.core.frontmatter;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import newsroom.core.config.SiteConfig;
import newsroom.core.date.DateParser;
import newsroom.core.frontmatter.InputFields.Field;
import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.CanonicalFrontMatter;
import newsroom.core.model.DateHints;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.NormalizedArticle.Warning;
import newsroom.core.model.RawArticle;
import newsroom.core.model.Rejection;
import newsroom.core.model.SourceContext;
import newsroom.core.text.LanguageTags;
import newsroom.core.text.MarkdownSanitizer;
import newsroom.core.text.PlainText;
import newsroom.core.text.Slugger;
import newsroom.core.text.SummaryBuilder;
import newsroom.core.text.Tags;

/**
 * Maps any source's front matter onto the canonical shape ({@link newsroom.core.model.CanonicalFrontMatter}) and
 * writes the stored Markdown. Deterministic and idempotent: normalizing its own output changes no byte.
 * Keys are matched case-insensitively; aliases, priorities and defaults are listed in {@code docs/front-matter.md}.
 * Nothing the input carries is dropped (except, with a warning in {@link NormalizedArticle#warnings()}, dates that
 * are not plausible and URL-named fields that are not absolute http(s) URLs): values that lose to a higher-priority
 * key, and keys we do not map, go to {@code params}; empty values (null, blank, empty list) of mapped keys count as
 * absent. Deterministic for a given input, context and clock. Thread-safe.
 */
public final class FrontMatterNormalizer {

    static final List<String> TITLE_KEYS = List.of("title");
    static final List<String> DATE_KEYS = List.of("date", "pubdate", "published", "publishdate", "created");
    static final List<String> LASTMOD_KEYS = List.of("lastmod", "modified", "updated");
    static final List<String> SUMMARY_KEYS = List.of("summary", "description", "excerpt", "subtitle");
    static final List<String> CATEGORY_KEYS = List.of("categories", "category", "section");
    static final List<String> TAG_KEYS = List.of("tags", "tag", "keywords");
    static final List<String> LANGUAGE_KEYS = List.of("lang", "language", "locale", "inlanguage");
    static final List<String> THUMBNAIL_KEYS = List.of("thumbnail", "image", "images", "featured_image", "cover");
    static final List<String> AUTHOR_KEYS = List.of("author", "authors", "byline");
    static final List<String> SOURCE_URL_KEYS = List.of("link", "original_url", "source_url");
    static final List<String> CANONICAL_URL_KEYS = List.of("canonical", "canonical_url", "canonicalurl");
    /** Hugo's predefined front-matter keys that we do not map; they stay top-level. */
    static final Set<String> HUGO_KEYS = Set.of("aliases", "draft", "expirydate", "headless", "iscjklanguage",
            "layout", "linktitle", "markup", "outputs", "resources", "sitemap", "type", "url", "weight", "build",
            "cascade");

    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^(?:[ \\t]*\\n)+");

    /** The key under {@code params} that says where the date came from ({@code page}, {@code feed}, …). */
    static final String DATE_SOURCE_KEY = "dateSource";
    /** What the HTML extractor reads a page's date from, for a rejection that tells a user where to look. */
    static final String PAGE_DATE_PLACES = "JSON-LD datePublished/dateCreated,"
            + " <meta property=\"article:published_time\">, <meta itemprop=\"datePublished\">,"
            + " Dublin Core <meta name=\"dc.date\">, <time datetime> and the byline";

    /** What the input is; decides the rules that differ between text a person wrote and metadata read off a page. */
    public enum InputKind {
        /**
         * A file or message with front matter (Markdown, the ingest API, a stored article): its summary is kept as
         * written, and Hugo's {@code description}/{@code images} are written only when the input had them.
         */
        FRONT_MATTER,
        /**
         * Metadata an extractor read off a web page: its summary is shortened to {@code summaryMaxChars}, Hugo's
         * {@code description} and {@code images} are written, {@code params.dateSource} is always written, and a
         * missing date is explained in HTML terms.
         */
        WEB_PAGE
    }

    private final SiteConfig config;
    private final Clock clock;

    public FrontMatterNormalizer(SiteConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock "now", for the plausibility of dates and as the first-seen time when the context has none */
    public FrontMatterNormalizer(SiteConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws ArticleRejectedException when a required field is missing or invalid */
    public NormalizedArticle normalize(RawArticle raw, SourceContext context) {
        return normalize(raw, context, InputKind.FRONT_MATTER);
    }

    /** @throws ArticleRejectedException when a required field is missing or invalid */
    public NormalizedArticle normalize(RawArticle raw, SourceContext context, InputKind kind) {
        InputFields fields = new InputFields(raw.fields());
        String body = body(raw.body());
        List<Warning> warnings = new ArrayList<>();

        String title = title(fields);
        CanonicalFrontMatter.Source source = source(fields, context);
        Dated dated = date(fields, context, source, kind, warnings);
        OffsetDateTime lastmod = lastmod(fields, context, dated.date(), warnings);
        Summary summary = summary(fields, body, kind);
        List<String> categories = terms(fields, CATEGORY_KEYS, context.defaultCategories());
        List<String> tags = Tags.useful(terms(fields, TAG_KEYS, context.defaultTags()),
                config.frontMatter().maxTags());
        String language = language(fields, context);
        List<String> translations = translations(fields, language);
        Thumbnail thumbnail = thumbnail(fields, source == null ? null : source.url());
        String author = author(fields);
        String slug = slug(fields, title);
        Map<String, Object> theme = themeFlags(fields);
        Map<String, Object> inputParams = inputParams(fields);
        Map<String, Object> hugo = new LinkedHashMap<>();
        if ((kind == InputKind.WEB_PAGE || summary.mirrored()) && !summary.text().isEmpty()) {
            hugo.put("description", summary.text());
        }
        if ((kind == InputKind.WEB_PAGE || thumbnail.mirrored()) && thumbnail.url() != null) {
            hugo.put("images", List.of(thumbnail.url()));
        }
        for (Field field : fields.takeRest()) {
            if (HUGO_KEYS.contains(field.lowerKey())) {
                hugo.put(field.key(), field.value());
            } else {
                fields.toParams(field);
            }
        }
        Map<String, Object> params = UrlFields.checked(fields.params(inputParams), "params", warnings);
        if (dated.source() != null && (!dated.source().equals("page") || !params.containsKey(DATE_SOURCE_KEY))) {
            params.put(DATE_SOURCE_KEY, dated.source());
        }

        CanonicalFrontMatter frontMatter = new CanonicalFrontMatter(
                new CanonicalFrontMatter.Header(title, dated.date(), summary.text(), slug, lastmod, author),
                new CanonicalFrontMatter.Taxonomy(categories, List.of(language), translations, tags),
                CanonicalFrontMatter.ThemeFlags.of(theme), thumbnail.url(), source, hugo, params);
        return new NormalizedArticle(frontMatter, body, FrontMatterWriter.write(frontMatter, body), warnings);
    }

    /** Parses a Markdown file with front matter, then normalizes it. */
    public NormalizedArticle normalize(byte[] markdownFile, SourceContext context) {
        return normalize(new FrontMatterParser().parse(markdownFile), context);
    }

    /** LF line ends, no active HTML, no leading blank lines, no trailing white space, one final newline. */
    private static String body(String raw) {
        String body = MarkdownSanitizer.sanitize(raw.replace("\r\n", "\n").replace('\r', '\n'));
        body = LEADING_BLANK_LINES.matcher(body).replaceFirst("").stripTrailing();
        return body.isEmpty() ? "" : body + "\n";
    }

    private static String title(InputFields fields) {
        Field winner = pick(fields, fields.take(TITLE_KEYS), InputFields::isScalar);
        if (winner == null) {
            throw new ArticleRejectedException(Rejection.Code.MISSING_TITLE, "the front matter has no title");
        }
        String title = PlainText.clean(String.valueOf(winner.value()));
        if (title.isEmpty()) {
            throw new ArticleRejectedException(Rejection.Code.MISSING_TITLE, "the title \""
                    + shorten(String.valueOf(winner.value())) + "\" is empty once markup is removed");
        }
        return title;
    }

    /** The article's date and where it came from ({@code page}, {@code feed}, …; null: the input's own, not a page). */
    private record Dated(OffsetDateTime date, String source) {
    }

    /**
     * The input's own date when it states a plausible one; else, unless the site's {@code missingDate} is
     * {@code reject}, the first plausible of: the date the feed or sitemap listed, the date in the URL path, HTTP
     * {@code Last-Modified}, the time the article was first seen. An implausible date is refused with a warning.
     * An unreadable date in front matter is refused (INVALID_DATE); on a web page it is refused with a warning.
     */
    private Dated date(InputFields fields, SourceContext context, CanonicalFrontMatter.Source source, InputKind kind,
                       List<Warning> warnings) {
        Instant now = clock.instant();
        boolean reject = config.frontMatter().missingDate() == SiteConfig.MissingDate.REJECT;
        String ownSource = kind == InputKind.WEB_PAGE ? "page" : null;
        Field winner = pick(fields, fields.take(DATE_KEYS), value -> true);
        if (winner == null && reject) {
            throw new ArticleRejectedException(Rejection.Code.MISSING_DATE, kind == InputKind.WEB_PAGE
                    ? "the page states no publication date (looked at " + PAGE_DATE_PLACES + "); the site's"
                    + " missingDate is reject, so it is not dated from its feed, URL or fetch"
                    : "the front matter has no date (looked for date, pubDate, published, publishDate, created)");
        }
        if (winner != null) {
            String where = "key '" + winner.key() + "': \"" + shorten(String.valueOf(winner.value())) + "\"";
            Optional<OffsetDateTime> parsed = DateParser.strict().parse(winner.value(), context.timeZone());
            if (parsed.isEmpty()) {
                String problem = where + " is not a date in a known form (such as 2025-02-12T15:10:00Z,"
                        + " 2025-02-12 15:10:00, Wed, 12 Feb 2025 15:10:00 GMT or Feb 12, 2025)";
                if (kind == InputKind.FRONT_MATTER || reject) {
                    throw new ArticleRejectedException(Rejection.Code.INVALID_DATE, problem);
                }
                warnings.add(new Warning(winner.key(), problem + "; not used"));
            } else {
                String implausible = DateParser.implausibility(parsed.get(), now);
                if (implausible == null) {
                    return new Dated(parsed.get(), ownSource);
                }
                String problem = where + " is not a plausible publication date: " + implausible;
                if (reject) {
                    throw new ArticleRejectedException(Rejection.Code.INVALID_DATE, problem);
                }
                warnings.add(new Warning(winner.key(), problem + "; not used"));
            }
        }
        return fallbackDate(context, source, now);
    }

    /** The first plausible date known from outside the input; the first-seen time always is one. */
    private static Dated fallbackDate(SourceContext context, CanonicalFrontMatter.Source source, Instant now) {
        DateHints hints = context.dateHints();
        if (hints.listed() != null && DateParser.implausibility(at(hints.listed(), context), now) == null) {
            return new Dated(at(hints.listed(), context), hints.listedIn().word());
        }
        List<String> urls = new ArrayList<>();
        if (source != null) {
            urls.add(source.url());
            urls.add(source.canonical());
        }
        urls.add(context.url());
        for (String url : urls) {
            Optional<OffsetDateTime> fromUrl = DateParser.fromUrlPath(url, context.timeZone());
            if (fromUrl.isPresent() && DateParser.implausibility(fromUrl.get(), now) == null) {
                return new Dated(fromUrl.get(), "url");
            }
        }
        if (hints.lastModified() != null && DateParser.implausibility(at(hints.lastModified(), context), now) == null) {
            return new Dated(at(hints.lastModified(), context), "http-last-modified");
        }
        return new Dated(at(hints.firstSeen() == null ? now : hints.firstSeen(), context), "first-seen");
    }

    private static OffsetDateTime at(Instant instant, SourceContext context) {
        return DateParser.strict().parse(instant, context.timeZone()).orElseThrow();
    }

    /**
     * The lastmod in RFC 3339, or null when absent, equal to the date, unreadable (then kept in params) or
     * implausible (then refused with a warning).
     */
    private @Nullable OffsetDateTime lastmod(InputFields fields, SourceContext context, OffsetDateTime date,
                                             List<Warning> warnings) {
        Field winner = pick(fields, fields.take(LASTMOD_KEYS), value -> true);
        if (winner == null) {
            return null;
        }
        Optional<OffsetDateTime> lastmod = DateParser.strict().parse(winner.value(), context.timeZone());
        if (lastmod.isEmpty()) {
            fields.toParams(winner);
            return null;
        }
        String implausible = DateParser.implausibility(lastmod.get(), clock.instant());
        if (implausible != null) {
            warnings.add(new Warning(winner.key(), "key '" + winner.key() + "': \""
                    + shorten(String.valueOf(winner.value())) + "\" is not a plausible date: " + implausible
                    + "; dropped"));
            return null;
        }
        return lastmod.get().toInstant().equals(date.toInstant()) ? null : lastmod.get();
    }

    /**
     * The summary, and whether the input also carried it as {@code description} (Hugo's key, written beside it by
     * an earlier normalization): that copy is not a competing value and is written again rather than sent to params.
     */
    private record Summary(String text, boolean mirrored) {
    }

    /**
     * The first non-empty of summary, description, excerpt, subtitle, cleaned; a web page's is shortened to
     * {@code summaryMaxChars}. Without one, built from the body within {@code summaryMaxChars}.
     */
    private Summary summary(InputFields fields, String body, InputKind kind) {
        int max = config.frontMatter().summaryMaxChars();
        List<Field> candidates = fields.take(SUMMARY_KEYS);
        Field winner = null;
        for (Field field : candidates) {
            if (InputFields.isScalar(field.value()) && !PlainText.clean(String.valueOf(field.value())).isEmpty()) {
                winner = field;
                break;
            }
        }
        String text;
        if (winner == null) {
            text = SummaryBuilder.fromMarkdown(body, max);
        } else {
            String given = PlainText.clean(String.valueOf(winner.value()));
            text = kind == InputKind.WEB_PAGE ? SummaryBuilder.shorten(given, max) : given;
        }
        boolean mirrored = false;
        for (Field field : candidates) {
            if (field == winner) {
                continue;
            }
            if (!mirrored && winner != null && field.lowerKey().equals("description")
                    && InputFields.isScalar(field.value())
                    && PlainText.clean(String.valueOf(field.value())).equals(text)) {
                mirrored = true;
            } else {
                fields.toParamsUnlessEmpty(field);
            }
        }
        return new Summary(text, mirrored);
    }

    /**
     * Categories or tags: all keys merged in priority order, comma-separated strings split, entries cleaned,
     * empties and case-insensitive duplicates dropped; the source's defaults when none is left.
     */
    private static List<String> terms(InputFields fields, List<String> keys, List<String> defaults) {
        List<Object> values = new ArrayList<>();
        for (Field field : fields.take(keys)) {
            if (field.value() instanceof List<?> list) {
                List<Object> notTerms = new ArrayList<>();
                for (Object item : list) {
                    if (InputFields.isScalar(item)) {
                        values.add(String.valueOf(item));
                    } else if (item != null) {
                        notTerms.add(item);
                    }
                }
                if (!notTerms.isEmpty()) {
                    fields.toParams(field, notTerms);
                }
            } else if (field.value() instanceof String text) {
                values.addAll(List.of(text.split(",")));
            } else if (InputFields.isScalar(field.value())) {
                values.add(String.valueOf(field.value()));
            } else {
                fields.toParamsUnlessEmpty(field);
            }
        }
        List<String> terms = distinctTerms(values);
        return terms.isEmpty() ? distinctTerms(new ArrayList<>(defaults)) : terms;
    }

    private static List<String> distinctTerms(List<Object> values) {
        List<String> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object value : values) {
            String term = PlainText.clean(String.valueOf(value));
            if (!term.isEmpty() && seen.add(term.toLowerCase(Locale.ROOT))) {
                terms.add(term);
            }
        }
        return terms;
    }

    /** The article's language, mapped onto the site's languages ({@link SiteConfig#siteLanguages()}). */
    private String language(InputFields fields, SourceContext context) {
        Field winner = pick(fields, fields.take(LANGUAGE_KEYS), value -> InputFields.isScalar(value)
                || value instanceof List<?> list && !list.isEmpty() && InputFields.isScalar(list.get(0)));
        if (winner == null) {
            if (context.defaultLanguage() == null) {
                throw new ArticleRejectedException(Rejection.Code.INVALID_LANGUAGE, "the article names no language"
                        + " (lang, language, locale or inLanguage) and source '" + context.name() + "' has no default");
            }
            return siteLanguage(context.defaultLanguage(),
                    "the default language of source '" + context.name() + "'");
        }
        Object tag = winner.value();
        if (winner.value() instanceof List<?> list) {
            tag = list.get(0);
            if (list.size() > 1) {
                fields.toParams(winner, new ArrayList<>(list.subList(1, list.size())));
            }
        }
        return siteLanguage(String.valueOf(tag), "key '" + winner.key() + "'");
    }

    private String siteLanguage(String text, String where) {
        return config.languages().siteLanguages().map(languageTag(text, where));
    }

    private static String languageTag(String text, String where) {
        return LanguageTags.normalize(text).orElseThrow(() -> new ArticleRejectedException(
                Rejection.Code.INVALID_LANGUAGE, where + ": \"" + shorten(text)
                + "\" is not a BCP 47 language tag (such as en, en-US, zh-Hant-TW)"));
    }

    /** The article's own language first, then the translations it names, then the site's target languages. */
    private List<String> translations(InputFields fields, String language) {
        Set<String> languages = new LinkedHashSet<>();
        languages.add(language);
        for (Field field : fields.take("translations")) {
            List<?> given = field.value() instanceof List<?> list ? list
                    : field.value() == null ? List.of() : List.of(String.valueOf(field.value()).split(","));
            for (Object item : given) {
                if (item != null && !String.valueOf(item).isBlank()) {
                    languages.add(siteLanguage(String.valueOf(item), "key '" + field.key() + "'"));
                }
            }
        }
        for (String target : config.languages().targets()) {
            languages.add(config.languages().siteLanguages().map(LanguageTags.normalize(target).orElse(target)));
        }
        return List.copyOf(languages);
    }

    /**
     * The page URL and its canonical URL: from {@code source} (a map {url, canonical} or a URL string), then the
     * aliases; the context's URL when the input has none; canonical defaults to the URL. Values that are not
     * absolute http(s) URLs go to params.
     */
    private static CanonicalFrontMatter.Source source(InputFields fields, SourceContext context) {
        List<Field> urls = new ArrayList<>();
        List<Field> canonicals = new ArrayList<>();
        for (Field field : fields.take("source")) {
            if (field.value() instanceof String) {
                urls.add(field);
            } else if (field.value() instanceof Map<?, ?> map) {
                Map<String, Object> rest = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (key.equalsIgnoreCase("url") && entry.getValue() instanceof String) {
                        urls.add(new Field(field.index(), field.key(), Map.of(key, entry.getValue())));
                    } else if (key.equalsIgnoreCase("canonical") && entry.getValue() instanceof String) {
                        canonicals.add(new Field(field.index(), field.key(), Map.of(key, entry.getValue())));
                    } else {
                        rest.put(key, entry.getValue());
                    }
                }
                if (!rest.isEmpty()) {
                    fields.toParams(field, rest);
                }
            } else {
                fields.toParamsUnlessEmpty(field);
            }
        }
        urls.addAll(fields.take(SOURCE_URL_KEYS));
        canonicals.addAll(fields.take(CANONICAL_URL_KEYS));
        String url = firstHttpUrl(fields, urls);
        if (url == null && context.url() != null && isHttpUrl(context.url())) {
            url = context.url();
        }
        String canonical = firstHttpUrl(fields, canonicals);
        if (canonical == null) {
            canonical = url;
        }
        return url == null && canonical == null ? null : new CanonicalFrontMatter.Source(url, canonical);
    }

    /** The first candidate that is an absolute http(s) URL; every other non-empty candidate goes to params. */
    private static String firstHttpUrl(InputFields fields, List<Field> candidates) {
        String chosen = null;
        for (Field field : candidates) {
            Object value = field.value() instanceof Map<?, ?> piece ? piece.values().iterator().next() : field.value();
            String url = value instanceof String s ? s.strip() : null;
            if (chosen == null && url != null && isHttpUrl(url)) {
                chosen = url;
            } else {
                fields.toParamsUnlessEmpty(field);
            }
        }
        return chosen;
    }

    /**
     * The thumbnail URL (null when none), and whether the input also carried it as {@code images: [url]} (Hugo's
     * key, written beside it by an earlier normalization): that copy is written again rather than sent to params.
     */
    private record Thumbnail(String url, boolean mirrored) {
    }

    /**
     * The first thumbnail candidate that resolves to an absolute http(s) URL (relative ones against the source URL).
     * Candidates that do not, and those that lose, go to params with their original value (where the URL check
     * drops the ones that are not absolute http(s) URLs); the unused rest of an {@code images} list or a
     * {@code cover} map goes to params too.
     */
    private static Thumbnail thumbnail(InputFields fields, String baseUrl) {
        String thumbnail = null;
        boolean mirrored = false;
        for (Field field : fields.take(THUMBNAIL_KEYS)) {
            if (thumbnail != null && !mirrored && field.lowerKey().equals("images")
                    && field.value() instanceof List<?> list && list.size() == 1 && thumbnail.equals(list.get(0))) {
                mirrored = true;
                continue;
            }
            ImageCandidate candidate = thumbnail == null ? ImageCandidate.of(field) : null;
            String resolved = candidate == null ? null : resolveHttpUrl(candidate.url(), baseUrl);
            if (resolved == null) {
                fields.toParamsUnlessEmpty(field);
                continue;
            }
            thumbnail = resolved;
            if (!InputFields.isEmpty(candidate.rest())) {
                fields.toParams(field, candidate.rest());
            }
        }
        return new Thumbnail(thumbnail, mirrored);
    }

    /** An image URL found in a thumbnail field and what is left of the field's value without it. */
    private record ImageCandidate(String url, Object rest) {
        static ImageCandidate of(Field field) {
            Object value = field.value();
            if (value instanceof String url) {
                return new ImageCandidate(url, null);
            }
            if (field.lowerKey().equals("images") && value instanceof List<?> list && !list.isEmpty()
                    && list.get(0) instanceof String first) {
                return new ImageCandidate(first, new ArrayList<>(list.subList(1, list.size())));
            }
            if (field.lowerKey().equals("cover") && value instanceof Map<?, ?> cover) {
                Map<String, Object> rest = new LinkedHashMap<>();
                String url = null;
                for (Map.Entry<?, ?> entry : cover.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (url == null && key.equalsIgnoreCase("image") && entry.getValue() instanceof String image) {
                        url = image;
                    } else {
                        rest.put(key, entry.getValue());
                    }
                }
                return url == null ? null : new ImageCandidate(url, rest);
            }
            return null;
        }
    }

    /** The URL made absolute against {@code baseUrl} when relative; null unless the result is http(s) with a host. */
    static String resolveHttpUrl(String value, String baseUrl) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute()) {
                return isHttpUrl(text) ? text : null;
            }
            if (baseUrl == null) {
                return null;
            }
            String resolved = new URI(baseUrl).resolve(uri).toString();
            return isHttpUrl(resolved) ? resolved : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isHttpUrl(String text) {
        return UrlFields.isHttpUrl(text);
    }

    /** A string; a list joined with ", "; a map's {@code name}. Values that lose information also go to params. */
    private static String author(InputFields fields) {
        Field winner = pick(fields, fields.take(AUTHOR_KEYS), value -> !authorNames(value).isEmpty());
        if (winner == null) {
            return null;
        }
        List<String> names = authorNames(winner.value());
        if (!isPlainAuthor(winner.value())) {
            fields.toParams(winner);
        }
        return String.join(", ", names);
    }

    private static List<String> authorNames(Object value) {
        List<String> names = new ArrayList<>();
        List<?> items = value instanceof List<?> list ? list : List.of(value == null ? "" : value);
        for (Object item : items) {
            Object name = item instanceof Map<?, ?> map ? nameOf(map) : item;
            String clean = InputFields.isScalar(name) ? PlainText.clean(String.valueOf(name)) : "";
            if (!clean.isEmpty()) {
                names.add(clean);
            }
        }
        return names;
    }

    private static Object nameOf(Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (String.valueOf(entry.getKey()).equalsIgnoreCase("name")) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** True when the author value is fully represented by the names: strings, or maps holding only a name. */
    private static boolean isPlainAuthor(Object value) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        for (Object item : items) {
            boolean plain = item instanceof String || item instanceof Map<?, ?> map && map.size() == 1
                    && nameOf(map) instanceof String;
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static String slug(InputFields fields, String title) {
        Field winner = pick(fields, fields.take("slug"), InputFields::isScalar);
        if (winner != null) {
            String slug = Slugger.slugOrEmpty(String.valueOf(winner.value()));
            if (!slug.isEmpty()) {
                return slug;
            }
            fields.toParams(winner);
        }
        return Slugger.slugify(title);
    }

    /** Each theme flag as given, of any type and even empty ({@code menu: ""}), else the site default. */
    private Map<String, Object> themeFlags(InputFields fields) {
        Map<String, Object> flags = new LinkedHashMap<>();
        for (String flag : SiteConfig.THEME_FLAGS) {
            Field winner = null;
            for (Field field : fields.take(flag)) {
                if (winner == null && field.value() != null) {
                    winner = field;
                } else if (field.value() != null) {
                    fields.toParams(field);
                }
            }
            flags.put(flag, winner == null ? config.output().themeDefaults().get(flag) : winner.value());
        }
        return flags;
    }

    /** The entries of the input's {@code params} maps; a {@code params} that is not a map is an ordinary param. */
    private static Map<String, Object> inputParams(InputFields fields) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Field field : fields.take("params")) {
            if (field.value() instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (params.containsKey(key)) {
                        fields.toParams(new Field(field.index(), key, entry.getValue()));
                    } else {
                        params.put(key, entry.getValue());
                    }
                }
            } else {
                fields.toParamsUnlessEmpty(field);
            }
        }
        return params;
    }

    /**
     * The first candidate whose value is usable wins; every other candidate with a non-empty value goes to params
     * under its own key (a losing value is never dropped). Null when none is usable.
     */
    private static Field pick(InputFields fields, List<Field> candidates, Predicate<Object> usable) {
        Field winner = null;
        for (Field field : candidates) {
            if (winner == null && !InputFields.isEmpty(field.value()) && usable.test(field.value())) {
                winner = field;
            } else {
                fields.toParamsUnlessEmpty(field);
            }
        }
        return winner;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
