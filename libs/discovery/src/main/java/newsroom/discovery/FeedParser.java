package newsroom.discovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jspecify.annotations.Nullable;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;

/**
 * Reads RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom feeds with Rome into {@link DiscoveredItem}s. DOCTYPE
 * declarations are refused (Rome's default, stated here explicitly), so external entities (XXE) and entity
 * expansion ("billion laughs") never run. At most {@link #MAX_ITEMS} entries are read.
 */
public final class FeedParser {

    /** Entries beyond this are ignored: no real feed has more, and it bounds the work per poll. */
    public static final int MAX_ITEMS = 5000;

    private FeedParser() {
    }

    /**
     * @param body        the feed bytes as fetched
     * @param contentType the response Content-Type (its charset is honoured), or null
     * @param feedUrl     the feed's URL, to resolve relative entry links against
     * @throws FetchException MALFORMED_FEED when the bytes are not a feed or contain a DOCTYPE
     */
    public static List<DiscoveredItem> parse(byte[] body, @Nullable String contentType, URI feedUrl)
            throws FetchException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(false);
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw FetchFailure.MALFORMED_FEED.exception(feedUrl + ": " + firstLine(e.getMessage()));
        }
        List<DiscoveredItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (items.size() >= MAX_ITEMS) {
                break;
            }
            String link = entryLink(entry);
            String absolute = link == null ? null : Links.absoluteHttpUrl(feedUrl, link);
            if (absolute != null) {
                Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
                items.add(new DiscoveredItem(absolute, date == null ? null : date.toInstant()));
            }
        }
        return items;
    }

    private static String entryLink(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().trim();
        }
        for (SyndLink link : entry.getLinks()) {
            if ((link.getRel() == null || link.getRel().equals("alternate")) && link.getHref() != null) {
                return link.getHref().trim();
            }
        }
        String uri = entry.getUri();
        return uri != null && uri.matches("(?i)https?://.*") ? uri.trim() : null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
