package newsroom.core.testdoubles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import newsroom.core.port.ObjectStore;

/** Test double of {@link ObjectStore}: objects in a map, every put logged so tests can assert what was written. */
public final class InMemoryObjectStore implements ObjectStore {

    /** One stored object. */
    public record StoredObject(byte[] content, String contentType) {
    }

    private final Map<String, StoredObject> objects = new TreeMap<>();
    private final List<String> putLog = new ArrayList<>();

    @Override
    public synchronized void put(String key, byte[] content, String contentType) {
        if (key == null || key.isEmpty() || key.startsWith("/") || Arrays.asList(key.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a relative object key: " + key);
        }
        objects.put(key, new StoredObject(content.clone(), contentType));
        putLog.add(key);
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(o -> o.content().clone());
    }

    @Override
    public String locationOf(String key) {
        return "memory:" + key;
    }

    /** The object at {@code key}; fails the test when there is none. */
    public synchronized StoredObject object(String key) {
        StoredObject object = objects.get(key);
        if (object == null) {
            throw new AssertionError("no object at " + key + "; stored: " + objects.keySet());
        }
        return object;
    }

    /** Keys of every put, in call order (repeats included). */
    public synchronized List<String> putLog() {
        return List.copyOf(putLog);
    }

    public synchronized List<String> keys() {
        return List.copyOf(objects.keySet());
    }
}
