package newsroom.core.port;

import java.util.List;
import java.util.Optional;

import newsroom.core.model.ArticleId;

/**
 * The metadata index (DynamoDB on AWS, an embedded crash-safe store locally).
 *
 * <p>Contract, shared by every adapter and pinned by the port's contract test suite:
 * <ul>
 *   <li>{@link #commit} is a conditional write: it succeeds only if the stored version equals
 *       {@code expectedVersion} (0 = the article must not exist yet), else throws {@link ConcurrentUpdateException}.
 *       It replaces the content fields; translations and thumbnails recorded for the article are kept.</li>
 *   <li>{@link #clearPending} clears the pending-event mark only when the stored version is still {@code version}.</li>
 *   <li>{@link #claim} atomically binds a unique name (an object key, a content fingerprint) to one article and
 *       returns the owner: the caller's id if it was free or already its own, else the other article's id.</li>
 *   <li>{@link #recordTranslation} and {@link #recordThumbnails} update only their own map entry; repeating them
 *       is harmless.</li>
 * </ul>
 */
public interface ArticleIndex {

    Optional<ArticleRecord> find(ArticleId id);

    void commit(ArticleRecord record, long expectedVersion) throws ConcurrentUpdateException;

    void clearPending(ArticleId id, long version);

    ArticleId claim(String name, ArticleId id);

    void recordTranslation(ArticleId id, String language, long fromVersion, String objectKey);

    void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys);

    /** Adds a URL under which the same content was seen (idempotent). */
    void addSourceUrl(ArticleId id, String url);

    /** Articles newest first by date, filtered; {@code cursor} is the opaque value of a previous page. */
    Page list(ListQuery query);

    /** Filters for {@link #list}; null means "any". {@code since} is an RFC 3339 instant, inclusive. */
    record ListQuery(String lang, String tag, String since, int limit, String cursor) {
        public ListQuery {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("limit must be 1..100, was " + limit);
            }
        }
    }

    /** One page of a listing; {@code nextCursor} is null on the last page. */
    record Page(List<ArticleRecord> items, String nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** The record changed since it was read: re-read and decide again (or let the platform retry). */
    class ConcurrentUpdateException extends RuntimeException {
        public ConcurrentUpdateException(String message) {
            super(message);
        }
    }
}
