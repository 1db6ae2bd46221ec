package newsroom.articlefetcher;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;

/**
 * The body of one fetch-queue message, {@code {"url": "...", "source": "..."}}, as {@code SqsFetchQueue} writes it.
 * Decoding never throws: a body that is not such a message yields a {@link Decoded} with the reason.
 *
 * @param url    the article URL to fetch
 * @param source the source name that discovered it ("api" for the HTTP API)
 */
record FetchMessage(String url, String source) {

    /** Largest body accepted; a fetch request is a URL and a name. */
    static final int MAX_BODY_CHARS = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build()).build());

    /** A decoded message or the reason it could not be decoded (exactly one is non-null). */
    record Decoded(FetchMessage message, String problem) {
    }

    static Decoded decode(String body) {
        if (body == null || body.isBlank()) {
            return new Decoded(null, "empty message body");
        }
        if (body.length() > MAX_BODY_CHARS) {
            return new Decoded(null, "message body is " + body.length() + " characters; the limit is "
                    + MAX_BODY_CHARS);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return new Decoded(null, "message body is not JSON");
        }
        if (node == null || !node.isObject()) {
            return new Decoded(null, "message body is not a JSON object");
        }
        JsonNode url = node.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            return new Decoded(null, "message has no \"url\" string");
        }
        JsonNode source = node.get("source");
        String sourceName = source != null && source.isTextual() && !source.asText().isBlank()
                ? source.asText() : "unknown";
        return new Decoded(new FetchMessage(url.asText().trim(), sourceName), null);
    }
}
