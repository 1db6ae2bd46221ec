package newsroom.discovery;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jsoup.nodes.Document;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.DateHints;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.Fetcher;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.Fetcher.FetchedResource;
import newsroom.core.port.SourceStateStore;
import newsroom.core.port.SourceStateStore.SourceState;
import newsroom.core.url.CanonicalUrls;

/**
 * Polls one source once: conditional GET of its feed, sitemap (and the child sitemaps of an index) or homepage
 * (then the feed it advertises), parse, skip items older than the cutoff or already sent, newest first, at most
 * {@code maxItemsPerPoll}. An unchanged document costs one 304 and yields nothing.
 *
 * <p>"Already sent" is the store's seen marks ({@link SourceStateStore#seen}) of the URLs the documents list, read
 * in one batched lookup per poll, plus the list an earlier version kept in the state
 * ({@link SourceState#legacySeenUrls()}). Each URL sent gets a mark expiring {@code seenTtl} from now; the earlier
 * version's list becomes marks expiring {@code seenTtl} after that state's last poll, and the new state has no list.
 * A mark that expires while its item is still listed and still inside {@code maxAge} sends the item once more, which
 * the fetcher finds unchanged (idempotent): the TTL costs a fetch, never a duplicate article. With
 * {@code seenTtl ≥ maxAge} a dated item is never sent twice.
 *
 * <p>The poller only reads the {@link SourceStateStore}: the caller enqueues {@link PollResult#requests()} and
 * only after the queue accepted them marks {@link PollResult#seenUntil()} and saves {@link PollResult#newState()}.
 * Saving first would lose items if the enqueue failed; saving after means a crash in between re-sends a few URLs,
 * which fetching tolerates (idempotent).
 */
public final class SourcePoller {

    /**
     * How long a URL sent for fetching counts as seen unless configured otherwise: the age beyond which the poll
     * workers skip dated items, so a dated item is never sent twice.
     */
    public static final Duration DEFAULT_SEEN_TTL = Duration.ofDays(30);
    /** Child sitemaps of an index read per poll, most recently modified first. */
    public static final int MAX_CHILD_SITEMAPS = 5;

    private final Fetcher fetcher;
    private final SourceStateStore states;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration seenTtl;

