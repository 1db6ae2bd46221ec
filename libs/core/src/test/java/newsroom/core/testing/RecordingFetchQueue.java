package newsroom.core.testing;

import java.util.ArrayList;
import java.util.List;

import newsroom.core.port.FetchQueue;

/**
 * A {@link FetchQueue} that keeps every accepted request, for asserting what a poller or handler enqueued.
 * {@link #failNextEnqueues} makes the next calls throw (nothing accepted), like a queue that is unavailable. Like the
 * real adapters it refuses the whole call, before accepting anything, when a request has no URL or source or a
 * negative delay, and passes the port's contract suite.
 */
public final class RecordingFetchQueue implements FetchQueue {

    private final List<FetchRequest> requests = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private int failuresLeft;

    @Override
    public synchronized void enqueue(List<FetchRequest> batch) {
        batch.forEach(RecordingFetchQueue::validate);
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("queue unavailable: " + batch.size() + " request(s) not accepted");
        }
        requests.addAll(batch);
        batchSizes.add(batch.size());
    }

    /** The next {@code count} calls to {@link #enqueue} fail and accept nothing. */
    public synchronized void failNextEnqueues(int count) {
        failuresLeft = count;
    }

    /** Every accepted request, in order. */
    public synchronized List<FetchRequest> requests() {
        return List.copyOf(requests);
    }

    /** The size of each accepted {@link #enqueue} call, in order. */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    private static void validate(FetchRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            throw new IllegalArgumentException("fetch request without a URL (source " + request.source() + ")");
        }
        if (request.source() == null || request.source().isBlank()) {
            throw new IllegalArgumentException("fetch request without a source: " + request.url());
        }
        if (request.delaySeconds() < 0) {
            throw new IllegalArgumentException("fetch request with a negative delay: " + request.url());
        }
    }
}
