package newsroom.feedpoller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.observe.Telemetry;
import newsroom.core.port.FetchQueue;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.PollQueue.PollRequest;
import newsroom.core.port.SourceStateStore;
import newsroom.core.port.SourceStateStore.SourceState;

/**
 * One poll of one source, as a poll worker does it for each poll-queue message: discover new article URLs, send them
 * to the fetch queue (the queue adapter batches them ≤ 10 per SendMessageBatch and retries failed entries), then mark
 * them seen (one small record per URL) and save the source's state with its next due time ({@code dispatchedAt} + the
 * source's interval). Marks and state are written only after the queue accepted every request, so a crash in between
 * re-sends rather than loses (the fetcher is idempotent).
 *
 * <p>A source that cannot be fetched is not retried by the queue: its failure is recorded in its state (failures in
 * a row, the error) with the next attempt after an exponential backoff, {@link #backoff} — twice its interval after
 * the first failure, doubling, capped at {@link #MAX_BACKOFF} — logged ({@code source.poll-failed}) and counted
 * (FetchErrors); the dispatcher reports it on every tick until a poll succeeds. A queue or state-store failure is an
 * infrastructure failure: {@link PollFailedException} is thrown so the message is delivered again (then dead-lettered).
 *
 * <p>Backfill: a source never sends more than its maxItemsPerPoll per poll; a 100k-URL sitemap is worked off over
 * successive polls, and each URL is its own fetch-queue message (see docs/sam.md).
 */
final class FeedPollService {

    /** The longest a failing source waits between attempts. */
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    private final Discovery discovery;
    private final FetchQueue queue;
    private final SourceStateStore states;
    private final Clock clock;
    private final Telemetry telemetry;

    FeedPollService(Discovery discovery, FetchQueue queue, SourceStateStore states, Clock clock, Telemetry telemetry) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.states = Objects.requireNonNull(states, "states");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /** What became of one poll request. */
    enum Status {
        /** polled; its new URLs were queued and its state saved */
        POLLED,
        /** the origin failed; recorded in the state with a backoff */
        FAILED,
        /** no longer an enabled source of the sources file: nothing done */
        GONE
    }

    /** @param queued URLs sent to the fetch queue; @param detail the failure, or null */
    record Outcome(Status status, int queued, String detail) {
    }

    /** The queue or the state store failed; the message names the source. */
    static final class PollFailedException extends RuntimeException {
        PollFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The wait before the next attempt after {@code failures} failed polls in a row: 2^failures × interval, capped. */
    static Duration backoff(Duration interval, int failures) {
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /**
     * @throws PollFailedException when the new URLs could not be queued or the state not saved
     */
    Outcome poll(PollRequest request) {
        String source = request.source();
        Optional<Discovery.Poll> poll;
        try {
            poll = discovery.poll(source);
        } catch (FetchException e) {
            return failed(request, e);
        }
        if (poll.isEmpty()) {
            telemetry.warn("source.gone", Map.of("source", source,
                    "detail", "not an enabled source of the sources file any more; nothing polled"));
            return new Outcome(Status.GONE, 0, null);
        }
        List<FetchQueue.FetchRequest> requests = poll.get().requests();
        Instant next = request.dispatchedAt().plus(discovery.intervalOf(source));
        try {
            if (!requests.isEmpty()) {
                queue.enqueue(requests);
            }
            states.markSeen(source, poll.get().seenUntil());
            states.save(poll.get().newState().succeeded(next));
        } catch (RuntimeException e) {
            telemetry.error("source.enqueue-failed", Map.of("source", source, "requests", requests.size(),
                    "detail", String.valueOf(e.getMessage())), e);
            throw new PollFailedException("could not queue the new URLs of " + source
                    + "; its state was not saved, the retry will send them again", e);
        }
        telemetry.info("source.polled", Map.of("source", source, "queued", requests.size(),
                "nextPollAt", next.toString()));
        return new Outcome(Status.POLLED, requests.size(), null);
    }

    private Outcome failed(PollRequest request, FetchException e) {
        String source = request.source();
        SourceState previous = states.find(source).orElse(new SourceState(source, Map.of(), List.of(), null));
        int failures = previous.consecutiveFailures() + 1;
        Instant next = clock.instant().plus(backoff(discovery.intervalOf(source), failures));
        try {
            states.save(previous.failed(e.getMessage(), next));
        } catch (RuntimeException saveFailure) {
            throw new PollFailedException("could not record the failed poll of " + source, saveFailure);
        }
        telemetry.warn("source.poll-failed", Map.of("source", source, "reason", e.reason(),
                "detail", String.valueOf(e.getMessage()), "failures", failures, "nextPollAt", next.toString()));
        telemetry.count("FetchErrors", source);
        return new Outcome(Status.FAILED, 0, e.getMessage());
    }
}
