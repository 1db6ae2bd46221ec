package newsroom.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.model.DateHints;
import newsroom.core.port.FetchQueue;
import newsroom.core.port.FetchQueue.FetchRequest;

/**
 * The {@link FetchQueue} contract every adapter must pass: every request is delivered with its URL and source,
 * however many one call carries; malformed requests are refused before anything is sent. Subclass it with a fresh
 * queue per test ({@link #newQueue()}) and a way to read back what is ready for consumers ({@link #received(int)}).
 */
public abstract class FetchQueueContract {

    protected FetchQueue queue;

    /** A queue nothing else writes to, observed by {@link #received(int)}. */
    protected abstract FetchQueue newQueue();

    /**
     * Requests ready for a consumer since {@link #newQueue()} (the delay is not observable and reported as 0).
     * Waits until at least {@code atLeast} arrived or a few seconds passed.
     */
    protected abstract List<FetchRequest> received(int atLeast);

    @BeforeEach
    void createQueue() {
        queue = newQueue();
    }

    @Test
    void deliversUrlAndSource_whenOneRequestIsEnqueued() {
        queue.enqueue(List.of(new FetchRequest("https://coinlive.example/apple-alibaba", "coinlive", 0)));

        assertThat(received(1)).containsExactly(new FetchRequest("https://coinlive.example/apple-alibaba",
                "coinlive", 0));
    }

    @Test
    void deliversTheListedDate_withWhereItWasListed() {
        FetchRequest dated = new FetchRequest("https://news.example/story", "wire", 0,
                Instant.parse("2020-06-04T07:47:00Z"), DateHints.ListedIn.SITEMAP);

        queue.enqueue(List.of(dated));

        assertThat(received(1)).containsExactly(dated);
    }

    @Test
    void deliversEveryRequestOnce_whenOneCallCarriesMoreThanABatch() {
        List<FetchRequest> requests = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            requests.add(new FetchRequest("https://s.example/article-" + i + "?q=\"x\"&lang=é", "sitemap", 0));
        }

        queue.enqueue(requests);

        assertThat(received(23)).containsExactlyInAnyOrderElementsOf(requests);
    }

    @Test
    void deliversNothing_whenNoRequestIsEnqueued() {
        queue.enqueue(List.of());

        assertThat(received(0)).isEmpty();
    }

    @Test
    void refusesWholeCallBeforeSending_whenARequestHasNoUrl() {
        List<FetchRequest> requests = List.of(new FetchRequest("https://s.example/ok", "s", 0),
                new FetchRequest(" ", "s", 0));

        assertThatThrownBy(() -> queue.enqueue(requests)).isInstanceOf(IllegalArgumentException.class);
        assertThat(received(0)).isEmpty();
    }

    @Test
    void refusesWholeCallBeforeSending_whenARequestHasNoSource() {
        assertThatThrownBy(() -> queue.enqueue(List.of(new FetchRequest("https://s.example/a", null, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(received(0)).isEmpty();
    }

    @Test
    void refusesRequest_whenDelayIsNegative() {
        assertThatThrownBy(() -> queue.enqueue(List.of(new FetchRequest("https://s.example/a", "s", -1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
