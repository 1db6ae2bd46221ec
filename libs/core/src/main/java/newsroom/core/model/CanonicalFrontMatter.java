package newsroom.core.model;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The one front-matter shape every stored article has (the default output profile, after
 * {@code shared/examples/coinlive-apple-alibaba.md}), in named groups: the {@link Header} a reader sees, the
 * {@link Taxonomy} a site files it under, the theme's {@link ThemeFlags}, the thumbnail and the {@link Source}, then
 * what is passed through ({@code hugo}, {@code params}). {@code FrontMatterWriter} writes the fields in the
 * reference example's order.
 *
 * <p>Dates are {@link OffsetDateTime}s here, written as RFC 3339 with seconds and an offset
 * ({@code 2025-02-12T15:10:00Z}) only by the writer. Unknown input fields live in {@link #params}, never dropped.
 *
 * @param thumbnail the image URL, or null when none
 * @param source    null for files without a URL
 * @param hugo      Hugo's own predefined front-matter keys that we do not map (draft, weight, aliases, ...), under the
 *                  key spelling and in the order the source used; written top-level after {@code source}, because
 *                  Hugo reads them only there; empty map when none
 * @param params    unknown fields, in source order; empty map when none (not written then)
 */
public record CanonicalFrontMatter(
        Header header,
        Taxonomy taxonomy,
        ThemeFlags theme,
        @Nullable String thumbnail,
        @Nullable Source source,
        Map<String, Object> hugo,
        Map<String, Object> params) {

    /**
     * What a reader sees at the top of the article.
     *
     * @param date    the publication date, whole seconds
     * @param summary null when there is none
     * @param lastmod null when equal to {@code date} or unknown
     * @param author  null when unknown; several authors joined with ", "
     */
    public record Header(String title, OffsetDateTime date, @Nullable String summary, String slug,
                         @Nullable OffsetDateTime lastmod, @Nullable String author) {
        public Header {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(slug, "slug");
            date = date.truncatedTo(ChronoUnit.SECONDS);
            lastmod = lastmod == null ? null : lastmod.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /**
     * Where the site files the article.
     *
     * @param lang         the article's language first, as Hugo's multilingual themes read it
     * @param translations the languages it is (to be) translated into
     */
    public record Taxonomy(List<String> categories, List<String> lang, List<String> translations, List<String> tags) {
        public Taxonomy {
            categories = List.copyOf(categories);
            lang = List.copyOf(lang);
            translations = List.copyOf(translations);
            tags = List.copyOf(tags);
        }

        /** The article's own language (first of {@link #lang}). */
        public String language() {
            return lang.get(0);
        }
    }

    /**
     * The theme's flags ({@code SiteConfig.THEME_FLAGS}), each with whatever value and type the source gave
     * (String, Boolean, List, Map), the site default when absent, null when neither sets it.
     */
    public record ThemeFlags(@Nullable Object menu, @Nullable Object lead, @Nullable Object comments,
                             @Nullable Object authorbox, @Nullable Object pager, @Nullable Object toc,
                             @Nullable Object mathjax, @Nullable Object sidebar, @Nullable Object widgets) {

        /** The flags from values keyed by flag name; a name that is absent is null. */
        public static ThemeFlags of(Map<String, ?> values) {
            return new ThemeFlags(values.get("menu"), values.get("lead"), values.get("comments"),
                    values.get("authorbox"), values.get("pager"), values.get("toc"), values.get("mathjax"),
                    values.get("sidebar"), values.get("widgets"));
        }
    }

    /** Where a web article came from: the URL we fetched and the page's canonical URL. */
    public record Source(@Nullable String url, @Nullable String canonical) {
    }

    public CanonicalFrontMatter {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(theme, "theme");
        hugo = hugo == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hugo));
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
