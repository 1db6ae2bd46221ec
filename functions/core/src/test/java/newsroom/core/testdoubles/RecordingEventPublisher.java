package newsroom.core.testdoubles;

import java.util.ArrayList;
import java.util.List;

import newsroom.core.event.ArticleEvent;
import newsroom.core.port.EventPublisher;

/** Test double of {@link EventPublisher}: keeps every accepted event; can be told to refuse the next publish. */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<ArticleEvent> published = new ArrayList<>();
    private boolean refuseNext;

    @Override
    public synchronized void publish(List<ArticleEvent> events) {
        if (refuseNext) {
            refuseNext = false;
            throw new EventPublishException("bus unavailable",
                    events.stream().map(e -> e.detailType() + " " + e.articleId() + ": ServiceUnavailable").toList());
        }
        published.addAll(events);
    }

    /** The next publish throws {@link EventPublishException} and accepts nothing. */
    public synchronized void refuseNextPublish() {
        refuseNext = true;
    }

    public synchronized List<ArticleEvent> published() {
        return List.copyOf(published);
    }
}
