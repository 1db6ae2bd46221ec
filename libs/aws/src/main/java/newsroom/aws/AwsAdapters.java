package newsroom.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * The AWS adapters of one function, written once for every {@code *Wiring}: each is built from the function's
 * {@link AwsConfig} the first time the wiring asks for it, and so is each SDK client, which is then shared by every
 * adapter of that service. A function therefore builds only the clients it uses (each costs cold-start time and
 * its jar may not even carry the others) and one client per service however many adapters share it. Not
 * thread-safe: a wiring calls it at start, on one thread.
 */
public final class AwsAdapters {

    private final AwsConfig config;
    private final AwsClients clients;
    /** Every client and adapter built so far, by type, in the order it was built. */
    private final Map<Class<?>, Object> built = new LinkedHashMap<>();

    private AwsAdapters(AwsClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.config = clients.config();
    }

    /** Adapters of a Lambda function (or a local run): configuration from the environment, default credentials. */
    public static AwsAdapters fromEnvironment(Map<String, String> env) {
        return new AwsAdapters(AwsClients.forLambda(AwsConfig.fromEnvironment(env)));
    }

    /** Adapters whose clients {@code clients} builds (tests: explicit credentials for local endpoints). */
    public static AwsAdapters of(AwsClients clients) {
        return new AwsAdapters(clients);
    }

    public AwsConfig config() {
        return config;
    }

    /** The content bucket ({@code CONTENT_BUCKET}): Markdown, thumbnails and the sources file. */
    public S3ObjectStore contentStore() {
        return once(S3ObjectStore.class, () -> new S3ObjectStore(s3(), config.contentBucket()));
    }

    /** The article records in the table ({@code TABLE_NAME}). */
    public DynamoArticleIndex articleIndex() {
        return once(DynamoArticleIndex.class, () -> new DynamoArticleIndex(dynamoDb(), config.tableName()));
    }

    /** The poll state of each source, in the same table. */
    public DynamoSourceStateStore sourceStates() {
        return once(DynamoSourceStateStore.class, () -> new DynamoSourceStateStore(dynamoDb(), config.tableName()));
    }

    /** Each host's turn, shared by every fetching instance, in the same table. */
    public DynamoHostTurns hostTurns() {
        return once(DynamoHostTurns.class, () -> new DynamoHostTurns(dynamoDb(), config.tableName()));
    }

    /** robots.txt shared between fetching instances, in the same table. */
    public DynamoRobotsTxtShare robotsShare() {
        return once(DynamoRobotsTxtShare.class, () -> new DynamoRobotsTxtShare(dynamoDb(), config.tableName()));
    }

    /** The article events on the bus ({@code EVENT_BUS_NAME}). */
    public EventBridgePublisher events() {
        return once(EventBridgePublisher.class, () -> new EventBridgePublisher(eventBridge(), config.eventBusName()));
    }

    /** The fetch queue ({@code FETCH_QUEUE_URL}). */
    public SqsFetchQueue fetchQueue() {
        return once(SqsFetchQueue.class, () -> new SqsFetchQueue(sqs(), config.fetchQueueUrl()));
    }

    /**
     * A poll queue adapter for {@code queueUrl}, new on every call (it holds no more than the URL) and sharing the
     * one SQS client. Only the dispatcher sends to it, so its URL is that function's own variable, not part of
     * {@link AwsConfig}.
     */
    public SqsPollQueue pollQueue(String queueUrl) {
        return new SqsPollQueue(sqs(), queueUrl);
    }

    /** Amazon Translate. */
    public AmazonTranslateTranslator translator() {
        return once(AmazonTranslateTranslator.class, () -> new AmazonTranslateTranslator(translate()));
    }

    /**
     * The SDK clients built so far ({@code s3}, {@code dynamodb}, {@code eventbridge}, {@code sqs},
     * {@code translate}), in the order they were built: what this function pays for at start.
     */
    public List<String> clientsBuilt() {
        List<String> services = new ArrayList<>();
        for (Class<?> type : built.keySet()) {
            if (type == S3Client.class) {
                services.add("s3");
            } else if (type == DynamoDbClient.class) {
                services.add("dynamodb");
            } else if (type == EventBridgeClient.class) {
                services.add("eventbridge");
            } else if (type == SqsClient.class) {
                services.add("sqs");
            } else if (type == TranslateClient.class) {
                services.add("translate");
            }
        }
        return services;
    }

    private S3Client s3() {
        return once(S3Client.class, clients::s3);
    }

    private DynamoDbClient dynamoDb() {
        return once(DynamoDbClient.class, clients::dynamoDb);
    }

    private EventBridgeClient eventBridge() {
        return once(EventBridgeClient.class, clients::eventBridge);
    }

    private SqsClient sqs() {
        return once(SqsClient.class, clients::sqs);
    }

    private TranslateClient translate() {
        return once(TranslateClient.class, clients::translate);
    }

    /** The one instance of {@code type}, built by {@code make} on first use (which may itself build a client). */
    private <T> T once(Class<T> type, Supplier<T> make) {
        Object existing = built.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T made = make.get();
        built.put(type, made);
        return made;
    }
}
