package newsroom.core.port;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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

    /**
     * Like {@link #fetch(URI, ContentKind, Map)}, but everything the call does (robots.txt, politeness wait,
     * attempts, backoff, redirects, reading the body) ends within {@code budget}; what cannot finish in time fails
     * with a retryable TIMEOUT or HOST_BUSY. The production adapter honours it; test doubles may ignore it.
     */
    default FetchedResource fetch(URI uri, ContentKind kind, Map<String, String> validators, Duration budget)
            throws FetchException {
        return fetch(uri, kind, validators);
    }

    /**
     * One GET for a URL whose kind is not known in advance (a URL a user typed): the response's media type and its
     * first bytes decide, once, which of {@code kinds} it is, and the body is held to that kind's limit.
     * {@link FetchedResource#kind()} says what was decided. A response that is none of them fails with
     * UNSUPPORTED_CONTENT_TYPE, naming its type and what its first bytes are.
     */
    default FetchedResource fetchClassified(URI uri, Set<ContentKind> kinds) throws FetchException {
        if (kinds.size() == 1) {
            return fetch(uri, kinds.iterator().next());
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot classify responses");
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
     * @param kind       what the body was accepted as (for {@link #fetchClassified}, the decided kind), or null
     *                   when the adapter does not say
     */
    record FetchedResource(URI requestedUri, URI finalUri, int status, @Nullable String contentType,
                           @Nullable String charset, byte[] body, boolean notModified, Map<String, String> validators,
                           @Nullable ContentKind kind) {
        public FetchedResource {
            Objects.requireNonNull(finalUri, "finalUri");
            Objects.requireNonNull(body, "body");
            validators = Map.copyOf(validators == null ? Map.of() : validators);
        }

        /** A resource whose kind is not stated. */
        public FetchedResource(URI requestedUri, URI finalUri, int status, String contentType, String charset,
                               byte[] body, boolean notModified, Map<String, String> validators) {
            this(requestedUri, finalUri, status, contentType, charset, body, notModified, validators, null);
        }
    }

    /**
     * A fetch that did not produce a usable body, with its {@link FetchFailure} code (branch on it, never on the
     * message) and whether trying later may help.
     */
    class FetchException extends Exception {
        private final FetchFailure reason;
        private final String detail;
        private final boolean retryable;
        private final long retryAfterSeconds;

        /** A failure retryable as its code says, with no retry hint. */
        public FetchException(FetchFailure reason, String detail) {
            this(reason, detail, Objects.requireNonNull(reason, "reason").retryable(), 0);
        }

        /**
         * @param retryable         overrides the code's default for this case (an UNKNOWN_HOST answered once may
         *                          be retried; one still answered after the retries may not)
         * @param retryAfterSeconds Retry-After or backoff, 0 when unknown
         */
        public FetchException(FetchFailure reason, String detail, boolean retryable, long retryAfterSeconds) {
            super(Objects.requireNonNull(reason, "reason").name() + " (" + detail + ")");
            this.reason = reason;
            this.detail = detail;
            this.retryable = retryable;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public FetchFailure reason() {
            return reason;
        }

        /** What happened, for people, without the reason code (the message is {@code reason (detail)}). */
        public String detail() {
            return detail;
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
