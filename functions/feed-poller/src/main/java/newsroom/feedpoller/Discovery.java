package newsroom.feedpoller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.SourceStateStore.SourceState;

/**
 * What the dispatcher and the poll worker need from discovery: the enabled sources of the sources file, and one
 * conditional, capped poll of a source (the discovery module's {@code SourcePoller} in production). A poll does not
 * save state: the caller marks {@link Poll#seenUntil()} and saves {@link Poll#newState()} only after its requests
 * were accepted by the queue.
 */
interface Discovery {

    /** Names of the enabled sources, in file order, from the sources file as it is now. */
    List<String> enabledSources();

    /**
     * Polls the enabled source of that name.
     *
     * @return empty when the sources file no longer has that source enabled (removed or disabled since dispatch)
     * @throws FetchException when the source's feed or sitemap cannot be fetched now
     */
    Optional<Poll> poll(String sourceName) throws FetchException;

    /** The interval of that source (its own, or the deployment's default); the default for an unknown source. */
    Duration intervalOf(String sourceName);

    /**
     * New article URLs to fetch (already capped at the source's maxItemsPerPoll), then the seen marks to write
     * (URL → expiry) and the state to save.
     */
    record Poll(List<FetchRequest> requests, Map<String, Instant> seenUntil, SourceState newState) {
        public Poll {
            requests = List.copyOf(requests);
            seenUntil = Map.copyOf(seenUntil);
            Objects.requireNonNull(newState, "newState");
        }
    }
}
