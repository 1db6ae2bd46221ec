package newsroom.core.testing;

import java.util.List;
import java.util.Optional;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;

/**
 * An {@link ArticleIndex} that forwards every call to another one; tests subclass it and override a method or two to
 * stage a race or a crash around the real call.
 */
public class DelegatingIndex implements ArticleIndex {

    private final ArticleIndex delegate;

    public DelegatingIndex(ArticleIndex delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<ArticleRecord> find(ArticleId id) {
        return delegate.find(id);
    }

    @Override
    public void commit(ArticleRecord record, long expectedVersion) {
        delegate.commit(record, expectedVersion);
    }

    @Override
    public void clearPending(ArticleId id, long version) {
        delegate.clearPending(id, version);
    }

    @Override
    public void relink(ArticleId id, long version, String expectedHash, String linkedHash) {
        delegate.relink(id, version, expectedHash, linkedHash);
    }

    @Override
    public ArticleId claim(String name, ArticleId id) {
        return delegate.claim(name, id);
    }

    @Override
    public void recordTranslation(ArticleId id, String language, long fromVersion, String objectKey) {
        delegate.recordTranslation(id, language, fromVersion, objectKey);
    }

    @Override
    public void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys) {
        delegate.recordThumbnails(id, imageUrl, objectKeys);
    }

    @Override
    public void addSourceUrl(ArticleId id, String url) {
        delegate.addSourceUrl(id, url);
    }

    @Override
    public Page list(ListQuery query) {
        return delegate.list(query);
    }
}
