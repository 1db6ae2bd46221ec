package newsroom.feedpoller;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.S3ObjectStore;
import newsroom.core.observe.Telemetry;

/**
 * The production object graph of the feed poller, built once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below). {@code SOURCES_KEY} names the sources file in the bucket.
 */
record FeedPollerWiring(FeedPollService service, Telemetry telemetry) {

    static final String SOURCES_KEY = "SOURCES_KEY";

    static FeedPollerWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.stdout("feed-poller");
        S3ObjectStore store = new S3ObjectStore(clients.s3(), aws.contentBucket());
        throw new IllegalStateException("production wiring waits for SourcePoller and the sources file loader "
                + "(branch fetch), DynamoSourceStateStore and SqsFetchQueue (branch aws); store "
                + store.locationOf(env.getOrDefault(SOURCES_KEY, "")) + ", clock " + clock + ", " + telemetry);
    }
}
