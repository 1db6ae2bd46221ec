package newsroom.feedpoller;

import java.util.List;
import java.util.Objects;

import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.SourceStateStore.SourceState;

/**
 * What the poller needs from discovery: the enabled sources of the sources file, and one conditional, capped poll
 * of a source (the discovery module's {@code SourcePoller} in production). A poll does not save state: the caller
 * saves {@link Poll#newState()} only after its requests were accepted by the queue.
 */
interface Discovery {

    /** Names of the enabled sources, in file order. */
    List<String> enabledSources();

    /**
     * @throws FetchException when the source's feed or sitemap cannot be fetched now
     */
    Poll poll(String sourceName) throws FetchException;

    /** New article URLs to fetch (already capped at the source's maxItemsPerPoll) and the state to save after. */
    record Poll(List<FetchRequest> requests, SourceState newState) {
        public Poll {
            requests = List.copyOf(requests);
            Objects.requireNonNull(newState, "newState");
        }
    }
}
