package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
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
import software.amazon.awssdk.services.sqs.SqsClient;

import newsroom.aws.FakeAwsEndpoint.Request;
import newsroom.aws.FakeAwsEndpoint.Response;
import newsroom.aws.SqsFetchQueue.EnqueueFailedException;
import newsroom.core.port.FetchQueue.FetchRequest;

/**
 * {@link SqsFetchQueue} against a loopback server speaking the SQS JSON protocol, for partial batch failures,
 * sender faults and the exact DelaySeconds sent.
 */
class SqsFetchQueueFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AMZ_JSON = "application/x-amz-json-1.0";
    private static final String QUEUE_URL = "http://127.0.0.1/000000000000/fetch";

    private static FakeAwsEndpoint endpoint;
    private static SqsClient sqs;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private SqsFetchQueue queue;

    @BeforeAll
    static void startEndpoint() throws IOException {
        endpoint = new FakeAwsEndpoint();
        sqs = TestAws.clients(Map.of("AWS_ENDPOINT_URL_SQS", endpoint.endpoint())).sqs();
    }

    @AfterAll
    static void stopEndpoint() {
        sqs.close();
        endpoint.close();
    }

    @BeforeEach
    void createQueue() {
        queue = new SqsFetchQueue(sqs, QUEUE_URL, new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200),
                pauses::add));
    }

    @Test
    void resendsOnlyTheFailedEntry_whenBatchPartiallyFailsOnTheServerSide() {
        endpoint.respondWith(r -> r.number() == 1 ? results(r, i -> i == 1 ? "InternalError" : null, false)
                : results(r, i -> null, false));

        queue.enqueue(requests(3, 0));

        assertThat(endpoint.requests()).hasSize(2);
        assertThat(urls(endpoint.requests().get(1))).containsExactly("https://s.example/1");
        assertThat(pauses).singleElement().satisfies(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofMillis(50)));
    }

    @Test
    void reportsSenderFaultWithoutResending_whenSqsBlamesTheMessage() {
        endpoint.respondWith(r -> results(r, i -> i == 0 ? "InvalidParameterValue" : null, true));

        assertThatThrownBy(() -> queue.enqueue(requests(2, 0)))
                .isInstanceOfSatisfying(EnqueueFailedException.class, e -> assertThat(e.failures())
                        .containsExactly("https://s.example/0: InvalidParameterValue (scripted failure)"));
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void reportsEntryAfterMaxAttempts_whenServerKeepsFailingIt() {
        endpoint.respondWith(r -> results(r, i -> urls(r).get(i).endsWith("/1") ? "ServiceUnavailable" : null, false));

        assertThatThrownBy(() -> queue.enqueue(requests(2, 0)))
                .isInstanceOfSatisfying(EnqueueFailedException.class, e -> assertThat(e.failures())
                        .containsExactly("https://s.example/1: ServiceUnavailable (scripted failure)"));
        assertThat(endpoint.requests()).hasSize(3);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void sendsAtMostTenEntriesPerCall_whenManyRequestsAreEnqueued() {
        endpoint.respondWith(r -> results(r, i -> null, false));

        queue.enqueue(requests(23, 0));

        assertThat(endpoint.requests()).extracting(r -> urls(r).size()).containsExactly(10, 10, 3);
        assertThat(endpoint.requests()).allSatisfy(r -> assertThat(r.target()).isEqualTo("AmazonSQS.SendMessageBatch"));
    }

    @Test
    void sendsDelayCappedAtSqsMaximum_whenRequestsArePostponed() {
        endpoint.respondWith(r -> results(r, i -> null, false));

        queue.enqueue(List.of(new FetchRequest("https://s.example/now", "s", 0),
                new FetchRequest("https://s.example/later", "s", 120),
                new FetchRequest("https://s.example/tomorrow", "s", 86_400)));

        assertThat(entries(endpoint.requests().get(0))).extracting(e -> e.get("DelaySeconds").asInt())
                .containsExactly(0, 120, 900);
    }

    @Test
    void sendsUrlAndSourceAsJsonBody_whenRequestIsEnqueued() {
        endpoint.respondWith(r -> results(r, i -> null, false));

        queue.enqueue(List.of(new FetchRequest("https://s.example/a?b=\"c\"", "api", 0)));

        JsonNode entry = entries(endpoint.requests().get(0)).get(0);
        assertThat(entry.get("MessageBody").asText()).isEqualTo("{\"url\":\"https://s.example/a?b=\\\"c\\\"\","
                + "\"source\":\"api\"}");
        assertThat(readTree(new String(endpoint.requests().get(0).body(), StandardCharsets.UTF_8))
                .get("QueueUrl").asText()).isEqualTo(QUEUE_URL);
    }

    // ---- helpers ----

    private static List<FetchRequest> requests(int count, int delay) {
        List<FetchRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(new FetchRequest("https://s.example/" + i, "sitemap", delay));
        }
        return requests;
    }

    /** A 200 answer: entries with an error code go to Failed, the rest to Successful (with the body's MD5). */
    private static Response results(Request request, Function<Integer, String> errorOf, boolean senderFault) {
        ArrayNode successful = JSON.createArrayNode();
        ArrayNode failed = JSON.createArrayNode();
        JsonNode entries = entries(request);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String error = errorOf.apply(i);
            if (error == null) {
                successful.addObject().put("Id", entry.get("Id").asText()).put("MessageId", "m-" + i)
                        .put("MD5OfMessageBody", md5(entry.get("MessageBody").asText()));
            } else {
                failed.addObject().put("Id", entry.get("Id").asText()).put("SenderFault", senderFault)
                        .put("Code", error).put("Message", "scripted failure");
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("Successful", successful);
        body.set("Failed", failed);
        return Response.json(200, AMZ_JSON, body.toString());
    }

    private static JsonNode entries(Request request) {
        return readTree(new String(request.body(), StandardCharsets.UTF_8)).get("Entries");
    }

    private static List<String> urls(Request request) {
        List<String> urls = new ArrayList<>();
        entries(request).forEach(e -> urls.add(readTree(e.get("MessageBody").asText()).get("url").asText()));
        return urls;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
