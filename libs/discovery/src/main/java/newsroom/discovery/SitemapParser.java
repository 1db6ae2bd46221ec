package newsroom.discovery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.url.CanonicalUrls;
import newsroom.fetch.GzipDecoder;

/**
 * Reads sitemaps with crawler-commons: sitemap indexes, URL sets (plain or gzipped), text URL lists, and Google
 * News sitemaps (publication date used when there is no lastmod). DOCTYPE declarations are refused. Gzipped files
 * are inflated here with a size limit (a gzip bomb stops at it), by the fetch module's loop-based
 * {@link GzipDecoder} (the JDK's recursion per gzip member can overflow the stack). Only URLs on the sitemap's
 * own site are kept.
 */
public final class SitemapParser {

    /** Largest inflated sitemap, the limit of the sitemaps.org protocol. */
    public static final int MAX_INFLATED_BYTES = 50 * 1024 * 1024;

    /**
     * A parsed sitemap: either an index ({@code sitemaps} set) or a URL set ({@code items} set).
     *
     * @param sitemaps child sitemaps of an index, with their lastmod when given
     * @param items    article URLs of a URL set, with lastmod or news publication date
     */
    public record Result(boolean index, List<DiscoveredItem> sitemaps, List<DiscoveredItem> items) {
        public Result {
            sitemaps = List.copyOf(sitemaps);
            items = List.copyOf(items);
        }
    }

    private SitemapParser() {
    }

    /**
     * @throws FetchException MALFORMED_SITEMAP when the bytes are not a sitemap (or inflate beyond the limit)
     */
    public static Result parse(byte[] body, String contentType, URI sitemapUrl) throws FetchException {
        byte[] content = body;
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (isGzip(body)) {
            content = gunzip(body, sitemapUrl);
            type = "text/xml";
        } else if (type.contains("gzip") || type.equals("application/octet-stream") || type.isEmpty()) {
            type = looksLikeXml(body) ? "text/xml" : "text/plain";
        }
        crawlercommons.sitemaps.SiteMapParser parser = new crawlercommons.sitemaps.SiteMapParser(false, true);
        parser.setAllowDocTypeDefinitions(false);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap parsed;
        URL url;
        try {
            url = sitemapUrl.toURL();
            parsed = parser.parseSiteMap(type, content, url);
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw FetchFailure.MALFORMED_SITEMAP.exception(sitemapUrl + ": "
                    + FeedParser.firstLine(e.getMessage()));
        }
        String host = sitemapUrl.getHost();
        if (parsed instanceof SiteMapIndex index) {
            List<DiscoveredItem> children = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                String childUrl = child.getUrl().toString();
                if (onSite(host, childUrl)) {
                    children.add(new DiscoveredItem(childUrl, instant(child.getLastModified())));
                }
            }
            return new Result(true, children, List.of());
        }
        List<DiscoveredItem> items = new ArrayList<>();
        if (parsed instanceof SiteMap map) {
            for (SiteMapURL u : map.getSiteMapUrls()) {
                String itemUrl = u.getUrl().toString();
                if (onSite(host, itemUrl)) {
                    items.add(new DiscoveredItem(itemUrl, date(u)));
                }
            }
        }
        return new Result(false, List.of(), items);
    }

    /** The news sitemap's publication date when given (it is the article's date), else {@code lastmod}. */
    private static Instant date(SiteMapURL u) {
        ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata m : news) {
                if (m instanceof NewsAttributes n && n.getPublicationDateTime() != null) {
                    return n.getPublicationDateTime().toInstant();
                }
            }
        }
        return u.getLastModified() == null ? null : u.getLastModified().toInstant();
    }

    private static boolean onSite(String sitemapHost, String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && url.matches("(?i)https?://.*") && CanonicalUrls.sameSite(sitemapHost, host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static boolean looksLikeXml(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1).strip();
        return head.startsWith("<") || head.startsWith("\u00ef\u00bb\u00bf<");
    }

    private static byte[] gunzip(byte[] body, URI url) throws FetchException {
        try (InputStream in = new GzipDecoder(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            long total = 0;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > MAX_INFLATED_BYTES) {
                    throw FetchFailure.MALFORMED_SITEMAP.exception(url + ": inflates beyond "
                            + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw FetchFailure.MALFORMED_SITEMAP.exception(url + ": not valid gzip (" + e.getMessage() + ")");
        }
    }
}
