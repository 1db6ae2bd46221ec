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
    sealed interface Decoded permits Readable, Unreadable {
    }

    record Readable(PollRequest request) implements Decoded {
    }

    /** @param problem why the body is not a poll request, for the log */
    record Unreadable(String problem) implements Decoded {
    }

    static Decoded decode(String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            if (json == null || !json.path("source").isTextual() || json.path("source").asText().isBlank()
                    || !json.path("dispatchedAt").isTextual()) {
                return new Unreadable("expected {\"source\": name, \"dispatchedAt\": instant}");
            }
            return new Readable(new PollRequest(json.get("source").asText(),
                    Instant.parse(json.get("dispatchedAt").asText())));
        } catch (JsonProcessingException e) {
            return new Unreadable("not JSON");
        } catch (DateTimeParseException e) {
            return new Unreadable("dispatchedAt is not an ISO-8601 instant");
        }
    }
}
