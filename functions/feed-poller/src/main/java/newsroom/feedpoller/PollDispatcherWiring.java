package newsroom.feedpoller;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.AwsPriming;
import newsroom.aws.DynamoSourceStateStore;
import newsroom.aws.S3ObjectStore;
import newsroom.aws.SqsPollQueue;
import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.observe.Telemetry;

/**
 * The production object graph of the poll dispatcher, built once per execution environment from the environment
 * variables: the sources file ({@code SOURCES_KEY}), the source states (DynamoDB) and the poll queue
 * ({@code POLL_QUEUE_URL}). It fetches nothing, so it has no HTTP fetcher.
 */
record PollDispatcherWiring(PollDispatchService service, AwsPriming priming, Telemetry telemetry) {

    static final String POLL_QUEUE_URL = "POLL_QUEUE_URL";

    static PollDispatcherWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        String sourcesKey = FeedPollerWiring.sourcesKey(env);
        String pollQueueUrl = env.get(POLL_QUEUE_URL);
        if (pollQueueUrl == null || pollQueueUrl.isBlank()) {
            throw new InvalidConfigurationException("environment: missing variable " + POLL_QUEUE_URL
                    + " (the URL of the poll queue)");
        }
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.lambda("poll-dispatcher", env);
        DynamoSourceStateStore states = new DynamoSourceStateStore(clients.dynamoDb(), aws.tableName());
        S3ObjectStore bucket = new S3ObjectStore(clients.s3(), aws.contentBucket());
        Discovery discovery = new SourcesFileDiscovery(bucket, sourcesKey, null,
                FeedPollerWiring.DEFAULT_POLL_INTERVAL, clock);
        SqsPollQueue queue = new SqsPollQueue(clients.sqs(), pollQueueUrl.trim());
        PollDispatchService service = new PollDispatchService(discovery, states, queue, clock, telemetry);
        AwsPriming priming = AwsPriming.builder().headObject(bucket, sourcesKey).scheduleReads(states)
                .queueAttributes(queue).build();
        return new PollDispatcherWiring(service, priming, telemetry);
    }
}
