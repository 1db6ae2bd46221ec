package newsroom.discovery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;

import newsroom.core.port.Fetcher;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.Fetcher.FetchedResource;

/**
 * Says what a URL given by a user is, fetching it once (twice only when its type was guessed wrong from the URL):
 * a feed (its item URLs), a sitemap (its URLs; an index yields its child sitemaps' URLs), a homepage (an HTML page
 * that advertises a feed and is not itself an article: the feed's item URLs), or an article page (the fetched
 * resource itself, so it is not fetched twice).
 */
public final class InputResolver {

    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z][\\w.:-]*)");

    private final Fetcher fetcher;
    private final int maxItems;

    /** @param maxItems most item URLs returned for a feed, sitemap or homepage */
    public InputResolver(Fetcher fetcher, int maxItems) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be positive");
        }
        this.maxItems = maxItems;
    }

    /** What a URL turned out to be. */
    public sealed interface Resolution {
        /** The URL the user gave. */
        URI input();
    }

    /** A feed: its entries' URLs, in feed order, and the date each entry gives (URLs without one are absent). */
    public record Feed(URI input, URI feedUrl, List<String> itemUrls, Map<String, Instant> listedDates)
            implements Resolution {
        public Feed {
            itemUrls = List.copyOf(itemUrls);
            listedDates = Map.copyOf(listedDates);
        }
    }

    /** A sitemap: its URLs (for an index, the URLs of its first child sitemaps) and their dates (news date first). */
    public record Sitemap(URI input, List<String> urls, Map<String, Instant> listedDates) implements Resolution {
        public Sitemap {
            urls = List.copyOf(urls);
            listedDates = Map.copyOf(listedDates);
        }
    }

    /** A homepage advertising a feed: the feed's item URLs and their dates. */
    public record Homepage(URI input, URI feedUrl, List<String> itemUrls, Map<String, Instant> listedDates)
            implements Resolution {
        public Homepage {
            itemUrls = List.copyOf(itemUrls);
            listedDates = Map.copyOf(listedDates);
        }
    }

    /** An article page (or any HTML page without a feed): the fetched page, ready for extraction. */
    public record ArticlePage(URI input, FetchedResource page) implements Resolution {
    }

    /**
     * @throws FetchException the fetch failure (URL_NOT_ALLOWED, TOO_LARGE, …) or a {@link DiscoveryFailure}
     */
    public Resolution resolve(URI input) throws FetchException {
        boolean xmlFirst = looksLikeXmlDocument(input);
        if (xmlFirst) {
            try {
                return fromXml(input, fetcher.fetch(input, ContentKind.SITEMAP));
            } catch (FetchException e) {
                if (!isWrongType(e)) {
                    throw e;
                }
                return fromHtml(input, fetcher.fetch(input, ContentKind.HTML));
            }
        }
        try {
            return fromHtml(input, fetcher.fetch(input, ContentKind.HTML));
        } catch (FetchException e) {
            if (!isWrongType(e)) {
                throw e;
            }
            return fromXml(input, fetcher.fetch(input, ContentKind.SITEMAP));
        }
    }

    private Resolution fromHtml(URI input, FetchedResource page) throws FetchException {
        Document doc = HtmlPages.parse(SourcePoller.decode(page), page.finalUri());
        if (HtmlPages.isArticle(doc)) {
            return new ArticlePage(input, page);
        }
        List<String> feeds = HtmlPages.feedLinks(doc);
        if (feeds.isEmpty()) {
            return new ArticlePage(input, page);
        }
        URI feedUrl = URI.create(feeds.get(0));
        FetchedResource feed = fetcher.fetch(feedUrl, ContentKind.FEED);
        List<DiscoveredItem> items = FeedParser.parse(feed.body(), SourcePoller.contentTypeWithCharset(feed),
                feed.finalUri());
        return new Homepage(input, feedUrl, urls(items), dates(items));
    }

    /** Fetched as SITEMAP (accepts XML, gzip and text): decide by the root element. */
    private Resolution fromXml(URI input, FetchedResource doc) throws FetchException {
        String root = rootElement(doc.body());
        if (root.equals("rss") || root.equals("feed") || root.endsWith("rdf")) {
            List<DiscoveredItem> items = FeedParser.parse(doc.body(), SourcePoller.contentTypeWithCharset(doc),
                    doc.finalUri());
            return new Feed(input, doc.finalUri(), urls(items), dates(items));
        }
        if (root.equals("html")) {
            return fromHtml(input, doc);
        }
        if (!root.isEmpty() && !root.equals("gzip") && !root.equals("urlset") && !root.equals("sitemapindex")) {
            throw DiscoveryFailure.UNSUPPORTED_INPUT.exception(doc.finalUri() + ": XML with root <" + root
                    + "> is neither a feed nor a sitemap");
        }
        SitemapParser.Result parsed = SitemapParser.parse(doc.body(), doc.contentType(), doc.finalUri());
        if (!parsed.index()) {
            return new Sitemap(input, urls(parsed.items()), dates(parsed.items()));
        }
        List<DiscoveredItem> items = new ArrayList<>();
        for (DiscoveredItem child : parsed.sitemaps()) {
            if (items.size() >= maxItems) {
                break;
            }
            FetchedResource c = fetcher.fetch(URI.create(child.url()), ContentKind.SITEMAP);
            items.addAll(SitemapParser.parse(c.body(), c.contentType(), c.finalUri()).items());
        }
        return new Sitemap(input, urls(items), dates(items));
    }

    private List<String> urls(List<DiscoveredItem> items) {
        return items.stream().map(DiscoveredItem::url).distinct().limit(maxItems).toList();
    }

    /** Each dated item's first date, by URL. */
    private static Map<String, Instant> dates(List<DiscoveredItem> items) {
        Map<String, Instant> dates = new HashMap<>();
        for (DiscoveredItem item : items) {
            if (item.published() != null) {
                dates.putIfAbsent(item.url(), item.published());
            }
        }
        return dates;
    }

    private static boolean isWrongType(FetchException e) {
        return e.reason().equals("UNSUPPORTED_CONTENT_TYPE");
    }

    /** URL paths that usually name feeds or sitemaps. */
    private static boolean looksLikeXmlDocument(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith(".xml") || path.endsWith(".rss") || path.endsWith(".atom") || path.endsWith(".rdf")
                || path.endsWith(".gz") || path.endsWith("/feed") || path.endsWith("/feed/") || path.endsWith("/rss")
                || path.contains("sitemap");
    }

    /** Local name of the first element, lower case ("" when none is found in the first 4 KiB). */
    static String rootElement(byte[] body) {
        if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            return "gzip";
        }
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        head = head.replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "");
        Matcher m = ROOT_ELEMENT.matcher(head);
        if (!m.find()) {
            return "";
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }
}
