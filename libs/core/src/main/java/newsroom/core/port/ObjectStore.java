package newsroom.core.port;

import java.util.Optional;

/**
 * Where article Markdown and thumbnails are kept (S3 on AWS, a Hugo site folder locally).
 * Keys are relative, '/'-separated paths such as {@code content/en/2025/02/apple-alibaba.md}.
 *
 * <p>Contract: {@link #put} is atomic (a reader sees the old bytes or the new bytes, never a part) and idempotent
 * (putting the same bytes twice leaves one object with those bytes). Implementations must reject keys that are
 * absolute, empty, or contain {@code ..} segments. {@link #putIfMatch} is a compare-and-set: it writes only when the
 * object still has the {@link Tagged#tag() tag} a {@link #getTagged} returned (S3 {@code If-Match} on the ETag).
 */
public interface ObjectStore {

    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    /** The object's bytes with an opaque tag that changes whenever the object is written with other bytes. */
    record Tagged(byte[] content, String tag) {
    }

    /** The object with its current tag, or empty when there is none. */
    Optional<Tagged> getTagged(String key);

    /**
     * Replaces the object only if it still has {@code tag} (nobody wrote other bytes since {@link #getTagged});
     * atomic with respect to every other put of the key.
     *
     * @return false, writing nothing, when the object changed or is gone
     */
    boolean putIfMatch(String key, byte[] content, String contentType, String tag);

    /** A human-readable location for logs and events: {@code s3://bucket/key} or a file path. */
    String locationOf(String key);
}
