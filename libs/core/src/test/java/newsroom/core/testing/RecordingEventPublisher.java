package newsroom.core.testing;

import java.util.ArrayList;
import java.util.List;

import newsroom.core.event.ArticleEvent;
import newsroom.core.port.EventPublisher;

/**
 * An {@link EventPublisher} that keeps what was published, for asserting the events a service or handler emits.
 * {@link #failNextPublishes} makes the next calls throw {@link EventPublishException} (nothing accepted), to test
 * what callers do when the bus refuses.
 */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<ArticleEvent> published = new ArrayList<>();
    private int failuresLeft;

    @Override
    public synchronized void publish(List<ArticleEvent> events) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new EventPublishException("bus refused", events.stream()
                    .map(e -> e.detailType() + " " + e.articleId() + ": InternalFailure").toList());
        }
        published.addAll(events);
    }

    /** The next {@code count} calls to {@link #publish} fail and accept nothing. */
    public synchronized void failNextPublishes(int count) {
        failuresLeft = count;
    }

    public synchronized List<ArticleEvent> published() {
        return List.copyOf(published);
    }

    /** The detail-types published, in order, by wire name. */
    public synchronized List<String> detailTypes() {
        return published.stream().map(e -> e.detailType().wireName()).toList();
    }
}
