package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoBatchGet} and {@link DynamoBatchWrite} when DynamoDB leaves part of a batch unprocessed (throttling):
 * a wire-level endpoint answers as DynamoDB does, since dynalite never leaves anything unprocessed.
 */
class DynamoBatchUnprocessedTest {

    private static final String JSON = "application/x-amz-json-1.0";
    private static final String KEY_A = "{\"pk\":{\"S\":\"SOURCE#a\"},\"sk\":{\"S\":\"STATE\"}}";
    private static final String KEY_B = "{\"pk\":{\"S\":\"SOURCE#b\"},\"sk\":{\"S\":\"STATE\"}}";

    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy recorded = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(1), waits::add);

    @Test
    void get_asksAgainForTheUnprocessedKeys_afterABackoff() throws Exception {
        try (FakeAwsEndpoint endpoint = new FakeAwsEndpoint(); DynamoDbClient dynamo = client(endpoint)) {
            endpoint.respondWith(request -> FakeAwsEndpoint.Response.json(200, JSON, request.number() == 1
                    ? "{\"Responses\":{\"t\":[" + KEY_A + "]},"
                    + "\"UnprocessedKeys\":{\"t\":{\"Keys\":[" + KEY_B + "]}}}"
                    : "{\"Responses\":{\"t\":[" + KEY_B + "]},\"UnprocessedKeys\":{}}"));

            List<Map<String, AttributeValue>> items = DynamoBatchGet.items(dynamo, "t",
                    List.of(key("SOURCE#a"), key("SOURCE#b")), false, null, recorded);

            assertThat(items).extracting(item -> item.get("pk").s()).containsExactlyInAnyOrder("SOURCE#a", "SOURCE#b");
            assertThat(endpoint.requests()).hasSize(2);
            assertThat(body(endpoint.requests().get(1))).contains("SOURCE#b").doesNotContain("SOURCE#a");
            assertThat(waits).hasSize(1);
            assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(50));
        }
    }

    @Test
    void get_givesUp_afterThePolicysAttempts_namingWhatIsUnread() throws Exception {
        try (FakeAwsEndpoint endpoint = new FakeAwsEndpoint(); DynamoDbClient dynamo = client(endpoint)) {
            endpoint.respondWith(request -> FakeAwsEndpoint.Response.json(200, JSON,
                    "{\"Responses\":{\"t\":[]},\"UnprocessedKeys\":{\"t\":{\"Keys\":[" + KEY_B + "]}}}"));

            assertThatThrownBy(() -> DynamoBatchGet.items(dynamo, "t", List.of(key("SOURCE#b")), false, null, recorded))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("DynamoDB left 1 items unread after 4 BatchGetItem calls");
            assertThat(endpoint.requests()).hasSize(4);
            assertThat(waits).hasSize(3);
            assertThat(waits.get(2)).isLessThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void write_putsTheUnprocessedItemsAgain_afterABackoff_orGivesUp() throws Exception {
        try (FakeAwsEndpoint endpoint = new FakeAwsEndpoint(); DynamoDbClient dynamo = client(endpoint)) {
            endpoint.respondWith(request -> FakeAwsEndpoint.Response.json(200, JSON, request.number() == 1
                    ? "{\"UnprocessedItems\":{\"t\":[{\"PutRequest\":{\"Item\":" + KEY_B + "}}]}}"
                    : "{\"UnprocessedItems\":{}}"));

            DynamoBatchWrite.put(dynamo, "t", List.of(key("SOURCE#a"), key("SOURCE#b")), recorded);

            assertThat(endpoint.requests()).hasSize(2);
            assertThat(body(endpoint.requests().get(1))).contains("SOURCE#b").doesNotContain("SOURCE#a");
            assertThat(waits).hasSize(1);

            endpoint.respondWith(request -> FakeAwsEndpoint.Response.json(200, JSON,
                    "{\"UnprocessedItems\":{\"t\":[{\"PutRequest\":{\"Item\":" + KEY_B + "}}]}}"));
            assertThatThrownBy(() -> DynamoBatchWrite.put(dynamo, "t", List.of(key("SOURCE#b")), recorded))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("DynamoDB left 1 items unwritten after 4 BatchWriteItem calls");
            assertThat(endpoint.requests()).hasSize(4);
        }
    }

    private static DynamoDbClient client(FakeAwsEndpoint endpoint) {
        return TestAws.clients(Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint.endpoint())).dynamoDb();
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("STATE"));
    }

    private static String body(FakeAwsEndpoint.Request request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }
}
