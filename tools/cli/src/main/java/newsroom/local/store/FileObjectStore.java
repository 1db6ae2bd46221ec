package newsroom.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.port.ObjectStore;

/**
 * The local object store: each key is a file under the site folder, so with the default path pattern the result is
 * a Hugo-ready tree ({@code content/<lang>/<yyyy>/<mm>/<slug>.md}). Writes are atomic (temp file + rename).
 */
public final class FileObjectStore implements ObjectStore {

    private final Path root;

    public FileObjectStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        AtomicFiles.write(resolve(key), content);
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
