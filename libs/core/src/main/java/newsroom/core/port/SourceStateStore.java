package newsroom.core.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Per-source polling state: the validators for conditional GET and the item URLs already sent for fetching, so an
 * unchanged feed costs one 304 and a changed one sends only new items. DynamoDB on AWS, the embedded index locally.
 */
public interface SourceStateStore {

    Optional<SourceState> find(String sourceName);

    /** Replaces the state of that source (last writer wins: one poller runs per schedule). */
    void save(SourceState state);

    /**
     * @param validators document URL -> (ETag / Last-Modified header name -> value), for feeds, sitemaps, robots.txt
     * @param seenUrls   most recent item URLs already enqueued, newest first, capped by the poller
     * @param lastPolled RFC 3339 instant of the last completed poll, or null
     */
    record SourceState(String sourceName, Map<String, Map<String, String>> validators, List<String> seenUrls,
                       @Nullable String lastPolled) {
        public SourceState {
            Objects.requireNonNull(sourceName, "sourceName");
            validators = Map.copyOf(validators == null ? Map.of() : validators);
            seenUrls = List.copyOf(seenUrls == null ? List.of() : seenUrls);
        }
    }
}
