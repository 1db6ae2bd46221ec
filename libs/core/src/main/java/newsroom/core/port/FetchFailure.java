package newsroom.core.port;

import newsroom.core.port.Fetcher.FetchException;

/**
 * Why a {@link newsroom.core.port.Fetcher} call gave nothing usable: the stable codes a {@link FetchException}
 * carries in {@link FetchException#reason()}, each with whether trying again later usually helps. The fetch adapter
 * reports the transport codes, discovery the document codes (a feed or sitemap that was fetched but cannot be used).
 * Names are part of the public contract (logs, metrics, API problem types): rename none.
 */
public enum FetchFailure {
    /** Scheme, port, user info, host syntax, or a resolved address is not allowed (SSRF guard). */
    URL_NOT_ALLOWED(false),
    /** The host name does not exist (NXDOMAIN), still after the bounded retries. */
    UNKNOWN_HOST(false),
    /** The resolver failed for now (SERVFAIL, timeout), still after the bounded retries: try again later. */
    DNS_UNAVAILABLE(true),
    /** TCP connect failed or the connection was reset (after the bounded retries). */
    CONNECT_FAILED(true),
    /** TLS handshake failed, including a certificate that does not match the host name. */
    TLS_FAILED(false),
    /** The connect timeout or the total deadline of the request fired. */
    TIMEOUT(true),
    /** The body, counted after decompression, exceeds the limit for its kind. */
    TOO_LARGE(false),
    /** The Content-Type is not one allowed for the requested kind. */
    UNSUPPORTED_CONTENT_TYPE(false),
    /** A redirect pointed back to a URL already visited in the same request. */
    REDIRECT_LOOP(false),
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS(false),
    /** A redirect without a usable Location header. */
    BAD_REDIRECT(false),
    /** The server answered with a status that is not success, redirect, 304 or retryable (e.g. 404, 410, 403). */
    HTTP_ERROR(false),
    /** 5xx (or 408) after the bounded retries. */
    SERVER_ERROR(true),
    /** 429, or 503 with Retry-After: come back after {@link FetchException#retryAfterSeconds()}. */
    RATE_LIMITED(true),
    /** robots.txt of the host disallows the path for our user agent. */
    ROBOTS_DISALLOWED(false),
    /** robots.txt could not be fetched (5xx, network): RFC 9309 says assume complete disallow for now. */
    ROBOTS_UNAVAILABLE(true),
    /** Politeness (per-host delay or Crawl-delay) would make us wait longer than allowed: come back later. */
    HOST_BUSY(true),
    /** The response is not valid HTTP/1.1 (bad status line, headers, chunking, or content encoding). */
    BAD_RESPONSE(false),
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED(true),
    /** Discovery: not well-formed RSS/Atom/RDF, or refused for safety (DOCTYPE, external entities). */
    MALFORMED_FEED(false),
    /** Discovery: not a valid sitemap, sitemap index or URL list. */
    MALFORMED_SITEMAP(false),
    /** Discovery: a homepage that links no RSS or Atom feed. */
    NO_FEED_FOUND(false),
    /** Discovery: XML that is neither a feed nor a sitemap, or a response of a kind we cannot use. */
    UNSUPPORTED_INPUT(false);

    private final boolean retryable;

    FetchFailure(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether trying later usually helps; a {@link FetchException} may say otherwise for one case. */
    public boolean retryable() {
        return retryable;
    }

    /** A {@link FetchException} with this code, the detail for people, and no retry hint. */
    public FetchException exception(String detail) {
        return new FetchException(this, detail, retryable, 0);
    }

    /** A {@link FetchException} with this code and a retry hint in seconds (only meaningful if retryable). */
    public FetchException exception(String detail, long retryAfterSeconds) {
        return new FetchException(this, detail, retryable, retryable ? Math.max(0, retryAfterSeconds) : 0);
    }
}
