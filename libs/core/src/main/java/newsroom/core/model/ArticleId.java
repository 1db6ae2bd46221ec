package newsroom.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Stable identity of an article: the first 96 bits of SHA-256 over its identity key, as 24 lower-case hex digits.
 * The key is the canonical URL for web articles ({@link #ofUrl}) or {@code file:} plus the normalized source path
 * for files ({@link #ofSourcePath}). The same key always gives the same id, on every machine.
 */
public record ArticleId(String value) {
    public ArticleId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9a-f]{24}")) {
            throw new IllegalArgumentException("not an article id: " + value);
        }
    }

    public static ArticleId ofUrl(String canonicalUrl) {
        return new ArticleId(hash(Objects.requireNonNull(canonicalUrl, "canonicalUrl")));
    }

    /** For files without a URL: the path with '/' separators, relative to where the user pointed us. */
    public static ArticleId ofSourcePath(String path) {
        return new ArticleId(hash("file:" + Objects.requireNonNull(path, "path").replace('\\', '/')));
    }

    /** True when the text looks like an id; lets adapters and the API reject garbage before a lookup. */
    public static boolean isValid(String text) {
        return text != null && text.matches("[0-9a-f]{24}");
    }

    private static String hash(String key) {
        return sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    /** SHA-256 of the bytes as 64 lower-case hex digits. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
