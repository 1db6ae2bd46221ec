package newsroom.feedpoller;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.core.port.PollQueue.PollRequest;

/** Decodes a poll-queue message body {@code {"source":…,"dispatchedAt":…}} into a {@link PollRequest}. */
final class PollRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PollRequests() {
    }

    /** A request, or the problem with the body. */
    record Decoded(PollRequest request, String problem) {
    }

    static Decoded decode(String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            if (json == null || !json.path("source").isTextual() || json.path("source").asText().isBlank()
                    || !json.path("dispatchedAt").isTextual()) {
                return new Decoded(null, "expected {\"source\": name, \"dispatchedAt\": instant}");
            }
            return new Decoded(new PollRequest(json.get("source").asText(),
                    Instant.parse(json.get("dispatchedAt").asText())), null);
        } catch (JsonProcessingException e) {
            return new Decoded(null, "not JSON");
        } catch (DateTimeParseException e) {
            return new Decoded(null, "dispatchedAt is not an ISO-8601 instant");
        }
    }
}
