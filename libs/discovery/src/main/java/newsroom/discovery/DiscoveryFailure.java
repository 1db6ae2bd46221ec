package newsroom.discovery;

import newsroom.core.port.Fetcher.FetchException;

/**
 * Reason codes for documents that were fetched but cannot be used for discovery, reported as non-retryable
 * {@link FetchException}s so callers handle one exception type for "this URL gave nothing usable".
 */
public enum DiscoveryFailure {
    /** Not well-formed RSS/Atom/RDF, or refused for safety (DOCTYPE, external entities). */
    MALFORMED_FEED,
    /** Not a valid sitemap, sitemap index or URL list. */
    MALFORMED_SITEMAP,
    /** A homepage that links no RSS or Atom feed. */
    NO_FEED_FOUND,
    /** XML that is neither a feed nor a sitemap, or a response of a kind we cannot use. */
    UNSUPPORTED_INPUT;

    public FetchException exception(String detail) {
        return new FetchException(name(), detail, false, 0);
    }
}
