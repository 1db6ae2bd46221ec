package newsroom.feedpoller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import newsroom.core.observe.Telemetry;
import newsroom.core.port.FetchQueue;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.SourceStateStore;

/**
 * One scheduled poll of every enabled source: discover new article URLs, send them to the fetch queue (the queue
 * adapter batches them ≤ 10 per SendMessageBatch and retries failed entries), then save the source's state. The
 * state is saved only after the queue accepted every request, so a crash in between re-sends rather than loses
 * (the fetcher is idempotent).
 *
 * <p>Sources fail independently: an origin that cannot be fetched is logged and counted (FetchErrors) and the
 * others are still polled. A queue or state-store failure is an infrastructure failure: the remaining sources are
 * still attempted, then {@link PollFailedException} is thrown so the scheduler retries the invocation.
 *
 * <p>Backfill: a source never sends more than its maxItemsPerPoll per poll; a 100k-URL sitemap is worked off over
 * successive polls, and each URL is its own queue message, so the fetching fans out across the article fetcher's
 * concurrency instead of one long invocation (see docs/sam.md).
 */
final class FeedPollService {

    private final Discovery discovery;
    private final FetchQueue queue;
    private final SourceStateStore states;
    private final Telemetry telemetry;

    FeedPollService(Discovery discovery, FetchQueue queue, SourceStateStore states, Telemetry telemetry) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.states = Objects.requireNonNull(states, "states");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /** What one poll of all sources did: URLs queued per source, and the sources that failed with the reason. */
    record Summary(Map<String, Integer> queued, Map<String, String> failed) {
        Summary {
            queued = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queued));
            failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        }
    }

    /** The queue or the state store failed for some sources; the message names them. */
    static final class PollFailedException extends RuntimeException {
        PollFailedException(String message) {
            super(message);
        }
    }

    Summary pollAll() {
        Map<String, Integer> queued = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> infrastructure = new ArrayList<>();
        for (String source : discovery.enabledSources()) {
            Discovery.Poll poll;
            try {
                poll = discovery.poll(source);
            } catch (FetchException e) {
                telemetry.warn("source.poll-failed", Map.of("source", source, "reason", e.reason(),
                        "detail", String.valueOf(e.getMessage()), "retryable", e.retryable()));
                telemetry.count("FetchErrors", source);
                failed.put(source, e.getMessage());
                continue;
            }
            try {
                if (!poll.requests().isEmpty()) {
                    queue.enqueue(poll.requests());
                }
                states.save(poll.newState());
            } catch (RuntimeException e) {
                telemetry.error("source.enqueue-failed", Map.of("source", source,
                        "requests", poll.requests().size(), "detail", String.valueOf(e.getMessage())), e);
                failed.put(source, e.getMessage());
                infrastructure.add(source);
                continue;
            }
            queued.put(source, poll.requests().size());
            telemetry.info("source.polled", Map.of("source", source, "queued", poll.requests().size()));
        }
        if (!infrastructure.isEmpty()) {
            throw new PollFailedException("could not queue the new URLs of " + String.join(", ", infrastructure)
                    + "; their state was not saved, the retry will send them again");
        }
        return new Summary(queued, failed);
    }
}
