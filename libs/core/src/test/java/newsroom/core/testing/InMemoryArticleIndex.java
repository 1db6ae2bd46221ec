package newsroom.core.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleListing;
import newsroom.core.port.ArticleRecord;

/**
 * An {@link ArticleIndex} kept in memory with the port's documented semantics (conditional commit that keeps
 * translations, thumbnails and source URLs, claims, pending marks, late translations of older versions ignored,
 * newest-first listing by instant with an opaque cursor, filters matched as {@link ListQuery} defines them). For tests
 * of the services and handlers that use the port; it passes the port's contract suite like the real adapters
 * ({@code InMemoryDoublesContractTest}).
 */
public final class InMemoryArticleIndex implements ArticleIndex {

    private final Map<ArticleId, ArticleRecord> records = new LinkedHashMap<>();
    private final Map<String, ArticleId> claims = new HashMap<>();

    @Override
    public synchronized Optional<ArticleRecord> find(ArticleId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized void commit(ArticleRecord record, long expectedVersion) {
        ArticleRecord current = records.get(record.id());
        long stored = current == null ? 0 : current.version();
        if (stored != expectedVersion) {
            throw new ConcurrentUpdateException("article " + record.id() + " is at version " + stored
                    + ", expected " + expectedVersion);
        }
        records.put(record.id(), current == null ? record : record.committedOver(current));
    }

    @Override
    public synchronized void clearPending(ArticleId id, long version) {
        ArticleRecord current = records.get(id);
        if (current != null && current.version() == version && current.isPending()) {
            records.put(id, current.withPendingEvent(null));
        }
    }

    @Override
    public synchronized void relink(ArticleId id, long version, String expectedHash, String linkedHash) {
        ArticleRecord current = records.get(id);
        if (current == null || current.version() != version || !current.file().contentHash().equals(expectedHash)) {
            throw new ConcurrentUpdateException("article " + id + " is not at version " + version
                    + " with the expected content hash");
        }
        records.put(id, current.withContentHash(linkedHash));
    }

    @Override
    public synchronized ArticleId claim(String name, ArticleId id) {
        return claims.computeIfAbsent(name, n -> id);
    }

    @Override
    public synchronized void recordTranslation(ArticleId id, String language, long fromVersion, String objectKey) {
        update(id, r -> r.withTranslation(language, fromVersion, objectKey));
    }

    @Override
    public synchronized void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys) {
        update(id, r -> r.withThumbnails(imageUrl, objectKeys));
    }

    @Override
    public synchronized void addSourceUrl(ArticleId id, String url) {
        update(id, r -> r.withSourceUrl(url));
    }

    @Override
    public synchronized Page list(ListQuery query) {
        return ArticleListing.page(records.values(), query);
    }

    /** Every record, in commit order. */
    public synchronized List<ArticleRecord> records() {
        return List.copyOf(records.values());
    }

    private void update(ArticleId id, UnaryOperator<ArticleRecord> change) {
        ArticleRecord current = records.get(id);
        if (current == null) {
            throw new IllegalStateException("no article " + id);
        }
        records.put(id, change.apply(current));
    }
}
