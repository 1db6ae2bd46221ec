package newsroom.core.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where an input came from and the source's defaults that normalization applies when the input is silent.
 *
 * @param name              source name for logs and metrics (a feed's name, "cli", "api")
 * @param url               the URL the article was fetched from, or null for files
 * @param path              the file path, relative to what the user named, or null for fetched articles
 * @param timeZone          zone for dates written without one
 * @param defaultLanguage   BCP 47 tag used when the article names none, or null to require one from the input
 * @param defaultCategories categories added when the article has none
 * @param defaultTags       tags added when the article has none
 * @param dateHints         dates known from outside the page (feed entry, sitemap, HTTP, first seen), used only
 *                          when the article states no date of its own
 */
public record SourceContext(String name, @Nullable String url, @Nullable String path, ZoneId timeZone,
                            @Nullable String defaultLanguage, List<String> defaultCategories, List<String> defaultTags,
                            DateHints dateHints) {
    public SourceContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        defaultCategories = List.copyOf(defaultCategories == null ? List.of() : defaultCategories);
        defaultTags = List.copyOf(defaultTags == null ? List.of() : defaultTags);
        dateHints = dateHints == null ? DateHints.NONE : dateHints;
    }

    /** A context without date hints. */
    public SourceContext(String name, String url, String path, ZoneId timeZone, String defaultLanguage,
                         List<String> defaultCategories, List<String> defaultTags) {
        this(name, url, path, timeZone, defaultLanguage, defaultCategories, defaultTags, DateHints.NONE);
    }

    /** A file given on the command line: UTC, English unless the article says otherwise. */
    public static SourceContext ofFile(String path) {
        return new SourceContext("cli", null, path, ZoneOffset.UTC, "en", List.of(), List.of());
    }

    public static SourceContext ofUrl(String name, String url) {
        return new SourceContext(name, url, null, ZoneOffset.UTC, "en", List.of(), List.of());
    }

    public SourceContext withTimeZone(ZoneId zone) {
        return new SourceContext(name, url, path, zone, defaultLanguage, defaultCategories, defaultTags, dateHints);
    }

    public SourceContext withDateHints(DateHints hints) {
        return new SourceContext(name, url, path, timeZone, defaultLanguage, defaultCategories, defaultTags, hints);
    }

    /** The same context for the page at {@code pageUrl} (e.g. after redirects). */
    public SourceContext withUrl(String pageUrl) {
        return new SourceContext(name, pageUrl, path, timeZone, defaultLanguage, defaultCategories, defaultTags,
                dateHints);
    }
}
