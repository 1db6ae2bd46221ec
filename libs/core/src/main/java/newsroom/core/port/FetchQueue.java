package newsroom.core.port;

import java.util.List;

/**
 * Work queue of article URLs to fetch (SQS FetchQueue on AWS). Delivery is at least once; consumers are idempotent.
 * Contract: returns normally only when every request was accepted; failed entries are retried by the adapter and
 * the rest reported by an exception.
 */
public interface FetchQueue {

    void enqueue(List<FetchRequest> requests);

    /**
     * @param url          the article URL
     * @param source       the source name it was discovered by ("api" for the HTTP API)
     * @param delaySeconds 0, or a postponement (Retry-After) for a polite retry
     */
    record FetchRequest(String url, String source, int delaySeconds) {
    }
}
