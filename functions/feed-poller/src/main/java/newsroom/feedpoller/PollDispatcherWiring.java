package newsroom.feedpoller;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import newsroom.aws.AwsAdapters;
import newsroom.aws.AwsPriming;
import newsroom.aws.FunctionWiring;
import newsroom.aws.S3ObjectStore;
import newsroom.aws.SqsPollQueue;
import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.observe.Telemetry;

/**
 * The object graph of the poll dispatcher. Production builds it once per execution environment from the environment
 * variables: the sources file ({@code SOURCES_KEY}), the source states (DynamoDB) and the poll queue
 * ({@code POLL_QUEUE_URL}). It fetches nothing, so it has no HTTP fetcher. Clients: S3, DynamoDB, SQS.
 */
record PollDispatcherWiring(PollDispatchService service, AwsPriming priming, Telemetry telemetry)
        implements FunctionWiring {

    static final String POLL_QUEUE_URL = "POLL_QUEUE_URL";

    PollDispatcherWiring {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(priming, "priming");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A wiring of other adapters than AWS's (tests, the local runner): nothing to prime. */
    static PollDispatcherWiring of(PollDispatchService service, Telemetry telemetry) {
        return new PollDispatcherWiring(service, AwsPriming.none(), telemetry);
    }

    static PollDispatcherWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsAdapters aws = AwsAdapters.fromEnvironment(env);
        String sourcesKey = FeedPollerWiring.sourcesKey(env);
        String pollQueueUrl = env.get(POLL_QUEUE_URL);
        if (pollQueueUrl == null || pollQueueUrl.isBlank()) {
            throw new InvalidConfigurationException("environment: missing variable " + POLL_QUEUE_URL
                    + " (the URL of the poll queue)");
        }
        Telemetry telemetry = Telemetry.lambda("poll-dispatcher", env);
        S3ObjectStore bucket = aws.contentStore();
        Discovery discovery = new SourcesFileDiscovery(bucket, sourcesKey, null,
                FeedPollerWiring.DEFAULT_POLL_INTERVAL, clock);
        SqsPollQueue queue = aws.pollQueue(pollQueueUrl.trim());
        PollDispatchService service = new PollDispatchService(discovery, aws.sourceStates(), queue, clock, telemetry);
        AwsPriming priming = AwsPriming.builder().headObject(bucket, sourcesKey).scheduleReads(aws.sourceStates())
                .queueAttributes(queue).build();
        return new PollDispatcherWiring(service, priming, telemetry);
    }
}
