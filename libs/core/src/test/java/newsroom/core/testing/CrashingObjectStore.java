package newsroom.core.testing;

import java.util.Optional;

import newsroom.core.port.ObjectStore;

/**
 * An {@link ObjectStore} that forwards every call to a real adapter and lets a test kill the "process" around a
 * write: the adapter does its work, then {@link Crash} escapes like a function dying mid-invocation. Each armed
 * point fires once.
 */
public final class CrashingObjectStore implements ObjectStore {

    /** Where around a write the process dies. */
    public enum Point { BEFORE_PUT, AFTER_PUT, AFTER_PUT_IF_MATCH }

    private final ObjectStore delegate;
    private Point armed;
    private String armedKeyPrefix = "";
    private Runnable beforeNextPutIfMatch;
    private String racedKeyPrefix = "";

    public CrashingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    /** The next time the store reaches {@code point}, it throws {@link Crash}. */
    public void crashAt(Point point) {
        crashAt(point, "");
    }

    /** The next time the store reaches {@code point} for a key starting with {@code keyPrefix}, it throws. */
    public void crashAt(Point point, String keyPrefix) {
        armed = point;
        armedKeyPrefix = keyPrefix;
    }

    /** Runs {@code overtaking} (once) just before the next conditional put: another writer racing with this one. */
    public void beforeNextPutIfMatch(Runnable overtaking) {
        beforeNextPutIfMatch(overtaking, "");
    }

    /** As {@link #beforeNextPutIfMatch(Runnable)}, for the next conditional put of a key starting with the prefix. */
    public void beforeNextPutIfMatch(Runnable overtaking, String keyPrefix) {
        beforeNextPutIfMatch = overtaking;
        racedKeyPrefix = keyPrefix;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        maybeCrash(Point.BEFORE_PUT, key);
        delegate.put(key, content, contentType);
        maybeCrash(Point.AFTER_PUT, key);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return delegate.get(key);
    }

    @Override
    public Optional<Tagged> getTagged(String key) {
        return delegate.getTagged(key);
    }

    @Override
    public boolean putIfMatch(String key, byte[] content, String contentType, String tag) {
        if (beforeNextPutIfMatch != null && key.startsWith(racedKeyPrefix)) {
            Runnable overtaking = beforeNextPutIfMatch;
            beforeNextPutIfMatch = null;
            overtaking.run();
        }
        boolean written = delegate.putIfMatch(key, content, contentType, tag);
        maybeCrash(Point.AFTER_PUT_IF_MATCH, key);
        return written;
    }

    @Override
    public String locationOf(String key) {
        return delegate.locationOf(key);
    }

    private void maybeCrash(Point point, String key) {
        if (armed == point && key.startsWith(armedKeyPrefix)) {
            armed = null;
            throw new Crash("object store, " + point + " of " + key);
        }
    }
}
