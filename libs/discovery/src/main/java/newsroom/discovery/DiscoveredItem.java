package newsroom.discovery;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One article URL found in a feed or a sitemap.
 *
 * @param url       absolute http(s) URL as the document gave it (resolved against the document URL)
 * @param published publication or last-modification time, or null when the document gives none
 */
public record DiscoveredItem(String url, @Nullable Instant published) {
    public DiscoveredItem {
        Objects.requireNonNull(url, "url");
    }
}
