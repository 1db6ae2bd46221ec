package newsroom.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The one front-matter shape every stored article has (the default output profile, after
 * {@code shared/examples/coinlive-apple-alibaba.md}). Field order here is the order written.
 *
 * <p>Dates are RFC 3339 strings with an offset ({@code 2025-02-12T15:10:00Z}). Theme flags keep whatever value
 * and type the source gave (String, Boolean, List, Map); when absent they are the site defaults. Unknown input
 * fields live in {@link #params}, never dropped.
 *
 * @param lastmod null when equal to {@code date} or unknown
 * @param author  null when unknown; several authors joined with ", "
 * @param source  null for files without a URL
 * @param hugo    Hugo's own predefined front-matter keys that we do not map (draft, weight, aliases, ...), under the
 *                key spelling and in the order the source used; written top-level after {@code source}, because
 *                Hugo reads them only there; empty map when none
 * @param params  unknown fields, in source order; empty map when none (not written then)
 */
public record CanonicalFrontMatter(
        String title,
        String date,
        String summary,
        List<String> categories,
        List<String> lang,
        List<String> translations,
        List<String> tags,
        Object menu,
        @Nullable String thumbnail,
        Object lead,
        Object comments,
        Object authorbox,
        Object pager,
        Object toc,
        Object mathjax,
        Object sidebar,
        Object widgets,
        String slug,
        @Nullable String lastmod,
        @Nullable String author,
        @Nullable Source source,
        Map<String, Object> hugo,
        Map<String, Object> params) {

    /** Where a web article came from: the URL we fetched and the page's canonical URL. */
    public record Source(@Nullable String url, @Nullable String canonical) {
    }

    public CanonicalFrontMatter {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(slug, "slug");
        categories = List.copyOf(categories);
        lang = List.copyOf(lang);
        translations = List.copyOf(translations);
        tags = List.copyOf(tags);
        hugo = hugo == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hugo));
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The article's own language (first of {@link #lang}). */
    public String language() {
        return lang.get(0);
    }
}
