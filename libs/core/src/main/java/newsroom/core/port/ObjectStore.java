package newsroom.core.port;

import java.util.Optional;

/**
 * Where article Markdown and thumbnails are kept (S3 on AWS, a Hugo site folder locally).
 * Keys are relative, '/'-separated paths such as {@code content/en/2025/02/apple-alibaba.md}.
 *
 * <p>Contract: {@link #put} is atomic (a reader sees the old bytes or the new bytes, never a part) and idempotent
 * (putting the same bytes twice leaves one object with those bytes). Implementations must reject keys that are
 * absolute, empty, or contain {@code ..} segments.
 */
public interface ObjectStore {

    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    /** A human-readable location for logs and events: {@code s3://bucket/key} or a file path. */
    String locationOf(String key);
}
