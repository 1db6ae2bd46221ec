package newsroom.aws;

import java.nio.charset.StandardCharsets;

/** Validates object keys against the {@link newsroom.core.port.ObjectStore} contract and S3's limits. */
final class ObjectKeys {

    /** S3's limit on a key, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;

    private ObjectKeys() {
    }

    /**
     * @throws IllegalArgumentException naming the key and the rule it breaks: empty, absolute, a {@code .} or
     *                                  {@code ..} or empty segment, a backslash or control character, too long
     */
    static String requireValid(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object key must not be empty");
        }
        if (key.startsWith("/")) {
            throw new IllegalArgumentException("object key must be relative, was absolute: '" + key + "'");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("object key longer than " + MAX_KEY_BYTES + " bytes: '"
                    + key.substring(0, 80) + "...'");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("object key must use '/' separators and no control characters: '"
                        + key.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("object key must not contain empty, '.' or '..' segments: '"
                        + key + "'");
            }
        }
        return key;
    }
}
