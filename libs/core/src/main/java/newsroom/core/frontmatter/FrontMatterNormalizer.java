package newsroom.core.frontmatter;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import newsroom.core.config.SiteConfig;
import newsroom.core.frontmatter.InputFields.Field;
import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.CanonicalFrontMatter;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.RawArticle;
import newsroom.core.model.Rejection;
import newsroom.core.model.SourceContext;
import newsroom.core.text.LanguageTags;
import newsroom.core.text.MarkdownSanitizer;
import newsroom.core.text.PlainText;
import newsroom.core.text.Slugger;
import newsroom.core.text.SummaryBuilder;

/**
 * Maps any source's front matter onto the canonical shape ({@link newsroom.core.model.CanonicalFrontMatter}) and
 * writes the stored Markdown. Deterministic and idempotent: normalizing its own output changes no byte.
 * Keys are matched case-insensitively; aliases, priorities and defaults are listed in {@code docs/front-matter.md}.
 * Nothing the input carries is dropped: values that lose to a higher-priority key, and keys we do not map, go to
 * {@code params}; empty values (null, blank, empty list) of mapped keys count as absent. Thread-safe.
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

    private final SiteConfig config;

    public FrontMatterNormalizer(SiteConfig config) {
        this.config = config;
    }

    /** @throws ArticleRejectedException when a required field is missing or invalid */
    public NormalizedArticle normalize(RawArticle raw, SourceContext context) {
        InputFields fields = new InputFields(raw.fields());
        String body = body(raw.body());

        String title = title(fields);
        OffsetDateTime date = date(fields, context);
        String lastmod = lastmod(fields, context, date);
        String summary = summary(fields, body);
        List<String> categories = terms(fields, CATEGORY_KEYS, context.defaultCategories());
        List<String> tags = terms(fields, TAG_KEYS, context.defaultTags());
        String language = language(fields, context);
        List<String> translations = translations(fields, language);
        CanonicalFrontMatter.Source source = source(fields, context);
        String thumbnail = thumbnail(fields, source == null ? null : source.url());
        String author = author(fields);
        String slug = slug(fields, title);
        Map<String, Object> theme = themeFlags(fields);
        Map<String, Object> inputParams = inputParams(fields);
        Map<String, Object> hugo = new LinkedHashMap<>();
        for (Field field : fields.takeRest()) {
            if (HUGO_KEYS.contains(field.lowerKey())) {
                hugo.put(field.key(), field.value());
            } else {
                fields.toParams(field);
            }
        }

        CanonicalFrontMatter frontMatter = new CanonicalFrontMatter(title, DateParser.format(date), summary,
                categories, List.of(language), translations, tags, theme.get("menu"), thumbnail, theme.get("lead"),
                theme.get("comments"), theme.get("authorbox"), theme.get("pager"), theme.get("toc"),
                theme.get("mathjax"), theme.get("sidebar"), theme.get("widgets"), slug, lastmod, author, source, hugo,
                fields.params(inputParams));
        return new NormalizedArticle(frontMatter, body, FrontMatterWriter.write(frontMatter, body));
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

    private static OffsetDateTime date(InputFields fields, SourceContext context) {
        Field winner = pick(fields, fields.take(DATE_KEYS), value -> true);
        if (winner == null) {
            throw new ArticleRejectedException(Rejection.Code.MISSING_DATE,
                    "the front matter has no date (looked for date, pubDate, published, publishDate, created)");
        }
        return DateParser.parse(winner.value(), context.timeZone()).orElseThrow(() -> new ArticleRejectedException(
                Rejection.Code.INVALID_DATE, "key '" + winner.key() + "': \"" + shorten(String.valueOf(winner.value()))
                + "\" is not a date in a known form (such as 2025-02-12T15:10:00Z, 2025-02-12 15:10:00,"
                + " Wed, 12 Feb 2025 15:10:00 GMT or Feb 12, 2025)"));
    }

    /** The lastmod in RFC 3339, or null when absent, equal to the date, or unreadable (then kept in params). */
    private static String lastmod(InputFields fields, SourceContext context, OffsetDateTime date) {
        Field winner = pick(fields, fields.take(LASTMOD_KEYS), value -> true);
        if (winner == null) {
            return null;
        }
        Optional<OffsetDateTime> lastmod = DateParser.parse(winner.value(), context.timeZone());
        if (lastmod.isEmpty()) {
            fields.toParams(winner);
            return null;
        }
        return lastmod.get().toInstant().equals(date.toInstant()) ? null : DateParser.format(lastmod.get());
    }

    private static String summary(InputFields fields, String body) {
        Field winner = pick(fields, fields.take(SUMMARY_KEYS),
                value -> InputFields.isScalar(value) && !PlainText.clean(String.valueOf(value)).isEmpty());
        return winner == null ? SummaryBuilder.fromMarkdown(body) : PlainText.clean(String.valueOf(winner.value()));
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
        return config.siteLanguages().map(languageTag(text, where));
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
        for (String target : config.targetLanguages()) {
            languages.add(config.siteLanguages().map(LanguageTags.normalize(target).orElse(target)));
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
     * The first thumbnail candidate that resolves to an absolute http(s) URL (relative ones against the source URL).
     * Candidates that do not, and those that lose, go to params with their original value; the unused rest of an
     * {@code images} list or a {@code cover} map goes to params too.
     */
    private static String thumbnail(InputFields fields, String baseUrl) {
        String thumbnail = null;
        for (Field field : fields.take(THUMBNAIL_KEYS)) {
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
        return thumbnail;
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
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
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
            flags.put(flag, winner == null ? config.themeDefaults().get(flag) : winner.value());
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
