package newsroom.feedpoller;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.AwsPriming;
import newsroom.aws.DynamoHostTurns;
import newsroom.aws.DynamoRobotsTxtShare;
import newsroom.aws.DynamoSourceStateStore;
import newsroom.aws.S3ObjectStore;
import newsroom.aws.SqsFetchQueue;
import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.observe.Telemetry;
import newsroom.discovery.SourcePoller;
import newsroom.discovery.SourcesFileLoader;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;

/**
 * The production object graph of the poll worker, built once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below). {@code SOURCES_KEY} names the sources file in the bucket,
 * {@code POLL_INTERVAL_MINUTES} the interval of a source that sets none.
 */
record FeedPollerWiring(FeedPollService service, AwsPriming priming, Telemetry telemetry) {

    static final String SOURCES_KEY = "SOURCES_KEY";
    static final String POLL_INTERVAL_MINUTES = "POLL_INTERVAL_MINUTES";
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
    /** Feed and sitemap items older than this are not fetched (a backfill beyond it is a deliberate API import). */
    static final Duration MAX_ITEM_AGE = Duration.ofDays(30);

    static FeedPollerWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        String sourcesKey = sourcesKey(env);
        Duration interval = pollInterval(env);
        FetcherConfig fetching = FetcherConfig.fromMap(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.lambda("feed-poller", env);
        DynamoSourceStateStore states = new DynamoSourceStateStore(clients.dynamoDb(), aws.tableName());
        // feeds and articles often share a host: the poll workers take turns at it with the article fetchers
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder(fetching)
                .hostTurns(new DynamoHostTurns(clients.dynamoDb(), aws.tableName()))
                .robotsShare(new DynamoRobotsTxtShare(clients.dynamoDb(), aws.tableName())).build();
        fetcher.announceAllowedNetworks(telemetry);
        SourcePoller poller = new SourcePoller(fetcher, states, clock, MAX_ITEM_AGE);
        S3ObjectStore bucket = new S3ObjectStore(clients.s3(), aws.contentBucket());
        Discovery discovery = new SourcesFileDiscovery(bucket, sourcesKey, poller, interval, clock);
        SqsFetchQueue queue = new SqsFetchQueue(clients.sqs(), aws.fetchQueueUrl());
        FeedPollService service = new FeedPollService(discovery, queue, states, clock, telemetry);
        // the role may read the sources file and nothing else in the bucket: HEAD that file, not a sentinel
        AwsPriming priming = AwsPriming.builder().headObject(bucket, sourcesKey).getItem(states)
                .queueAttributes(queue).build();
        return new FeedPollerWiring(service, priming, telemetry);
    }

    static String sourcesKey(Map<String, String> env) {
        String sourcesKey = env.get(SOURCES_KEY);
        if (sourcesKey == null || sourcesKey.isBlank()) {
            throw new InvalidConfigurationException("environment: missing variable " + SOURCES_KEY
                    + " (the key of the sources file in the content bucket)");
        }
        return sourcesKey.trim();
    }

    /** {@code POLL_INTERVAL_MINUTES}: 1..10080, default 15. */
    static Duration pollInterval(Map<String, String> env) {
        String raw = env.get(POLL_INTERVAL_MINUTES);
        if (raw == null || raw.isBlank()) {
            return DEFAULT_POLL_INTERVAL;
        }
        try {
            int minutes = Integer.parseInt(raw.trim());
            if (minutes >= 1 && minutes <= SourcesFileLoader.MAX_POLL_EVERY_MINUTES) {
                return Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException("environment: " + POLL_INTERVAL_MINUTES + " must be a whole number "
                + "of minutes 1.." + SourcesFileLoader.MAX_POLL_EVERY_MINUTES + ", was '" + raw + "'");
    }
}
