package newsroom.core.config;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Site-wide configuration, read once at start (from a YAML file locally, from environment variables on Lambda) and
 * validated by {@link SiteConfigLoader}. Immutable.
 *
 * @param timeZone         zone for dates written without one (sources may override)
 * @param defaultLanguage  BCP 47 tag for articles that name no language
 * @param targetLanguages  languages every article is translated into (empty: no translation)
 * @param thumbnailWidths  widths in pixels of the thumbnail variants, ascending
 * @param pathPattern      object key of an article; placeholders {lang} {yyyy} {mm} {dd} {slug} {id}
 * @param themeDefaults    values of the theme flags (menu, lead, comments, authorbox, pager, toc, mathjax, sidebar,
 *                         widgets) for articles that do not set them
 * @param fetchAllowedNetworks private networks the fetcher may reach ({@code CIDR[:port[-port]]} entries, parsed
 *                         and checked by the fetcher's configuration at start); empty by default
 * @param languages        the languages the site publishes in (its Hugo languages); an article's language is mapped
 *                         onto them by {@link SiteLanguages}; empty: each language becomes its primary subtag
 * @param frontMatter      the date fallback, summary and tag rules ({@link FrontMatterRules})
 * @param thumbnails       linking of the variants from the front matter, the main width, the smallest image
 */
public record SiteConfig(ZoneId timeZone, String defaultLanguage, List<String> targetLanguages,
                         List<Integer> thumbnailWidths, String pathPattern, Map<String, Object> themeDefaults,
                         List<String> fetchAllowedNetworks, List<String> languages,
                         FrontMatterRules frontMatter, ThumbnailSettings thumbnails) {

    /**
     * How front matter is completed and bounded (keys {@code missingDate}, {@code summaryMaxChars}, {@code maxTags}).
     *
     * @param missingDate     what to do with an article whose page states no usable date
     * @param summaryMaxChars longest summary written for a web page or built from a body, in code points
     * @param maxTags         most tags kept (the first ones, in priority order)
     */
    public record FrontMatterRules(MissingDate missingDate, int summaryMaxChars, int maxTags) {
        public static final int DEFAULT_SUMMARY_MAX_CHARS = 300;
        public static final int DEFAULT_MAX_TAGS = 10;
        public static final FrontMatterRules DEFAULTS =
                new FrontMatterRules(MissingDate.FALLBACK, DEFAULT_SUMMARY_MAX_CHARS, DEFAULT_MAX_TAGS);

        public FrontMatterRules {
            Objects.requireNonNull(missingDate, "missingDate");
        }
    }

    /** {@code fallback}: date the article from its feed, sitemap, URL, Last-Modified or first sighting; {@code reject}: refuse it. */
    public enum MissingDate { FALLBACK, REJECT }

    /** Names of the theme flags, in output order. */
    public static final List<String> THEME_FLAGS =
            List.of("menu", "lead", "comments", "authorbox", "pager", "toc", "mathjax", "sidebar", "widgets");

    public static final String DEFAULT_PATH_PATTERN = "content/{lang}/{yyyy}/{mm}/{slug}.md";

    public SiteConfig {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(pathPattern, "pathPattern");
        targetLanguages = List.copyOf(targetLanguages);
        thumbnailWidths = List.copyOf(thumbnailWidths);
        themeDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(themeDefaults));
        fetchAllowedNetworks = List.copyOf(fetchAllowedNetworks);
        languages = List.copyOf(languages);
        frontMatter = frontMatter == null ? FrontMatterRules.DEFAULTS : frontMatter;
        thumbnails = thumbnails == null ? ThumbnailSettings.defaults() : thumbnails;
    }

    /** A configuration without a private-network allow-list, listing no languages, with the default front-matter rules and thumbnail settings. */
    public SiteConfig(ZoneId timeZone, String defaultLanguage, List<String> targetLanguages,
                      List<Integer> thumbnailWidths, String pathPattern, Map<String, Object> themeDefaults) {
        this(timeZone, defaultLanguage, targetLanguages, thumbnailWidths, pathPattern, themeDefaults, List.of(),
                List.of(), FrontMatterRules.DEFAULTS, ThumbnailSettings.defaults());
    }

    /** How article languages map onto this site's language folders. */
    public SiteLanguages siteLanguages() {
        return SiteLanguages.of(languages);
    }

    /** The documented defaults: the theme flags of the reference example, UTC, English, no translation. */
    public static SiteConfig defaults() {
        Map<String, Object> theme = new LinkedHashMap<>();
        theme.put("menu", "");
        theme.put("lead", "");
        theme.put("comments", false);
        theme.put("authorbox", false);
        theme.put("pager", true);
        theme.put("toc", false);
        theme.put("mathjax", false);
        theme.put("sidebar", "right");
        theme.put("widgets", List.of("search", "recent", "taglist"));
        return new SiteConfig(ZoneOffset.UTC, "en", List.of(), List.of(320, 640, 1280), DEFAULT_PATH_PATTERN, theme);
    }

    public SiteConfig withTargetLanguages(List<String> languages) {
        return new SiteConfig(timeZone, defaultLanguage, languages, thumbnailWidths, pathPattern, themeDefaults,
                fetchAllowedNetworks, this.languages, frontMatter, thumbnails);
    }

    public SiteConfig withLanguages(List<String> siteLanguages) {
        return new SiteConfig(timeZone, defaultLanguage, targetLanguages, thumbnailWidths, pathPattern, themeDefaults,
                fetchAllowedNetworks, siteLanguages, frontMatter, thumbnails);
    }

    public SiteConfig withFrontMatter(FrontMatterRules rules) {
        return new SiteConfig(timeZone, defaultLanguage, targetLanguages, thumbnailWidths, pathPattern, themeDefaults,
                fetchAllowedNetworks, languages, rules, thumbnails);
    }

    public SiteConfig withThumbnails(ThumbnailSettings settings) {
        return new SiteConfig(timeZone, defaultLanguage, targetLanguages, thumbnailWidths, pathPattern, themeDefaults,
                fetchAllowedNetworks, languages, frontMatter, settings);
    }
}
