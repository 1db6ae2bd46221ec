package newsroom.core.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import newsroom.core.text.CharsetDetector;

/**
 * Decodes HTML bytes to text with the one charset decision of {@link CharsetDetector}: local files (no header) go
 * through the whole decision — BOM, {@code <meta charset>} / http-equiv prescan, detection — and fetched pages use
 * the charset the fetcher chose with the same class. A byte order mark is never part of the text.
 */
public final class HtmlDecoding {

    private HtmlDecoding() {
    }

    /**
     * @param bytes         the page as stored or received
     * @param chosenCharset the charset the fetcher chose ({@code FetchedResource.charset()}), or null for a local
     *                      file; an unknown name is treated as null
     */
    public static String decode(byte[] bytes, @Nullable String chosenCharset) {
        Charset charset = charsetOrNull(chosenCharset);
        if (charset == null) {
            charset = CharsetDetector.detect(bytes, null, true).charset();
        }
        int skip = bomLength(bytes, charset);
        return new String(bytes, skip, bytes.length - skip, charset);
    }

    private static int bomLength(byte[] b, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && b.length >= 3 && (b[0] & 0xFF) == 0xEF
                && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        boolean utf16 = charset.equals(StandardCharsets.UTF_16BE) || charset.equals(StandardCharsets.UTF_16LE);
        if (utf16 && b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
                || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
            return 2;
        }
        return 0;
    }

    private static Charset charsetOrNull(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
