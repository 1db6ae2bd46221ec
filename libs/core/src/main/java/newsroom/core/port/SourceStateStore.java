package newsroom.core.port;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Per-source polling state: the validators for conditional GET and the item URLs already sent for fetching, so an
 * unchanged feed costs one 304 and a changed one sends only new items; and the source's schedule and health (when it
 * is next due, how often in a row it failed and why), which the poll dispatcher reads. DynamoDB on AWS, the embedded
 * index locally. One item per source; its size is bounded by the poller's caps on {@code seenUrls}.
 */
public interface SourceStateStore {

    Optional<SourceState> find(String sourceName);

    /**
     * The schedule and health of each named source that has a state, without its validators or seen URLs: what the
     * poll dispatcher reads on every tick for every source. Sources never saved are absent from the map. Adapters
     * read only those fields, in batches (a source's full state can be tens of kilobytes of {@code seenUrls}); this
     * default reads each state whole, which suits in-memory stores.
     */
    default Map<String, SourceSchedule> schedules(List<String> sourceNames) {
        Map<String, SourceSchedule> schedules = new LinkedHashMap<>();
        for (String name : sourceNames) {
            find(name).ifPresent(state -> schedules.put(name, SourceSchedule.of(state)));
        }
        return schedules;
    }

    /**
     * Replaces the state of that source (last writer wins: the dispatcher sends one poll per source and due time, so
     * one worker at a time writes a source's state).
     */
    void save(SourceState state);

    /**
     * @param nextPollAt from when the dispatcher sends the source again, or null for "due now"
     */
    record SourceSchedule(String sourceName, int consecutiveFailures, @Nullable String lastError,
                          @Nullable Instant nextPollAt) {
        public SourceSchedule {
            Objects.requireNonNull(sourceName, "sourceName");
        }

        static SourceSchedule of(SourceState state) {
            return new SourceSchedule(state.sourceName(), state.consecutiveFailures(), state.lastError(),
                    state.nextPollAt());
        }
    }

    /**
     * @param validators document URL -> (ETag / Last-Modified header name -> value), for feeds, sitemaps, robots.txt
     * @param seenUrls   most recent item URLs already enqueued, newest first, capped by the poller
     * @param lastPolled when the last completed poll ran, or null
     * @param consecutiveFailures polls in a row that failed at the origin (0 after a successful poll)
     * @param lastError  reason and detail of the last failed poll, or null once a poll succeeded
     * @param nextPollAt from when the dispatcher sends the source again (its interval after a success, an
     *                   exponential backoff after failures), or null for "due now"; adapters store both instants as
     *                   RFC 3339 text ({@code Rfc3339})
     */
    record SourceState(String sourceName, Map<String, Map<String, String>> validators, List<String> seenUrls,
                       @Nullable Instant lastPolled, int consecutiveFailures, @Nullable String lastError,
                       @Nullable Instant nextPollAt) {
        public SourceState {
            Objects.requireNonNull(sourceName, "sourceName");
            validators = Map.copyOf(validators == null ? Map.of() : validators);
            seenUrls = List.copyOf(seenUrls == null ? List.of() : seenUrls);
            if (consecutiveFailures < 0) {
                throw new IllegalArgumentException("consecutiveFailures must not be negative");
            }
        }

        /** A healthy state with no schedule yet (due now). */
        public SourceState(String sourceName, Map<String, Map<String, String>> validators, List<String> seenUrls,
                           @Nullable Instant lastPolled) {
            this(sourceName, validators, seenUrls, lastPolled, 0, null, null);
        }

        /** This state after a successful poll: healthy, next due at {@code nextPollAt}. */
        public SourceState succeeded(Instant nextPollAt) {
            return new SourceState(sourceName, validators, seenUrls, lastPolled, 0, null, nextPollAt);
        }

        /** This state after one more failed poll: the error recorded, next due at {@code nextPollAt}. */
        public SourceState failed(String error, Instant nextPollAt) {
            return new SourceState(sourceName, validators, seenUrls, lastPolled, consecutiveFailures + 1, error,
                    nextPollAt);
        }
    }
}