    /**
     * @param maxAge  items published longer ago than this are skipped (items without a date are not)
     * @param seenTtl how long an item URL sent for fetching counts as seen (its mark's expiry)
     */
    public SourcePoller(Fetcher fetcher, SourceStateStore states, Clock clock, Duration maxAge, Duration seenTtl) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.states = Objects.requireNonNull(states, "states");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.seenTtl = Objects.requireNonNull(seenTtl, "seenTtl");
        if (seenTtl.isNegative() || seenTtl.isZero()) {
            throw new IllegalArgumentException("seenTtl must be positive, was " + seenTtl);
        }
    }

    /**
     * @param requests  new item URLs to fetch, newest first, at most {@code maxItemsPerPoll}
     * @param seenUntil the seen marks to write after the requests were enqueued: each request's URL until now +
     *                  seenTtl, and the URLs of the previous state's earlier-version list that have not aged out
     * @param newState  state to save after the marks (it carries no earlier-version list)
     * @param unchanged true when every document answered 304 (nothing to do)
     */
    public record PollResult(List<FetchRequest> requests, Map<String, Instant> seenUntil, SourceState newState,
                             boolean unchanged) {
        public PollResult {
            requests = List.copyOf(requests);
            seenUntil = Map.copyOf(seenUntil);
        }
    }

    /**
     * @throws FetchException when a document cannot be fetched or parsed; {@code retryable()} says whether the
     *                        poll should be tried again later (Retry-After in {@code retryAfterSeconds()})
     */
    public PollResult poll(Source source) throws FetchException {
        SourceState previous = states.find(source.name())
                .orElse(new SourceState(source.name(), Map.of(), List.of(), null));
        Map<String, Map<String, String>> validators = new HashMap<>(previous.validators());
        Instant now = clock.instant();
        List<DiscoveredItem> found = new ArrayList<>();
        boolean unchanged = switch (source.type()) {
            case FEED -> readFeed(source.url(), validators, found);
            case SITEMAP -> readSitemap(source.url(), validators, found, now);
            case HOMEPAGE -> readHomepage(source.url(), validators, found);
        };
        Instant legacyExpiry = (previous.lastPolled() == null ? now : previous.lastPolled()).plus(seenTtl);
        Set<String> legacySeen = legacyExpiry.isAfter(now) ? new HashSet<>(previous.legacySeenUrls()) : Set.of();
        Instant cutoff = now.minus(maxAge);
        Map<String, DiscoveredItem> candidates = new LinkedHashMap<>();
        for (DiscoveredItem item : found) {
            String url = identity(item.url());
            if (url == null || legacySeen.contains(url) || candidates.containsKey(url)
                    || item.published() != null && item.published().isBefore(cutoff)) {
                continue;
            }
            candidates.put(url, new DiscoveredItem(url, item.published()));
        }
        Set<String> seen = candidates.isEmpty() ? Set.of() : states.seen(source.name(), candidates.keySet(), now);
        List<DiscoveredItem> fresh = new ArrayList<>();
        for (DiscoveredItem item : candidates.values()) {
            if (!seen.contains(item.url())) {
                fresh.add(item);
            }
        }
        fresh.sort(Comparator.comparing(DiscoveredItem::published,
                Comparator.nullsLast(Comparator.reverseOrder())));
        List<DiscoveredItem> chosen = fresh.subList(0, Math.min(fresh.size(), source.maxItemsPerPoll()));
        List<FetchRequest> requests = new ArrayList<>();
        Map<String, Instant> seenUntil = new HashMap<>();
        Instant expiry = now.plus(seenTtl);
        for (DiscoveredItem item : chosen) {
            requests.add(new FetchRequest(item.url(), source.name(), 0, item.published(),
                    item.published() == null ? null : listedIn(source)));
            seenUntil.put(item.url(), expiry);
        }
        for (String url : legacySeen) {
            seenUntil.putIfAbsent(url, legacyExpiry);
        }
        SourceState state = new SourceState(source.name(), validators, List.of(), now);
        return new PollResult(requests, seenUntil, state, unchanged);
    }

    /** Where the items of a source are listed with their dates: its sitemap, or its (or its homepage's) feed. */
    static DateHints.ListedIn listedIn(Source source) {
        return source.type() == Source.Type.SITEMAP ? DateHints.ListedIn.SITEMAP : DateHints.ListedIn.FEED;
    }

    /** The URL the fetcher will be given and its seen mark is for: canonical form, or null if invalid. */
    private static String identity(String url) {
        try {
            return CanonicalUrls.canonicalize(url, null);
        } catch (ArticleRejectedException e) {
            return null;
        }
    }

    /** @return true when not modified */
    private boolean readFeed(URI feedUrl, Map<String, Map<String, String>> validators, List<DiscoveredItem> found)
            throws FetchException {
        FetchedResource r = conditional(feedUrl, ContentKind.FEED, validators);
        if (r.notModified()) {
            return true;
        }
        found.addAll(FeedParser.parse(r.body(), contentTypeWithCharset(r), r.finalUri()));
        return false;
    }

    private boolean readSitemap(URI sitemapUrl, Map<String, Map<String, String>> validators,
                                List<DiscoveredItem> found, Instant now) throws FetchException {
        FetchedResource r = conditional(sitemapUrl, ContentKind.SITEMAP, validators);
        if (r.notModified()) {
            return true;
        }
        SitemapParser.Result parsed = SitemapParser.parse(r.body(), r.contentType(), r.finalUri());
        if (!parsed.index()) {
            found.addAll(parsed.items());
            return false;
        }
        Instant cutoff = now.minus(maxAge);
        List<DiscoveredItem> children = new ArrayList<>(parsed.sitemaps());
        children.removeIf(c -> c.published() != null && c.published().isBefore(cutoff));
        children.sort(Comparator.comparing(DiscoveredItem::published,
                Comparator.nullsLast(Comparator.reverseOrder())));
        boolean allUnchanged = true;
        for (DiscoveredItem child : children.subList(0, Math.min(children.size(), MAX_CHILD_SITEMAPS))) {
            URI childUrl = URI.create(child.url());
            FetchedResource c = conditional(childUrl, ContentKind.SITEMAP, validators);
            if (c.notModified()) {
                continue;
            }
            allUnchanged = false;
            SitemapParser.Result childParsed = SitemapParser.parse(c.body(), c.contentType(), c.finalUri());
            found.addAll(childParsed.items());
        }
        return allUnchanged && !children.isEmpty();
    }

    private boolean readHomepage(URI homepage, Map<String, Map<String, String>> validators,
                                 List<DiscoveredItem> found) throws FetchException {
        FetchedResource page = conditional(homepage, ContentKind.HTML, validators);
        URI feedUrl;
        if (page.notModified()) {
            // The homepage is unchanged: reuse the feed found last time (the other document we hold validators for).
            feedUrl = validators.keySet().stream().filter(k -> !k.equals(homepage.toString())).findFirst()
                    .map(URI::create).orElse(null);
            if (feedUrl == null) {
                validators.remove(homepage.toString());
                page = conditional(homepage, ContentKind.HTML, validators);
                feedUrl = discoverFeed(page);
            }
        } else {
            feedUrl = discoverFeed(page);
        }
        String homeKey = homepage.toString();
        String feedKey = feedUrl.toString();
        validators.keySet().removeIf(k -> !k.equals(homeKey) && !k.equals(feedKey));
        return readFeed(feedUrl, validators, found);
    }

    private static URI discoverFeed(FetchedResource page) throws FetchException {
        Document doc = HtmlPages.parse(decode(page), page.finalUri());
        List<String> feeds = HtmlPages.feedLinks(doc);
        if (feeds.isEmpty()) {
            throw FetchFailure.NO_FEED_FOUND.exception(page.finalUri()
                    + ": no <link rel=\"alternate\" type=\"application/rss+xml|atom+xml\"> on the page");
        }
        return URI.create(feeds.get(0));
    }

    private FetchedResource conditional(URI url, ContentKind kind, Map<String, Map<String, String>> validators)
            throws FetchException {
        FetchedResource r = fetcher.fetch(url, kind, validators.getOrDefault(url.toString(), Map.of()));
        if (!r.validators().isEmpty()) {
            validators.put(url.toString(), r.validators());
        }
        return r;
    }

    static String decode(FetchedResource r) {
        Charset charset;
        try {
            charset = r.charset() == null ? StandardCharsets.UTF_8 : Charset.forName(r.charset());
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        return new String(r.body(), charset);
    }

    static String contentTypeWithCharset(FetchedResource r) {
        if (r.contentType() == null) {
            return null;
        }
        return r.charset() == null ? r.contentType() : r.contentType() + "; charset=" + r.charset();
    }
}
