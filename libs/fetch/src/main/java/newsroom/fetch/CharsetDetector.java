package newsroom.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which charset a text body is in: byte order mark first, then the {@code charset} parameter of the
 * Content-Type header, then (for markup) a {@code <meta charset>} / {@code http-equiv} declaration or an XML
 * declaration within the first 1 KiB, else UTF-8. A name that is unknown or malformed falls back to UTF-8 (decode
 * with replacement) and the problem is reported in {@link Detection#problem()} so it can be recorded.
 */
public final class CharsetDetector {

    /** How far into the body declarations are looked for. */
    public static final int SNIFF_BYTES = 1024;

    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)\"?");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([^\"'>\\s/;]*)");
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']*)[\"']");

    private CharsetDetector() {
    }

    /**
     * @param charset the charset to decode with (never null)
     * @param source  where it came from: "bom", "header", "meta", "xml-declaration" or "default"
     * @param problem null, or why a declared charset was not usable (then {@code charset} is UTF-8)
     */
    public record Detection(Charset charset, String source, String problem) {
    }

    /**
     * @param body        the decoded (decompressed) body bytes
     * @param contentType the Content-Type header value, or null
     * @param sniffMarkup whether to look for meta / XML declarations (HTML, feeds, sitemaps)
     */
    public static Detection detect(byte[] body, String contentType, boolean sniffMarkup) {
        Charset bom = fromBom(body);
        if (bom != null) {
            return new Detection(bom, "bom", null);
        }
        if (contentType != null) {
            Matcher m = HEADER_CHARSET.matcher(contentType);
            if (m.find()) {
                return named(m.group(1), "header");
            }
        }
        if (sniffMarkup) {
            String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
            Matcher xml = XML_ENCODING.matcher(head);
            if (xml.find()) {
                return named(xml.group(1), "xml-declaration");
            }
            Matcher meta = META_CHARSET.matcher(head);
            if (meta.find()) {
                return named(meta.group(1), "meta");
            }
        }
        return new Detection(StandardCharsets.UTF_8, "default", null);
    }

    private static Detection named(String name, String source) {
        String trimmed = name.trim();
        try {
            Charset charset = Charset.forName(trimmed);
            // WHATWG: a page that declares UTF-16 in ASCII-compatible bytes is really UTF-8 (no BOM was found).
            if (!source.equals("header") && charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")) {
                return new Detection(StandardCharsets.UTF_8, source, null);
            }
            // Browsers decode ISO-8859-1 labels as windows-1252; so do we, to get the same characters.
            if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
                return new Detection(Charset.forName("windows-1252"), source, null);
            }
            return new Detection(charset, source, null);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            String shown = trimmed.length() > 40 ? trimmed.substring(0, 40) + "…" : trimmed;
            return new Detection(StandardCharsets.UTF_8, "default",
                    "unknown charset '" + shown + "' in " + source + ", decoded as UTF-8 with replacement");
        } catch (IllegalArgumentException e) {
            return new Detection(StandardCharsets.UTF_8, "default",
                    "empty charset name in " + source + ", decoded as UTF-8 with replacement");
        }
    }

    private static Charset fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }
}
