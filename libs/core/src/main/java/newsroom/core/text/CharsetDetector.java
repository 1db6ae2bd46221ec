package newsroom.core.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Decides which charset a text body is in — the one decision for bodies fetched over HTTP and for local files, so
 * both read a page the same way. In order:
 * <ol>
 *   <li>a byte order mark (UTF-8, UTF-16BE, UTF-16LE);</li>
 *   <li>the {@code charset} parameter of the Content-Type header (HTTP only) — except when it names a single-byte
 *       charset while the body is valid UTF-8 with multi-byte sequences and the page itself declares UTF-8: then
 *       UTF-8, with a {@link Detection#warning() warning} (a misconfigured server would store {@code ZÃ¼rich});</li>
 *   <li>for markup, an XML declaration, or a {@code <meta charset>} / {@code http-equiv} declaration within the first
 *       {@value #SNIFF_BYTES} bytes;</li>
 *   <li>detection: UTF-8 when the body is valid UTF-8, else the legacy charset browsers default to for the page's
 *       declared language ({@code <html lang>}: windows-1250 for Polish or Czech, windows-1251 for Russian…),
 *       else windows-1252.</li>
 * </ol>
 * ISO-8859-1 and US-ASCII labels decode as windows-1252, and a UTF-16 label without a BOM as UTF-8, as browsers do
 * (WHATWG Encoding). A declared name that is unknown or malformed falls back to UTF-8 (decode with replacement) with
 * a warning. Stateless and thread-safe.
 */
public final class CharsetDetector {

    /**
     * How far into the body declarations are looked for. WHATWG's prescan reads 1,024 bytes; real pages put the
     * {@code <meta charset>} after long inline scripts and styles (3 of the 11 non-UTF-8 pages of the metadata dev
     * set declare theirs between byte 1,024 and 1,600), so we read further.
     */
    public static final int SNIFF_BYTES = 4096;

    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)\"?");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([^\"'>\\s/;]*)");
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern HTML_LANG = Pattern.compile("(?i)<html[^>]*?\\slang\\s*=\\s*[\"']?([A-Za-z-]{2,})");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** WHATWG Encoding / HTML "suggested default encoding" by language, for pages that declare no charset. */
    private static final Map<String, String> LEGACY_DEFAULTS = Map.ofEntries(
            Map.entry("ar", "windows-1256"), Map.entry("fa", "windows-1256"), Map.entry("ur", "windows-1256"),
            Map.entry("be", "windows-1251"), Map.entry("bg", "windows-1251"), Map.entry("kk", "windows-1251"),
            Map.entry("mk", "windows-1251"), Map.entry("ru", "windows-1251"), Map.entry("sr", "windows-1251"),
            Map.entry("uk", "windows-1251"), Map.entry("cs", "windows-1250"), Map.entry("hu", "windows-1250"),
            Map.entry("pl", "windows-1250"), Map.entry("sk", "windows-1250"), Map.entry("sl", "windows-1250"),
            Map.entry("hr", "windows-1250"), Map.entry("ro", "windows-1250"), Map.entry("el", "windows-1253"),
            Map.entry("he", "windows-1255"), Map.entry("tr", "windows-1254"), Map.entry("az", "windows-1254"),
            Map.entry("et", "windows-1257"), Map.entry("lt", "windows-1257"), Map.entry("lv", "windows-1257"),
            Map.entry("vi", "windows-1258"), Map.entry("th", "x-windows-874"), Map.entry("ja", "Shift_JIS"),
            Map.entry("ko", "EUC-KR"), Map.entry("zh", "GB18030"), Map.entry("zh-tw", "Big5"),
            Map.entry("zh-hk", "Big5"), Map.entry("zh-hant", "Big5"));

    private CharsetDetector() {
    }

    /**
     * @param charset the charset to decode with (never null)
     * @param source  where it came from: "bom", "header", "meta", "xml-declaration", "detected" or "default"
     * @param warning null, or what did not match what was declared and what was done instead
     */
    public record Detection(Charset charset, String source, String warning) {
    }

    /**
     * @param body        the decoded (decompressed) body bytes
     * @param contentType the Content-Type header value, or null (a local file)
     * @param sniffMarkup whether to look for meta / XML declarations and detect (HTML, feeds, sitemaps)
     */
    public static Detection detect(byte[] body, @Nullable String contentType, boolean sniffMarkup) {
        Charset bom = fromBom(body);
        if (bom != null) {
            return new Detection(bom, "bom", null);
        }
        String head = sniffMarkup
                ? new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1) : "";
        Detection declared = sniffMarkup ? declaredInMarkup(head) : null;
        if (contentType != null) {
            Matcher m = HEADER_CHARSET.matcher(contentType);
            if (m.find()) {
                Detection header = named(m.group(1), "header");
                if (header.warning() == null && isSingleByte(header.charset()) && declared != null
                        && declared.charset().equals(StandardCharsets.UTF_8) && isUtf8WithMultiByteSequences(body)) {
                    return new Detection(StandardCharsets.UTF_8, declared.source(), "the header says "
                            + header.charset().name() + " but the body is valid UTF-8 and the page declares UTF-8;"
                            + " decoded as UTF-8");
                }
                return header;
            }
        }
        if (declared != null) {
            return declared;
        }
        if (!sniffMarkup) {
            return new Detection(StandardCharsets.UTF_8, "default", null);
        }
        if (isUtf8(body)) {
            return new Detection(StandardCharsets.UTF_8, "detected", null);
        }
        return new Detection(legacyDefault(head), "detected", null);
    }

    private static Detection declaredInMarkup(String head) {
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) {
            return named(xml.group(1), "xml-declaration");
        }
        Matcher meta = META_CHARSET.matcher(head);
        if (meta.find()) {
            return named(meta.group(1), "meta");
        }
        return null;
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
                return new Detection(WINDOWS_1252, source, null);
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

    /** The charset browsers assume for an undeclared, non-UTF-8 page in the language {@code <html lang>} names. */
    private static Charset legacyDefault(String head) {
        Matcher lang = HTML_LANG.matcher(head);
        if (lang.find()) {
            String tag = lang.group(1).toLowerCase(Locale.ROOT);
            String primary = tag.split("-", 2)[0];
            String name = LEGACY_DEFAULTS.getOrDefault(tag.length() > 7 ? tag.substring(0, 7) : tag,
                    LEGACY_DEFAULTS.get(primary));
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return WINDOWS_1252;
    }

    private static boolean isSingleByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1.0f;
    }

    private static boolean isUtf8WithMultiByteSequences(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return isUtf8(body);
            }
        }
        return false;
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
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
