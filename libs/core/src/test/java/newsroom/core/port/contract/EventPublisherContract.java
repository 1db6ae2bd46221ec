package newsroom.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.port.EventPublisher;

/**
 * The {@link EventPublisher} contract every adapter must pass: what is published is delivered with its source,
 * detail-type and detail, however many events one call carries. Subclass it with a fresh bus per test
 * ({@link #newPublisher()}) and a way to read back what the bus delivered ({@link #delivered(int)}).
 * Fault behaviour (partial failures, throttling) is adapter-specific and tested beside each adapter.
 */
public abstract class EventPublisherContract {

    protected EventPublisher publisher;

    /** A publisher on a bus nothing else publishes to, observed by {@link #delivered(int)}. */
    protected abstract EventPublisher newPublisher();

    /**
     * Every event delivered since {@link #newPublisher()}, as the bus delivers them (source, detail-type, detail as
     * JSON values). Waits until at least {@code atLeast} arrived or a few seconds passed; with 0, returns what is
     * there after the bus had time to deliver.
     */
    protected abstract List<ArticleEvent> delivered(int atLeast);

    @BeforeEach
    void createPublisher() {
        publisher = newPublisher();
    }

    @Test
    void deliversSourceDetailTypeAndDetail_whenOneEventIsPublished() {
        ArticleEvent stored = ArticleEvent.of(DetailType.ARTICLE_STORED, Map.of(
                "articleId", "0123456789abcdef01234567", "version", 1,
                "objectKey", "content/en/2025/02/apple-alibaba.md"));

        publisher.publish(List.of(stored));

        assertThat(delivered(1)).containsExactly(stored);
    }

    @Test
    void keepsNestedValues_whenDetailHasListsAndObjects() {
        ArticleEvent event = ArticleEvent.of(DetailType.THUMBNAILS_CREATED, Map.of(
                "articleId", "0123456789abcdef01234567",
                "thumbnails", List.of("static/thumbs/a/320.webp", "static/thumbs/a/640.webp"),
                "image", Map.of("url", "https://img.example/a.jpg", "width", 1600, "height", 900),
                "translated", false));

        publisher.publish(List.of(event));

        assertThat(delivered(1)).containsExactly(event);
    }

    @Test
    void deliversEveryEventOnce_whenOneCallCarriesMoreThanABatch() {
        List<ArticleEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // two PutEvents calls on a bus that takes ten entries per call
            events.add(ArticleEvent.of(i % 2 == 0 ? DetailType.ARTICLE_STORED : DetailType.ARTICLE_UPDATED,
                    Map.of("articleId", String.format("%024x", i), "version", i + 1)));
        }

        publisher.publish(events);

        assertThat(delivered(12)).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void deliversNothing_whenNoEventIsPublished() {
        publisher.publish(List.of());

        assertThat(delivered(0)).isEmpty();
    }
}
