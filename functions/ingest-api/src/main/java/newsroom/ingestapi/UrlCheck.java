package newsroom.ingestapi;

import java.net.URI;
import java.util.Optional;

/**
 * The network policy for submitted URLs (the fetch module's SSRF guard in production): says why a URL may not be
 * fetched, or nothing when it may. Called before anything is queued, so a refused URL is answered at once; the
 * fetcher checks again on the resolved address when it fetches.
 */
@FunctionalInterface
interface UrlCheck {

    Optional<String> refusal(URI uri);
}
