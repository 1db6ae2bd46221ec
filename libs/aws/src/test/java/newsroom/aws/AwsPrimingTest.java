package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import newsroom.aws.FakeAwsEndpoint.Request;
import newsroom.aws.FakeAwsEndpoint.Response;
import newsroom.core.observe.Telemetry;

/**
 * {@link AwsPriming} on the wire, against a loopback endpoint that records every request: which operations reach
 * the services (reads only), what they read (sentinel keys), and that nothing reaches EventBridge or Translate.
 */
class AwsPrimingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AMZ_JSON = "application/x-amz-json-1.0";

    private static FakeAwsEndpoint endpoint;
    private static AwsClients clients;
    private static AwsPriming priming;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Telemetry telemetry = new Telemetry("test", logged::add, Clock.systemUTC());

    @BeforeAll
    static void start() throws IOException {
        endpoint = new FakeAwsEndpoint();
        clients = TestAws.clients(Map.of("AWS_ENDPOINT_URL", endpoint.endpoint()));
        AwsConfig config = clients.config();
        priming = AwsPriming.builder()
                .headObject(new S3ObjectStore(clients.s3(), config.contentBucket()),
                        "content/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(new DynamoArticleIndex(clients.dynamoDb(), config.tableName()))
                .getItem(new DynamoSourceStateStore(clients.dynamoDb(), config.tableName()))
                .queueAttributes(new SqsFetchQueue(clients.sqs(), config.fetchQueueUrl()))
                .putEventsDryRun(new EventBridgePublisher(clients.eventBridge(), config.eventBusName()))
                .translateDryRun(new AmazonTranslateTranslator(clients.translate()))
                .build();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    /** What a service answers a read of something that is not there. */
    private static Response nothingThere(Request r) {
        if (r.target() == null) {
            return new Response(404, "application/xml", Map.of(), new byte[0]); // S3 HEAD: no body
        }
        return Response.json(200, AMZ_JSON, r.target().endsWith("GetQueueAttributes")
                ? "{\"Attributes\":{\"ApproximateNumberOfMessages\":\"0\"}}" : "{}");
    }

    @Test
    void sendsOnlyReads_oneRequestPerReadStep_nothingForEventBridgeOrTranslate() {
        endpoint.respondWith(AwsPrimingTest::nothingThere);

        int failed = priming.run(telemetry);

        assertThat(failed).isZero();
        assertThat(logged).isEmpty();
        assertThat(endpoint.requests()).extracting(r -> r.target() != null ? r.target() : "S3 " + r.method()
                + " " + r.path()).containsExactly(
                "S3 HEAD /content/content/.priming-sentinel",
                "DynamoDB_20120810.GetItem",
                "DynamoDB_20120810.GetItem",
                "AmazonSQS.GetQueueAttributes");
    }

    @Test
    void readsSentinelKeys_thatNoWriteEverUses() {
        endpoint.respondWith(AwsPrimingTest::nothingThere);

        priming.run(telemetry);

        List<JsonNode> bodies = endpoint.requests().stream()
                .filter(r -> "DynamoDB_20120810.GetItem".equals(r.target())).map(r -> json(r.body())).toList();
        assertThat(bodies).containsExactly(
                json("{\"TableName\":\"newsroom\",\"Key\":{\"pk\":{\"S\":\"PRIMING#sentinel\"},"
                        + "\"sk\":{\"S\":\"ARTICLE\"}}}"),
                json("{\"TableName\":\"newsroom\",\"Key\":{\"pk\":{\"S\":\"SOURCE#PRIMING#sentinel\"},"
                        + "\"sk\":{\"S\":\"SOURCE\"}}}"));
    }

    private static JsonNode json(byte[] bytes) {
        return json(new String(bytes, StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void logsIncompleteAndRunsTheOtherSteps_neverThrows_whenReadsAreDenied() {
        endpoint.respondWith(r -> r.target() == null ? new Response(403, "application/xml", Map.of(), new byte[0])
                : Response.json(400, AMZ_JSON, "{\"__type\":\"AccessDeniedException\",\"message\":\"denied\"}"));

        int failed = priming.run(telemetry);

        assertThat(failed).isEqualTo(4);
        assertThat(logged).hasSize(4).allSatisfy(line -> assertThat(line).contains("\"priming.incomplete\"")
                .contains("\"error\":{\"type\":\"software.amazon.awssdk.services.").contains("\"stackTrace\":\""));
        assertThat(endpoint.requests()).hasSize(4);
    }

    @Test
    void readsTheSentinelsSchedule_withOneBatchGetItem_forThePollDispatcher() {
        endpoint.respondWith(r -> Response.json(200, AMZ_JSON, "{\"Responses\":{\"newsroom\":[]}}"));
        AwsPriming dispatcher = AwsPriming.builder()
                .scheduleReads(new DynamoSourceStateStore(clients.dynamoDb(), clients.config().tableName())).build();

        assertThat(dispatcher.run(telemetry)).isZero();

        assertThat(endpoint.requests()).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("DynamoDB_20120810.BatchGetItem");
            assertThat(json(r.body()).at("/RequestItems/newsroom/Keys/0")).isEqualTo(
                    json("{\"pk\":{\"S\":\"SOURCE#PRIMING#sentinel\"},\"sk\":{\"S\":\"SCHEDULE\"}}"));
        });
    }

    @Test
    void readsTheSentinelsSeenMarks_andSendsNoWrite_forThePollWorker() {
        endpoint.respondWith(r -> Response.json(200, AMZ_JSON, r.target().endsWith("Query")
                ? "{\"Items\":[],\"Count\":0}" : "{\"Responses\":{\"newsroom\":[]}}"));
        AwsPriming worker = AwsPriming.builder()
                .seenMarks(new DynamoSourceStateStore(clients.dynamoDb(), clients.config().tableName())).build();

        assertThat(worker.run(telemetry)).isZero();

        assertThat(logged).isEmpty();
        assertThat(endpoint.requests()).extracting(Request::target).containsExactly(
                "DynamoDB_20120810.BatchGetItem", "DynamoDB_20120810.Query");
        assertThat(json(endpoint.requests().get(0).body()).at("/RequestItems/newsroom/Keys/0/pk/S").asText())
                .isEqualTo("SOURCE#PRIMING#sentinel");
        assertThat(json(endpoint.requests().get(1).body()).at("/ExpressionAttributeValues/:pk/S").asText())
                .isEqualTo("SOURCE#PRIMING#sentinel");
        assertThat(worker.steps()).contains("dynamodb BatchWriteItem (dry run)");
    }

    @Test
    void runsNothing_whenNone() {
        assertThat(AwsPriming.none().run(telemetry)).isZero();
        assertThat(AwsPriming.none().steps()).isEmpty();
    }
}
