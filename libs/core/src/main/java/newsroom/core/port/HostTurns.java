package newsroom.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Turns at a host, shared by every fetcher instance (every Lambda execution environment): at most one request to a
 * host at a time across all of them, and the host's next allowed start — the crawl-delay after the last request, or a
 * Retry-After the host sent — honoured by all of them. DynamoDB on AWS (one small item per host, conditional
 * writes); {@link #IN_PROCESS} where one process is the only fetcher (the CLI), whose in-process politeness suffices.
 *
 * <p>A turn is a lease: a holder that dies without releasing blocks the host only until {@code leaseUntil}.
 */
public interface HostTurns {

    /** No shared turns: every take succeeds (the fetcher's in-process politeness is all there is). */
    HostTurns IN_PROCESS = new HostTurns() {
        @Override
        public Optional<Busy> tryTake(String host, String holder, Instant now, Instant leaseUntil) {
            return Optional.empty();
        }

        @Override
        public void release(String host, String holder, Instant nextAllowedAt) {
            // nothing shared
        }
    };

    /**
     * Takes the host's turn when it is free at {@code now}: released and its next allowed start reached, or its
     * holder's lease run out.
     *
     * @return empty when taken (held by {@code holder} until {@code leaseUntil} at most); otherwise why not
     */
    Optional<Busy> tryTake(String host, String holder, Instant now, Instant leaseUntil);

    /**
     * The host is not free.
     *
     * @param freeAt when it is free at the latest: its next allowed start, or the current holder's lease end
     * @param held   true while another holder's request is in flight (it usually ends long before {@code freeAt});
     *               false when the host was released with a later next allowed start (a Crawl-delay, a Retry-After)
     */
    record Busy(Instant freeAt, boolean held) {
    }

    /**
     * Gives the turn back: the host's next request may start at {@code nextAllowedAt}. A release by a holder whose
     * lease was taken over by another is ignored (it must not shorten the other's turn).
     */
    void release(String host, String holder, Instant nextAllowedAt);
}
