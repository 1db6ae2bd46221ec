package newsroom.core.testing;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import newsroom.core.port.ObjectStore;

/**
 * An {@link ObjectStore} kept in memory, for tests of the services and handlers that use the port (it is a
 * collaborator there, never the thing under test). Keys are validated as the port contract requires.
 */
public final class InMemoryObjectStore implements ObjectStore {

    /** One stored object: its bytes and content type. */
    public record StoredObject(byte[] content, String contentType) {
    }

    private final Map<String, StoredObject> objects = new TreeMap<>();

    @Override
    public synchronized void put(String key, byte[] content, String contentType) {
        validate(key);
        objects.put(key, new StoredObject(content.clone(), contentType));
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        validate(key);
        return Optional.ofNullable(objects.get(key)).map(o -> o.content().clone());
    }

    @Override
    public String locationOf(String key) {
        return "mem://" + key;
    }

    /** Every stored object by key, sorted by key. */
    public synchronized Map<String, StoredObject> objects() {
        return Map.copyOf(objects);
    }

    /** The stored keys in order. */
    public synchronized java.util.List<String> keys() {
        return java.util.List.copyOf(objects.keySet());
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
