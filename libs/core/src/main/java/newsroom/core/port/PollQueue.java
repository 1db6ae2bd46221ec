package newsroom.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Work queue of source polls (SQS PollQueue on AWS): the poll dispatcher sends one request per source that is due,
 * and a poll worker polls that one source. Delivery is at least once; a second poll of a source is harmless (one
 * conditional GET, already-seen items are skipped). Contract: returns normally only when every request was accepted.
 */
public interface PollQueue {

    void send(List<PollRequest> requests);

    /**
     * @param source       the source's name in the sources file
     * @param dispatchedAt when the dispatcher found it due; its next poll is due one interval after this instant
     */
    record PollRequest(String source, Instant dispatchedAt) {
        public PollRequest {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(dispatchedAt, "dispatchedAt");
            if (source.isBlank()) {
                throw new IllegalArgumentException("a poll request needs a source name");
            }
        }
    }
}
