package newsroom.articlefetcher;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.core.model.DateHints;
import newsroom.core.port.FetchQueue.FetchRequest;

/**
 * The body of one fetch-queue message, {@code {"url": "...", "source": "..."}} with, when the feed or sitemap dated
 * the URL, {@code "listedDate": "2020-06-04T08:00:00Z", "listedIn": "feed"}, as {@code SqsFetchQueue} writes it.
 * Decoding never throws: a body that is not such a message yields an {@link Unreadable} with the reason; a listed date
 * that cannot be read is ignored (the article is then dated like one without it).
 *
 * @param url       the article URL to fetch
 * @param source    the source name that discovered it ("api" for the HTTP API)
 * @param dateHints the listed date, or {@link DateHints#NONE}
 */
record FetchMessage(String url, String source, DateHints dateHints) {

    FetchMessage(String url, String source) {
        this(url, source, DateHints.NONE);
    }

    /** The message as a queue request again (to re-queue it later), keeping its listed date. */
    FetchRequest toRequest(int delaySeconds) {
        return new FetchRequest(url, source, delaySeconds, dateHints.listed(), dateHints.listedIn());
    }

    /** Largest body accepted; a fetch request is a URL and a name. */
    static final int MAX_BODY_CHARS = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build()).build());

    /** What a message body turned out to be: a {@link Readable} message or an {@link Unreadable} one. */
    sealed interface Decoded {
    }

    /** A body that is a fetch message. */
    record Readable(FetchMessage message) implements Decoded {
    }

    /** A body that can never be processed: {@code problem} says why, for logs. */
    record Unreadable(String problem) implements Decoded {
    }

    static Decoded decode(String body) {
        if (body == null || body.isBlank()) {
            return new Unreadable("empty message body");
        }
        if (body.length() > MAX_BODY_CHARS) {
            return new Unreadable("message body is " + body.length() + " characters; the limit is "
                    + MAX_BODY_CHARS);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return new Unreadable("message body is not JSON");
        }
        if (node == null || !node.isObject()) {
            return new Unreadable("message body is not a JSON object");
        }
        JsonNode url = node.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            return new Unreadable("message has no \"url\" string");
        }
        JsonNode source = node.get("source");
        String sourceName = source != null && source.isTextual() && !source.asText().isBlank()
                ? source.asText() : "unknown";
        return new Readable(new FetchMessage(url.asText().trim(), sourceName, listed(node)));
    }

    private static DateHints listed(JsonNode node) {
        JsonNode date = node.get("listedDate");
        JsonNode in = node.get("listedIn");
        DateHints.ListedIn listedIn = in != null && in.isTextual() ? DateHints.ListedIn.fromWord(in.asText()) : null;
        if (date == null || !date.isTextual() || listedIn == null) {
            return DateHints.NONE;
        }
        try {
            return DateHints.listed(Instant.parse(date.asText()), listedIn);
        } catch (DateTimeParseException e) {
            return DateHints.NONE;
        }
    }
}
