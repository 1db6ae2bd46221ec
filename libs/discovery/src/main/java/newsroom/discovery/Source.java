package newsroom.discovery;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import newsroom.core.model.SourceContext;

/**
 * One entry of the sources file: where to discover articles and the defaults applied to what it yields.
 *
 * @param language        BCP 47 tag for articles that name none, or null for the site default
 * @param maxItemsPerPoll most new item URLs one poll sends for fetching
 */
public record Source(String name, Type type, URI url, ZoneId timeZone, @Nullable String language,
                     List<String> categories, List<String> tags, int maxItemsPerPoll, boolean enabled) {

    /** How the URL is read. */
    public enum Type { FEED, SITEMAP, HOMEPAGE }

    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeZone, "timeZone");
        categories = List.copyOf(categories == null ? List.of() : categories);
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** The context normalization uses for an article found through this source. */
    public SourceContext contextFor(String articleUrl, String siteDefaultLanguage) {
        return new SourceContext(name, articleUrl, null, timeZone, language == null ? siteDefaultLanguage : language,
                categories, tags);
    }
}
