package newsroom.core.testing;

import java.util.List;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;

/**
 * An {@link ArticleIndex} that forwards every call to a real adapter and lets a test kill the "process" around a
 * write (the adapter's write done, or not yet done), or let another delivery overtake this one just before its
 * commit. Each armed point fires once.
 */
public final class CrashingArticleIndex extends DelegatingIndex {

    /** Where around a write the process dies. */
    public enum Point { AFTER_COMMIT, BEFORE_CLEAR_PENDING, AFTER_CLEAR_PENDING, AFTER_RELINK, AFTER_RECORD_THUMBNAILS }

    private Point armed;
    private Runnable beforeNextCommit;

    public CrashingArticleIndex(ArticleIndex delegate) {
        super(delegate);
    }

    /** The next time the index reaches {@code point}, it throws {@link Crash}. */
    public void crashAt(Point point) {
        armed = point;
    }

    /** Runs (once) just before the next commit: another delivery overtaking this one. */
    public void beforeNextCommit(Runnable overtaking) {
        beforeNextCommit = overtaking;
    }

    @Override
    public void commit(ArticleRecord record, long expectedVersion) {
        if (beforeNextCommit != null) {
            Runnable overtaking = beforeNextCommit;
            beforeNextCommit = null;
            overtaking.run();
        }
        super.commit(record, expectedVersion);
        maybeCrash(Point.AFTER_COMMIT);
    }

    @Override
    public void clearPending(ArticleId id, long version) {
        maybeCrash(Point.BEFORE_CLEAR_PENDING);
        super.clearPending(id, version);
        maybeCrash(Point.AFTER_CLEAR_PENDING);
    }

    @Override
    public void relink(ArticleId id, long version, String expectedHash, String linkedHash) {
        super.relink(id, version, expectedHash, linkedHash);
        maybeCrash(Point.AFTER_RELINK);
    }

    @Override
    public void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys) {
        super.recordThumbnails(id, imageUrl, objectKeys);
        maybeCrash(Point.AFTER_RECORD_THUMBNAILS);
    }

    private void maybeCrash(Point point) {
        if (armed == point) {
            armed = null;
            throw new Crash("index, " + point);
        }
    }
}
