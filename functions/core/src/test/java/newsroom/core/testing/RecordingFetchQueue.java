package newsroom.core.testing;

import java.util.ArrayList;
import java.util.List;

import newsroom.core.port.FetchQueue;

/**
 * A {@link FetchQueue} that keeps every accepted request, for asserting what a poller or handler enqueued.
 * {@link #failNextEnqueues} makes the next calls throw (nothing accepted), like a queue that is unavailable.
 */
public final class RecordingFetchQueue implements FetchQueue {

    private final List<FetchRequest> requests = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private int failuresLeft;

    @Override
    public synchronized void enqueue(List<FetchRequest> batch) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("queue unavailable: " + batch.size() + " request(s) not accepted");
        }
        requests.addAll(batch);
        batchSizes.add(batch.size());
    }

    public synchronized void failNextEnqueues(int count) {
        failuresLeft = count;
    }

    public synchronized List<FetchRequest> requests() {
        return List.copyOf(requests);
    }

    /** The size of each accepted {@link #enqueue} call, in order. */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }
}
