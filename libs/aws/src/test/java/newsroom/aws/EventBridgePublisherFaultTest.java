package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import newsroom.aws.FakeAwsEndpoint.Request;
import newsroom.aws.FakeAwsEndpoint.Response;
import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.port.EventPublisher.EventPublishException;

/**
 * {@link EventBridgePublisher} against a loopback server speaking the PutEvents JSON protocol, for what a real bus
 * only does under load: per-entry failures with HTTP 200, throttling, permanent errors, and size-based batching.
 */
class EventBridgePublisherFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AMZ_JSON = "application/x-amz-json-1.1";
    private static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250),
            RetryPolicy.Sleeper.THREAD);

    private static FakeAwsEndpoint endpoint;
    private static EventBridgeClient eventBridge;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private EventBridgePublisher publisher;

    @BeforeAll
    static void startEndpoint() throws IOException {
        endpoint = new FakeAwsEndpoint();
        eventBridge = TestAws.clients(Map.of("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoint.endpoint())).eventBridge();
    }

    @AfterAll
    static void stopEndpoint() {
        eventBridge.close();
        endpoint.close();
    }

    @BeforeEach
    void createPublisher() {
        publisher = new EventBridgePublisher(eventBridge, "newsroom", RETRY.withSleeper(pauses::add));
    }

    @Test
    void resendsOnlyTheThrottledEntry_whenPutEventsPartiallyFails() {
        endpoint.respondWith(r -> r.number() == 1 ? results(r, i -> i == 1 ? "ThrottlingException" : null)
                : results(r, i -> null));

        publisher.publish(events(3));

        List<Request> calls = endpoint.requests();
        assertThat(calls).hasSize(2);
        assertThat(articleIds(calls.get(0))).containsExactly(id(0), id(1), id(2));
        assertThat(articleIds(calls.get(1))).containsExactly(id(1));
        assertThat(pauses).hasSize(1);
        assertThat(pauses.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
    }

    @Test
    void reportsPermanentEntryFailureWithoutResending_whenErrorIsNotTransient() {
        endpoint.respondWith(r -> results(r, i -> i == 2 ? "MalformedDetail" : null));

        assertThatThrownBy(() -> publisher.publish(events(3)))
                .isInstanceOfSatisfying(EventPublishException.class, e -> assertThat(e.failures())
                        .containsExactly("ArticleStored " + id(2) + ": MalformedDetail (scripted failure)"));
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttemptsWithGrowingBoundedPauses_whenEntryIsThrottledEveryTime() {
        endpoint.respondWith(r -> results(r, i -> articleIds(r).get(i).equals(id(1)) ? "ThrottlingException" : null));

        assertThatThrownBy(() -> publisher.publish(events(2)))
                .isInstanceOfSatisfying(EventPublishException.class, e -> assertThat(e.failures())
                        .containsExactly("ArticleStored " + id(1) + ": ThrottlingException (scripted failure)"));
        assertThat(endpoint.requests()).hasSize(4);
        assertThat(endpoint.requests().subList(1, 4)).allSatisfy(r -> assertThat(articleIds(r)).containsExactly(id(1)));
        assertThat(pauses).hasSize(3);
        assertThat(pauses.get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(pauses.get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
        assertThat(pauses.get(2)).isLessThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void retriesWholeCall_whenBusThrottlesWithHttp400() {
        endpoint.respondWith(r -> r.number() == 1
                ? Response.json(400, AMZ_JSON, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")
                : results(r, i -> null));

        publisher.publish(events(2));

        assertThat(endpoint.requests()).hasSize(2);
        assertThat(articleIds(endpoint.requests().get(1))).containsExactly(id(0), id(1));
    }

    @Test
    void reportsEveryEventOnce_whenBusDoesNotExist() {
        endpoint.respondWith(r -> Response.json(400, AMZ_JSON,
                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Event bus newsroom does not exist.\"}"));

        assertThatThrownBy(() -> publisher.publish(events(2)))
                .isInstanceOfSatisfying(EventPublishException.class, e -> assertThat(e.failures()).hasSize(2)
                        .allSatisfy(f -> assertThat(f).contains("ResourceNotFoundException")));
        assertThat(endpoint.requests()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void sendsAtMostTenEntriesPerCall_whenManyEventsArePublished() {
        endpoint.respondWith(r -> results(r, i -> null));

        publisher.publish(events(23));

        assertThat(endpoint.requests()).extracting(r -> articleIds(r).size()).containsExactly(10, 10, 3);
    }

    @Test
    void splitsBatchBySize_whenEntriesAddUpToMoreThan256KB() {
        endpoint.respondWith(r -> results(r, i -> null));
        List<ArticleEvent> large = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            large.add(ArticleEvent.of(DetailType.ARTICLE_STORED, Map.of("articleId", id(i),
                    "padding", "x".repeat(100 * 1024))));
        }

        publisher.publish(large);

        assertThat(endpoint.requests()).extracting(r -> articleIds(r).size()).containsExactly(2, 2, 1);
    }

    @Test
    void reportsOversizedEventAndSendsTheOthers_whenOneEntryAloneExceeds256KB() {
        endpoint.respondWith(r -> results(r, i -> null));
        List<ArticleEvent> events = new ArrayList<>(events(2));
        events.add(ArticleEvent.of(DetailType.ARTICLE_STORED, Map.of("articleId", id(9),
                "padding", "x".repeat(300 * 1024))));

        assertThatThrownBy(() -> publisher.publish(events))
                .isInstanceOfSatisfying(EventPublishException.class, e -> assertThat(e.failures()).singleElement()
                        .asString().startsWith("ArticleStored " + id(9) + ": EntryTooLarge"));
        assertThat(endpoint.requests()).singleElement().satisfies(r ->
                assertThat(articleIds(r)).containsExactly(id(0), id(1)));
    }

    @Test
    void sendsSourceDetailTypeBusAndJsonDetail_whenEventIsPublished() {
        endpoint.respondWith(r -> results(r, i -> null));

        publisher.publish(List.of(ArticleEvent.of(DetailType.ARTICLE_UPDATED, Map.of("articleId", id(0),
                "version", 2))));

        JsonNode entry = entries(endpoint.requests().get(0)).get(0);
        assertThat(endpoint.requests().get(0).target()).isEqualTo("AWSEvents.PutEvents");
        assertThat(entry.get("Source").asText()).isEqualTo("newsroom.ingest");
        assertThat(entry.get("DetailType").asText()).isEqualTo("ArticleUpdated");
        assertThat(entry.get("EventBusName").asText()).isEqualTo("newsroom");
        assertThat(readTree(entry.get("Detail").asText()))
                .isEqualTo(readTree("{\"articleId\":\"" + id(0) + "\",\"version\":2}"));
    }

    @Test
    void computesEntrySizeAsPutEventsDocumentationDoes() {
        var entry = PutEventsRequestEntry.builder()
                .source("newsroom.ingest").detailType("ArticleStored").detail("{\"a\":\"é\"}")
                .resources("arn:x").time(Instant.EPOCH).build();

        assertThat(EventBridgePublisher.entrySize(entry)).isEqualTo(14 + 15 + 13 + 10 + 5);
    }

    // ---- helpers ----

    private static String id(int i) {
        return String.format("%024x", i);
    }

    private static List<ArticleEvent> events(int count) {
        List<ArticleEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(ArticleEvent.of(DetailType.ARTICLE_STORED, Map.of("articleId", id(i), "version", 1)));
        }
        return events;
    }

    /** A 200 answer with one result per entry of the request; {@code errorOf} gives the entry's error or null. */
    private static Response results(Request request, Function<Integer, String> errorOf) {
        ArrayNode results = JSON.createArrayNode();
        int failed = 0;
        for (int i = 0; i < entries(request).size(); i++) {
            ObjectNode result = results.addObject();
            String error = errorOf.apply(i);
            if (error == null) {
                result.put("EventId", "event-" + request.number() + "-" + i);
            } else {
                failed++;
                result.put("ErrorCode", error).put("ErrorMessage", "scripted failure");
            }
        }
        ObjectNode body = JSON.createObjectNode().put("FailedEntryCount", failed);
        body.set("Entries", results);
        return Response.json(200, AMZ_JSON, body.toString());
    }

    private static JsonNode entries(Request request) {
        return readTree(new String(request.body(), StandardCharsets.UTF_8)).get("Entries");
    }

    private static List<String> articleIds(Request request) {
        List<String> ids = new ArrayList<>();
        entries(request).forEach(e -> ids.add(readTree(e.get("Detail").asText()).get("articleId").asText()));
        return ids;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
