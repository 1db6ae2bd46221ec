package newsroom.ingestapi;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.fetch.UrlGuard;

/**
 * {@link UrlCheck} by the fetch module's SSRF guard: a URL the guard refuses (scheme, user info, port, an address
 * that is not public) is refused at submission. A host that does not resolve right now is accepted: that is no
 * SSRF risk, DNS may recover, and the fetcher checks the resolved address again when it fetches.
 */
final class GuardedUrlCheck implements UrlCheck {

    private final UrlGuard guard;

    GuardedUrlCheck(UrlGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public Optional<String> refusal(URI uri) {
        try {
            guard.check(uri);
            return Optional.empty();
        } catch (FetchException e) {
            return e.reason() == FetchFailure.URL_NOT_ALLOWED ? Optional.of(e.getMessage()) : Optional.empty();
        }
    }
}
