package newsroom.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ObjectStore;

/**
 * An {@link ObjectStore} kept in memory, for tests of the services and handlers that use the port (it is a
 * collaborator there, never the thing under test). Keys are validated on put and get as the port contract requires;
 * every put is logged so tests can assert what was written, and in which order.
 */
public final class InMemoryObjectStore implements ObjectStore {

    /** One stored object: its bytes and content type. */
    public record StoredObject(byte[] content, String contentType) {
    }

    private final Map<String, StoredObject> objects = new TreeMap<>();
    private final List<String> putLog = new ArrayList<>();

    @Override
    public synchronized void put(String key, byte[] content, String contentType) {
        validate(key);
        objects.put(key, new StoredObject(content.clone(), contentType));
        putLog.add(key);
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        validate(key);
        return Optional.ofNullable(objects.get(key)).map(o -> o.content().clone());
    }

    /** The tag is the SHA-256 of the bytes, like the embedded store's. */
    @Override
    public synchronized Optional<Tagged> getTagged(String key) {
        validate(key);
        return Optional.ofNullable(objects.get(key))
                .map(o -> new Tagged(o.content().clone(), ArticleId.sha256Hex(o.content())));
    }

    @Override
    public synchronized boolean putIfMatch(String key, byte[] content, String contentType, String tag) {
        validate(key);
        StoredObject current = objects.get(key);
        if (current == null || !ArticleId.sha256Hex(current.content()).equals(tag)) {
            return false;
        }
        put(key, content, contentType);
        return true;
    }

    @Override
    public String locationOf(String key) {
        return "mem://" + key;
    }

    /** The object at {@code key}; fails the test when there is none. */
    public synchronized StoredObject object(String key) {
        StoredObject object = objects.get(key);
        if (object == null) {
            throw new AssertionError("no object at " + key + "; stored: " + objects.keySet());
        }
        return object;
    }

    /** Every stored object by key. */
    public synchronized Map<String, StoredObject> objects() {
        return Map.copyOf(objects);
    }

    /** The stored keys, sorted. */
    public synchronized List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    /** Keys of every put, in call order (repeats included). */
    public synchronized List<String> putLog() {
        return List.copyOf(putLog);
    }

    private static void validate(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.contains("\\")) {
            throw new IllegalArgumentException("invalid object key: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid object key: " + key);
            }
        }
    }
}
