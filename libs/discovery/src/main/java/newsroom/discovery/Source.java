package newsroom.discovery;

import java.net.URI;
import java.time.Duration;
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
 * @param pollInterval    how often the source is polled, or null for the deployment's default
 *                        ({@code POLL_INTERVAL_MINUTES})
 */
public record Source(String name, Type type, URI url, ZoneId timeZone, @Nullable String language,
                     List<String> categories, List<String> tags, int maxItemsPerPoll, boolean enabled,
                     @Nullable Duration pollInterval) {

    /** How the URL is read. */
    public enum Type { FEED, SITEMAP, HOMEPAGE }

    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeZone, "timeZone");
        categories = List.copyOf(categories == null ? List.of() : categories);
        tags = List.copyOf(tags == null ? List.of() : tags);
        if (pollInterval != null && (pollInterval.isZero() || pollInterval.isNegative())) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
    }

    /** A source polled at the deployment's default interval. */
    public Source(String name, Type type, URI url, ZoneId timeZone, String language, List<String> categories,
                  List<String> tags, int maxItemsPerPoll, boolean enabled) {
        this(name, type, url, timeZone, language, categories, tags, maxItemsPerPoll, enabled, null);
    }

    /** This source's interval, or {@code defaultInterval} when the sources file sets none. */
    public Duration pollIntervalOr(Duration defaultInterval) {
        return pollInterval == null ? defaultInterval : pollInterval;
    }

    /** The context normalization uses for an article found through this source. */
    public SourceContext contextFor(String articleUrl, String siteDefaultLanguage) {
        return new SourceContext(name, articleUrl, null, timeZone, language == null ? siteDefaultLanguage : language,
                categories, tags);
    }
}
