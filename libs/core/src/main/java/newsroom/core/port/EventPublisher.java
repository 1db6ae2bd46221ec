package newsroom.core.port;

import java.util.List;

import newsroom.core.event.ArticleEvent;

/**
 * Sends events to the bus (EventBridge on AWS, the in-process bus locally).
 *
 * <p>Contract: returns normally only when every event was accepted by the bus. Adapters batch as the bus requires,
 * retry only the failed entries with backoff, and throw {@link EventPublishException} naming what could not be
 * published; callers keep their pending mark and let the platform redeliver. Delivery is at least once.
 */
public interface EventPublisher {

    void publish(List<ArticleEvent> events) throws EventPublishException;

    /** Some events were not accepted; {@code failures} holds one "detailType articleId: error code" per event. */
    class EventPublishException extends RuntimeException {
        private final List<String> failures;

        public EventPublishException(String message, List<String> failures) {
            super(message + ": " + failures);
            this.failures = List.copyOf(failures);
        }

        public List<String> failures() {
            return failures;
        }
    }
}
