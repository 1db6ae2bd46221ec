package newsroom.core.port;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Per-source polling state: the validators for conditional GET, so an unchanged feed costs one 304; the source's
 * schedule and health (when it is next due, how often in a row it failed and why), which the poll dispatcher reads;
 * and, kept apart from both, one seen mark per item URL already sent for fetching, with an expiry, so a changed feed
 * sends only new items. A poll reads the marks of the URLs its document lists ({@link #seen}) and writes one mark
 * per URL it sends ({@link #markSeen}): its cost follows the feed's size and the new items, not the history of the
 * source. DynamoDB on AWS, the embedded index locally.
 */
public interface SourceStateStore {

    Optional<SourceState> find(String sourceName);

    /**
     * The schedule and health of each named source that has a state, without its validators or seen URLs: what the
     * poll dispatcher reads on every tick for every source. Sources never saved are absent from the map. Adapters
     * read only those fields, in batches (a state of an earlier version can hold tens of kilobytes of seen URLs); this
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
     * Which of {@code urls} are marked seen for that source at {@code now}: marked by {@link #markSeen} with an expiry
     * after {@code now} (adapters may round expiries to the second). URLs of other sources, unmarked URLs and expired
     * marks are not seen. Adapters read in batches whatever the number of URLs (DynamoDB: {@code BatchGetItem} of
     * 100 marks a call, or one {@code Query} of the source's marks for a listing of thousands), never one request per
     * URL. Empty for no URLs, without a request.
     */
    Set<String> seen(String sourceName, Collection<String> urls, Instant now);

    /**
     * Marks each URL seen for that source until its instant, replacing an earlier mark of the same URL: one small
     * record per URL (DynamoDB: an item of under 1 KB, written 25 a {@code BatchWriteItem}, deleted by the table's
     * TTL once expired). Nothing for an empty map. The poller marks only after the queue accepted the URLs, so a crash
     * in between sends them again rather than loses them.
     *
     * @throws IllegalArgumentException for a blank source name
     */
    void markSeen(String sourceName, Map<String, Instant> expiresAtByUrl);

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
     * @param legacySeenUrls item URLs an earlier version kept in the state itself (newest first, up to 1,000) before
     *                   seen marks had records of their own: still honoured as seen, never added to; the poller moves
     *                   them into seen marks (expiring a TTL after {@code lastPolled}) and saves the state without
     *                   them on its next successful poll. Adapters keep what they are given.
     * @param lastPolled when the last completed poll ran, or null
     * @param consecutiveFailures polls in a row that failed at the origin (0 after a successful poll)
     * @param lastError  reason and detail of the last failed poll, or null once a poll succeeded
     * @param nextPollAt from when the dispatcher sends the source again (its interval after a success, an
     *                   exponential backoff after failures), or null for "due now"; adapters store both instants as
     *                   RFC 3339 text ({@code Rfc3339})
     */
    record SourceState(String sourceName, Map<String, Map<String, String>> validators, List<String> legacySeenUrls,
                       @Nullable Instant lastPolled, int consecutiveFailures, @Nullable String lastError,
                       @Nullable Instant nextPollAt) {
        public SourceState {
            Objects.requireNonNull(sourceName, "sourceName");
            validators = Map.copyOf(validators == null ? Map.of() : validators);
            legacySeenUrls = List.copyOf(legacySeenUrls == null ? List.of() : legacySeenUrls);
            if (consecutiveFailures < 0) {
                throw new IllegalArgumentException("consecutiveFailures must not be negative");
            }
        }

        /** A healthy state with no schedule yet (due now). */
        public SourceState(String sourceName, Map<String, Map<String, String>> validators,
                           List<String> legacySeenUrls, @Nullable Instant lastPolled) {
            this(sourceName, validators, legacySeenUrls, lastPolled, 0, null, null);
        }

        /** This state after a successful poll: healthy, next due at {@code nextPollAt}. */
        public SourceState succeeded(Instant nextPollAt) {
            return new SourceState(sourceName, validators, legacySeenUrls, lastPolled, 0, null, nextPollAt);
        }

        /** This state after one more failed poll: the error recorded, next due at {@code nextPollAt}. */
        public SourceState failed(String error, Instant nextPollAt) {
            return new SourceState(sourceName, validators, legacySeenUrls, lastPolled, consecutiveFailures + 1, error,
                    nextPollAt);
        }
    }
}
