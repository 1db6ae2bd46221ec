package newsroom.feedpoller;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.AwsPriming;
import newsroom.aws.DynamoSourceStateStore;
import newsroom.aws.S3ObjectStore;
import newsroom.aws.SqsFetchQueue;
import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.observe.Telemetry;
import newsroom.discovery.SourcePoller;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;

/**
 * The production object graph of the feed poller, built once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below). {@code SOURCES_KEY} names the sources file in the bucket.
 */
record FeedPollerWiring(FeedPollService service, AwsPriming priming, Telemetry telemetry) {

    static final String SOURCES_KEY = "SOURCES_KEY";
    /** Feed and sitemap items older than this are not fetched (a backfill beyond it is a deliberate API import). */
    static final Duration MAX_ITEM_AGE = Duration.ofDays(30);

    static FeedPollerWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        String sourcesKey = env.get(SOURCES_KEY);
        if (sourcesKey == null || sourcesKey.isBlank()) {
            throw new InvalidConfigurationException("environment: missing variable " + SOURCES_KEY
                    + " (the key of the sources file in the content bucket)");
        }
        FetcherConfig fetching = FetcherConfig.fromMap(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.lambda("feed-poller", env);
        DynamoSourceStateStore states = new DynamoSourceStateStore(clients.dynamoDb(), aws.tableName());
        SafeHttpFetcher fetcher = new SafeHttpFetcher(fetching);
        fetcher.announceAllowedNetworks(telemetry);
        SourcePoller poller = new SourcePoller(fetcher, states, clock, MAX_ITEM_AGE);
        S3ObjectStore bucket = new S3ObjectStore(clients.s3(), aws.contentBucket());
        Discovery discovery = new SourcesFileDiscovery(bucket, sourcesKey.trim(), poller);
        SqsFetchQueue queue = new SqsFetchQueue(clients.sqs(), aws.fetchQueueUrl());
        FeedPollService service = new FeedPollService(discovery, queue, states, telemetry);
        // the role may read the sources file and nothing else in the bucket: HEAD that file, not a sentinel
        AwsPriming priming = AwsPriming.builder().headObject(bucket, sourcesKey.trim()).getItem(states)
                .queueAttributes(queue).build();
        return new FeedPollerWiring(service, priming, telemetry);
    }
}
