package newsroom.core.port;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import newsroom.core.model.DateHints;

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
     * @param listedDate   the date the feed entry or sitemap gave for the URL, or null; the article's date when its
     *                     page states none
     * @param listedIn     where {@code listedDate} comes from; non-null exactly when {@code listedDate} is
     */
    record FetchRequest(String url, String source, int delaySeconds, @Nullable Instant listedDate,
                        DateHints.@Nullable ListedIn listedIn) {
        public FetchRequest {
            if ((listedDate == null) != (listedIn == null)) {
                throw new IllegalArgumentException("listedDate and listedIn are given together or not at all");
            }
        }

        /** A request without a listed date. */
        public FetchRequest(String url, String source, int delaySeconds) {
            this(url, source, delaySeconds, null, null);
        }

        /** The same request postponed by {@code seconds}. */
        public FetchRequest delayedBy(int seconds) {
            return new FetchRequest(url, source, seconds, listedDate, listedIn);
        }

        /** The listed date as hints for normalization. */
        public DateHints dateHints() {
            return DateHints.listed(listedDate, listedIn);
        }
    }
}
