package newsroom.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;

/**
 * Decides, once, what a response to a URL of unknown kind is (an HTML page, a feed or a sitemap), from its media
 * type and its first {@link #SNIFF_BYTES} bytes. The type must fit what the bytes are:
 * <ul>
 *   <li>HTML types: a feed or sitemap root (a misconfigured server) makes it that; otherwise HTML;</li>
 *   <li>XML types: {@code <rss>}, {@code <feed>}, {@code <rdf:RDF>} are a FEED, {@code <html>} is HTML (XHTML),
 *       anything else a SITEMAP (the sitemap parser refuses what is not one);</li>
 *   <li>{@code text/plain}: a SITEMAP only when it starts with an http(s) URL (a URL list);</li>
 *   <li>gzip types and {@code application/octet-stream}: a SITEMAP only when the bytes are gzip;</li>
 *   <li>anything else, or no type: refused.</li>
 * </ul>
 * So a page with an {@code <html>} root served as text/plain or octet-stream is refused, never taken for an article.
 */
public final class DocumentKinds {

    /** How many first bytes are looked at. */
    public static final int SNIFF_BYTES = 4096;

    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z][\\w.:-]*)");

    private DocumentKinds() {
    }

    /**
     * @param head the first bytes of the body (up to {@link #SNIFF_BYTES}, fewer when the body is shorter)
     * @throws FetchException UNSUPPORTED_CONTENT_TYPE naming the type and what the bytes are
     */
    public static ContentKind classify(String mediaType, byte[] head, Set<ContentKind> wanted, String where)
            throws FetchException {
        String type = mediaType.isEmpty() ? "(none)" : mediaType;
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        String root = gzip ? "" : rootElement(head);
        ContentKind kind;
        String refusal = null;
        if (ContentTypes.allowed(ContentKind.HTML, mediaType)) {
            kind = isFeedRoot(root) ? ContentKind.FEED : isSitemapRoot(root) ? ContentKind.SITEMAP : ContentKind.HTML;
        } else if (ContentTypes.allowed(ContentKind.FEED, mediaType)) {
            kind = gzip || !isFeedRoot(root) ? (root.equals("html") ? ContentKind.HTML : ContentKind.SITEMAP)
                    : ContentKind.FEED;
        } else if (mediaType.equals("text/plain")) {
            kind = startsWithUrl(head) ? ContentKind.SITEMAP : null;
            refusal = "text/plain that is not a list of URLs (it starts with " + describe(head, root) + ")";
        } else if (mediaType.contains("gzip") || mediaType.equals("application/octet-stream")) {
            kind = gzip ? ContentKind.SITEMAP : null;
            refusal = type + " that is not gzip (it starts with " + describe(head, root) + ")";
        } else {
            kind = null;
            refusal = "content type '" + type + "' is not an HTML page, a feed or a sitemap";
        }
        if (kind == null) {
            throw FetchFailure.UNSUPPORTED_CONTENT_TYPE.exception(where + ": " + refusal);
        }
        if (!wanted.contains(kind)) {
            throw FetchFailure.UNSUPPORTED_CONTENT_TYPE.exception(where + ": a " + kind + " (" + type
                    + ") is not accepted here");
        }
        return kind;
    }

    /** Local name of the first element, lower case ("" when none is found in the first bytes). */
    public static String rootElement(byte[] body) {
        int start = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            start = 3;
        }
        String head = new String(body, start, Math.max(0, Math.min(body.length, SNIFF_BYTES) - start),
                StandardCharsets.ISO_8859_1);
        head = head.replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "");
        Matcher m = ROOT_ELEMENT.matcher(head);
        if (!m.find()) {
            return "";
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static boolean isFeedRoot(String root) {
        return root.equals("rss") || root.equals("feed") || root.equals("rdf");
    }

    private static boolean isSitemapRoot(String root) {
        return root.equals("urlset") || root.equals("sitemapindex");
    }

    private static boolean startsWithUrl(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        return text.startsWith("http://") || text.startsWith("https://");
    }

    private static String describe(byte[] head, String root) {
        if (!root.isEmpty()) {
            return "<" + root + ">";
        }
        String text = new String(head, 0, Math.min(head.length, 20), StandardCharsets.ISO_8859_1)
                .replaceAll("\\p{Cntrl}", "?");
        return text.isEmpty() ? "nothing" : "'" + text + "'";
    }
}
