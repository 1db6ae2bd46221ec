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
 * @param thumbnails       linking of the variants from the front matter, the main width, the smallest image
 */
public record SiteConfig(ZoneId timeZone, String defaultLanguage, List<String> targetLanguages,
                         List<Integer> thumbnailWidths, String pathPattern, Map<String, Object> themeDefaults,
                         ThumbnailSettings thumbnails) {

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
        Objects.requireNonNull(thumbnails, "thumbnails");
    }

    /** With the default {@link ThumbnailSettings}. */
    public SiteConfig(ZoneId timeZone, String defaultLanguage, List<String> targetLanguages,
                      List<Integer> thumbnailWidths, String pathPattern, Map<String, Object> themeDefaults) {
        this(timeZone, defaultLanguage, targetLanguages, thumbnailWidths, pathPattern, themeDefaults,
                ThumbnailSettings.defaults());
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
                thumbnails);
    }

    public SiteConfig withThumbnails(ThumbnailSettings settings) {
        return new SiteConfig(timeZone, defaultLanguage, targetLanguages, thumbnailWidths, pathPattern, themeDefaults,
                settings);
    }
}
