package newsroom.fetch;

import java.util.Locale;

import newsroom.core.port.Fetcher.ContentKind;

/**
 * Which response media types each {@link ContentKind} accepts. HTML: text/html, application/xhtml+xml. FEED: any
 * RSS, Atom, RDF or XML type. SITEMAP: XML, gzip (a {@code .xml.gz} file), text/plain (URL list) and
 * application/octet-stream (how many servers label {@code .gz} files). ROBOTS: text/plain, or no type at all.
 * IMAGE: image/*.
 */
public final class ContentTypes {

    private ContentTypes() {
    }

    /** The media type of a Content-Type header value: lower case, parameters dropped; "" when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** True when a response with this media type is acceptable for the kind. */
    public static boolean allowed(ContentKind kind, String mediaType) {
        return switch (kind) {
            case HTML -> mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
            case FEED -> isXml(mediaType) || mediaType.equals("application/rss+xml")
                    || mediaType.equals("application/atom+xml") || mediaType.equals("application/rdf+xml");
            case SITEMAP -> isXml(mediaType) || mediaType.equals("text/plain") || mediaType.equals("application/gzip")
                    || mediaType.equals("application/x-gzip") || mediaType.equals("application/octet-stream");
            case ROBOTS -> mediaType.isEmpty() || mediaType.equals("text/plain");
            case IMAGE -> mediaType.startsWith("image/") && mediaType.length() > "image/".length();
        };
    }

    /** Kinds whose body is text (the fetcher reports a charset for them). */
    public static boolean isText(ContentKind kind, String mediaType) {
        if (kind == ContentKind.IMAGE) {
            return mediaType.equals("image/svg+xml");
        }
        return !mediaType.contains("gzip") && !mediaType.equals("application/octet-stream");
    }

    private static boolean isXml(String mediaType) {
        return mediaType.equals("text/xml") || mediaType.equals("application/xml")
                || mediaType.startsWith("application/") && mediaType.endsWith("+xml");
    }
}
