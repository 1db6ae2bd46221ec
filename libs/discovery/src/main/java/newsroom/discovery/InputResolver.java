package newsroom.discovery;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jsoup.nodes.Document;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.Fetcher.FetchedResource;
import newsroom.fetch.DocumentKinds;

/**
 * Says what a URL given by a user is, fetching it once (its media type and first bytes decide):
 * a feed (its item URLs), a sitemap (its URLs; an index yields its child sitemaps' URLs), a homepage (an HTML page
 * that advertises a feed and is not itself an article: the feed's item URLs), or an article page (the fetched
 * resource itself, so it is not fetched twice).
 */
public final class InputResolver {

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

    /** What a user-given URL may be; the response decides which, once. */
    private static final Set<ContentKind> DOCUMENTS = EnumSet.of(ContentKind.HTML, ContentKind.FEED,
            ContentKind.SITEMAP);

    /**
     * Fetches the URL once; its media type and first bytes decide whether it is an HTML page, a feed or a sitemap
     * ({@link Fetcher#fetchClassified}), each within its own size limit.
     *
     * @throws FetchException the fetch failure (URL_NOT_ALLOWED, TOO_LARGE, UNSUPPORTED_CONTENT_TYPE with the real
     *                        reason, …) or a {@link FetchFailure}
     */
    public Resolution resolve(URI input) throws FetchException {
        FetchedResource doc = fetcher.fetchClassified(input, DOCUMENTS);
        return doc.kind() == ContentKind.HTML ? fromHtml(input, doc) : fromXml(input, doc);
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

    /** A FEED or SITEMAP (XML, gzip or a text URL list): the feed parser or the sitemap parser reads it. */
    private Resolution fromXml(URI input, FetchedResource doc) throws FetchException {
        if (doc.kind() == ContentKind.FEED) {
            List<DiscoveredItem> items = FeedParser.parse(doc.body(), SourcePoller.contentTypeWithCharset(doc),
                    doc.finalUri());
            return new Feed(input, doc.finalUri(), urls(items), dates(items));
        }
        String root = DocumentKinds.rootElement(doc.body());
        boolean gzip = doc.body().length >= 2 && (doc.body()[0] & 0xff) == 0x1f && (doc.body()[1] & 0xff) == 0x8b;
        if (!gzip && !root.isEmpty() && !root.equals("urlset") && !root.equals("sitemapindex")) {
            throw FetchFailure.UNSUPPORTED_INPUT.exception(doc.finalUri() + ": XML with root <" + root
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

}
