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
 * validated by {@link SiteConfigLoader}. Immutable. Grouped by the part of the pipeline that reads it, so a change to
 * one group names that group only.
 *
 * @param timeZone             zone for dates written without one (sources may override)
 * @param languages            the default language, the site's languages and the translation targets
 * @param output               where an article is written and the theme flags it gets by default
 * @param thumbnails           variant widths, linking of the variants from the front matter, the main width, the
 *                             smallest image
 * @param frontMatter          the date fallback, summary and tag rules ({@link FrontMatterRules})
 * @param fetchAllowedNetworks private networks the fetcher may reach ({@code CIDR[:port[-port]]} entries, parsed
 *                             and checked by the fetcher's configuration at start); empty by default
 */
public record SiteConfig(ZoneId timeZone, Languages languages, Output output, ThumbnailSettings thumbnails,
                         FrontMatterRules frontMatter, List<String> fetchAllowedNetworks) {

    /**
     * The languages of the site (keys {@code defaultLanguage}, {@code languages}, {@code targetLanguages}).
     *
     * @param defaultLanguage BCP 47 tag for articles that name no language
     * @param listed          the languages the site publishes in (its Hugo languages); an article's language is
     *                        mapped onto them by {@link SiteLanguages}; empty: each language becomes its primary subtag
     * @param targets         languages every article is translated into (empty: no translation)
     */
    public record Languages(String defaultLanguage, List<String> listed, List<String> targets) {
        public Languages {
            Objects.requireNonNull(defaultLanguage, "defaultLanguage");
            listed = List.copyOf(listed);
            targets = List.copyOf(targets);
        }

        /** English, no list of site languages, no translation. */
        public static Languages defaults() {
            return new Languages("en", List.of(), List.of());
        }

        /** How article languages map onto this site's language folders. */
        public SiteLanguages siteLanguages() {
            return SiteLanguages.of(listed);
        }

        public Languages withListed(List<String> siteLanguages) {
            return new Languages(defaultLanguage, siteLanguages, targets);
        }

        public Languages withTargets(List<String> targetLanguages) {
            return new Languages(defaultLanguage, listed, targetLanguages);
        }
    }

    /**
     * Where and how an article is written (keys {@code pathPattern}, {@code themeDefaults}).
     *
     * @param pathPattern   object key of an article; placeholders {lang} {yyyy} {mm} {dd} {slug} {id}
     * @param themeDefaults values of the theme flags (menu, lead, comments, authorbox, pager, toc, mathjax, sidebar,
     *                      widgets) for articles that do not set them
     */
    public record Output(String pathPattern, Map<String, Object> themeDefaults) {
        public Output {
            Objects.requireNonNull(pathPattern, "pathPattern");
            themeDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(themeDefaults));
        }

        /** The default path pattern and the theme flags of the reference example. */
        public static Output defaults() {
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
            return new Output(DEFAULT_PATH_PATTERN, theme);
        }
    }

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

    /**
     * {@code fallback}: date the article from its feed, sitemap, URL, Last-Modified or first sighting; {@code reject}:
     * refuse it.
     */
    public enum MissingDate { FALLBACK, REJECT }

    /** Names of the theme flags, in output order. */
    public static final List<String> THEME_FLAGS =
            List.of("menu", "lead", "comments", "authorbox", "pager", "toc", "mathjax", "sidebar", "widgets");

    public static final String DEFAULT_PATH_PATTERN = "content/{lang}/{yyyy}/{mm}/{slug}.md";

    public SiteConfig {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(thumbnails, "thumbnails");
        Objects.requireNonNull(frontMatter, "frontMatter");
        fetchAllowedNetworks = List.copyOf(fetchAllowedNetworks);
    }

    /** The documented defaults: UTC, English, no translation, the theme flags of the reference example. */
    public static SiteConfig defaults() {
        return new SiteConfig(ZoneOffset.UTC, Languages.defaults(), Output.defaults(), ThumbnailSettings.defaults(),
                FrontMatterRules.DEFAULTS, List.of());
    }

    public SiteConfig withLanguages(Languages otherLanguages) {
        return new SiteConfig(timeZone, otherLanguages, output, thumbnails, frontMatter, fetchAllowedNetworks);
    }

    /** The same site translating every article into {@code targets}. */
    public SiteConfig withTargetLanguages(List<String> targets) {
        return withLanguages(languages.withTargets(targets));
    }

    public SiteConfig withOutput(Output otherOutput) {
        return new SiteConfig(timeZone, languages, otherOutput, thumbnails, frontMatter, fetchAllowedNetworks);
    }

    public SiteConfig withThumbnails(ThumbnailSettings settings) {
        return new SiteConfig(timeZone, languages, output, settings, frontMatter, fetchAllowedNetworks);
    }

    public SiteConfig withFrontMatter(FrontMatterRules rules) {
        return new SiteConfig(timeZone, languages, output, thumbnails, rules, fetchAllowedNetworks);
    }
}
