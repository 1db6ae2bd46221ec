package newsroom.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ObjectStore;

/**
 * The local object store: each key is a file under the site folder, so with the default path pattern the result is
 * a Hugo-ready tree ({@code content/<lang>/<yyyy>/<mm>/<slug>.md}). Writes are atomic (temp file + rename). The
 * tag of an object is the SHA-256 of its bytes; {@link #putIfMatch} compares and writes under a lock shared by
 * every store of the process (the CLI is the only writer of its site folder).
 */
public final class FileObjectStore implements ObjectStore {

    private final Path root;

    public FileObjectStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** Serializes puts with compare-and-set, so no put slips between a putIfMatch's compare and its write. */
    private static final Object WRITES = new Object();

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path path = resolve(key);
        synchronized (WRITES) {
            AtomicFiles.write(path, content);
        }
    }

    @Override
    public Optional<Tagged> getTagged(String key) {
        return get(key).map(bytes -> new Tagged(bytes, ArticleId.sha256Hex(bytes)));
    }

    @Override
    public boolean putIfMatch(String key, byte[] content, String contentType, String tag) {
        Path path = resolve(key);
        synchronized (WRITES) {
            Optional<byte[]> current = get(key);
            if (current.isEmpty() || !ArticleId.sha256Hex(current.get()).equals(tag)) {
                return false;
            }
            AtomicFiles.write(path, content);
            return true;
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public String locationOf(String key) {
        return resolve(key).toString();
    }

    /** Rejects keys that could leave the site folder: absolute, empty, backslashes, or with "." / ".." segments. */
    private Path resolve(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.contains("\\") || key.contains("\0")) {
            throw new IllegalArgumentException("invalid object key: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid object key: " + key);
            }
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("invalid object key: " + key);
        }
        return path;
    }
}
