package newsroom.core.port;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Every outbound HTTP request goes through this port: pages, feeds, sitemaps, robots.txt, images. The production
 * adapter enforces the SSRF guard on the resolved address, size and time limits, allowed content types per kind,
 * robots.txt and per-host politeness (the {@code fetch} module).
 */
public interface Fetcher {

    /**
     * @param validators ETag / Last-Modified from an earlier fetch for a conditional GET, or an empty map
     * @throws FetchException when the URL is not allowed or the fetch failed; {@link FetchException#retryable()}
     *                        says whether trying later may help
     */
    FetchedResource fetch(URI uri, ContentKind kind, Map<String, String> validators) throws FetchException;

    default FetchedResource fetch(URI uri, ContentKind kind) throws FetchException {
        return fetch(uri, kind, Map.of());
    }

    /** What we expect; decides allowed content types and the body limit. */
    enum ContentKind { HTML, FEED, SITEMAP, ROBOTS, IMAGE }

    /**
     * A fetched response. {@code notModified} is true for a 304 (then {@code body} is empty).
     *
     * @param finalUri   after redirects
     * @param charset    name of the charset the body is in ({@code newsroom.core.text.CharsetDetector}: BOM, header,
     *                   meta, detection), or null for binary content
     * @param validators ETag / Last-Modified to send next time
     */
    record FetchedResource(URI requestedUri, URI finalUri, int status, String contentType, String charset,
                           byte[] body, boolean notModified, Map<String, String> validators) {
        public FetchedResource {
            Objects.requireNonNull(finalUri, "finalUri");
            Objects.requireNonNull(body, "body");
            validators = Map.copyOf(validators == null ? Map.of() : validators);
        }
    }

    /** A fetch that did not produce a usable body. {@code reason} is a stable code such as URL_NOT_ALLOWED. */
    class FetchException extends Exception {
        private final String reason;
        private final boolean retryable;
        private final long retryAfterSeconds;

        public FetchException(String reason, String detail, boolean retryable, long retryAfterSeconds) {
            super(reason + " (" + detail + ")");
            this.reason = reason;
            this.retryable = retryable;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public String reason() {
            return reason;
        }

        public boolean retryable() {
            return retryable;
        }

        /** Seconds to wait before trying again (Retry-After or backoff), 0 when unknown. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
