package newsroom.aws;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.adobe.testing.s3mock.S3MockApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import newsroom.aws.FakeAwsEndpoint.Request;
import newsroom.aws.FakeAwsEndpoint.Response;
import newsroom.core.port.contract.StoreEmitProtocolContract;

/**
 * The store/emit protocol contract on the AWS adapters: S3Mock with a versioned bucket (so "one stored version per
 * distinct content" is counted in S3 object versions), dynalite, and a loopback EventBridge endpoint that records
 * every entry it accepts and, to refuse a publish, fails every entry of the publisher's two attempts with HTTP 200.
 */
@ExtendWith(SharedServers.class)
class StoreEmitProtocolTest extends StoreEmitProtocolContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final int PUBLISH_ATTEMPTS = 2;

    private static S3MockApplication s3mock;
    private static Path s3root;
    private static S3Client s3;
    private static Dynalite dynalite;
    private static FakeAwsEndpoint bus;
    private static EventBridgeClient eventBridge;

    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    /** PutEvents calls still to be answered with failed entries (InternalFailure, HTTP 200). */
    private final AtomicInteger failingPutEvents = new AtomicInteger();
    private String bucket;

    @BeforeAll
    static void startEndpoints(Dynalite sharedDynalite) throws IOException {
        s3root = Files.createTempDirectory("s3mock");
        Map<String, Object> properties = new HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_ROOT_DIRECTORY, s3root.toString(),
                S3MockApplication.PROP_SILENT, true));
        s3mock = S3MockApplication.start(properties);
        dynalite = sharedDynalite;
        bus = new FakeAwsEndpoint();
        AwsClients clients = TestAws.clients(Map.of(
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3mock.getHttpPort(),
                "AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint()));
        s3 = clients.s3();
        eventBridge = clients.eventBridge();
    }

    @AfterAll
    static void stopEndpoints() {
        s3.close();
        eventBridge.close();
        bus.close();
        s3mock.stop();
        TestAws.deleteRecursively(s3root);
    }

    @Override
    protected Adapters newAdapters() {
        bucket = "protocol-" + NAMES.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        bus.respondWith(this::answerPutEvents);
        RetryPolicy attempts = new RetryPolicy(PUBLISH_ATTEMPTS, Duration.ZERO, Duration.ZERO, pause -> { });
        return new Adapters(new S3ObjectStore(s3, bucket),
                new DynamoArticleIndex(dynalite.client(), dynalite.newTable()),
                new EventBridgePublisher(eventBridge, "newsroom", attempts));
    }

    @Override
    protected void refuseNextPublish() {
        failingPutEvents.set(PUBLISH_ATTEMPTS);
    }

    @Override
    protected List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    protected OptionalInt storedVersions(String key) {
        return OptionalInt.of(s3.listObjectVersions(b -> b.bucket(bucket).prefix(key)).versions().size());
    }

    /** Accepts every entry, or fails them all with HTTP 200 while failingPutEvents > 0. */
    private Response answerPutEvents(Request request) {
        boolean fail = failingPutEvents.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        JsonNode entries = readTree(new String(request.body(), UTF_8)).get("Entries");
        ArrayNode results = JSON.createArrayNode();
        List<Accepted> taken = new ArrayList<>();
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            if (fail) {
                result.put("ErrorCode", "InternalFailure").put("ErrorMessage", "simulated");
            } else {
                result.put("EventId", "e-" + request.number());
                JsonNode detail = readTree(entry.get("Detail").asText());
                taken.add(new Accepted(entry.get("DetailType").asText(), detail.get("articleId").asText(),
                        detail.get("version").asLong()));
            }
        }
        accepted.addAll(taken);
        ObjectNode body = JSON.createObjectNode().put("FailedEntryCount", fail ? entries.size() : 0);
        body.set("Entries", results);
        return Response.json(200, "application/x-amz-json-1.1", body.toString());
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
