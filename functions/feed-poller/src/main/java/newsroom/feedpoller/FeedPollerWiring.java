package newsroom.feedpoller;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import newsroom.aws.AwsAdapters;
import newsroom.aws.AwsPriming;
import newsroom.aws.FunctionWiring;
import newsroom.aws.S3ObjectStore;
import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.observe.Telemetry;
import newsroom.discovery.SourcePoller;
import newsroom.discovery.SourcesFileLoader;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;

/**
 * The object graph of the poll worker. Production builds it once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below): {@code SOURCES_KEY} names the sources file in the bucket,
 * {@code POLL_INTERVAL_MINUTES} the interval of a source that sets none, {@code SEEN_URL_TTL_DAYS} how long a URL sent
 * for fetching counts as seen. Clients: S3, DynamoDB, SQS.
 */
record FeedPollerWiring(FeedPollService service, AwsPriming priming, Telemetry telemetry) implements FunctionWiring {

    static final String SOURCES_KEY = "SOURCES_KEY";
    static final String POLL_INTERVAL_MINUTES = "POLL_INTERVAL_MINUTES";
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
    static final String SEEN_URL_TTL_DAYS = "SEEN_URL_TTL_DAYS";
    /** The longest {@code SEEN_URL_TTL_DAYS}. */
    static final int MAX_SEEN_URL_TTL_DAYS = 365;
    /** Feed and sitemap items older than this are not fetched (a backfill beyond it is a deliberate API import). */
    static final Duration MAX_ITEM_AGE = Duration.ofDays(30);

    FeedPollerWiring {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(priming, "priming");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A wiring of other adapters than AWS's (tests, the local runner): nothing to prime. */
    static FeedPollerWiring of(FeedPollService service, Telemetry telemetry) {
        return new FeedPollerWiring(service, AwsPriming.none(), telemetry);
    }

    static FeedPollerWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsAdapters aws = AwsAdapters.fromEnvironment(env);
        String sourcesKey = sourcesKey(env);
        Duration interval = pollInterval(env);
        Duration seenTtl = seenUrlTtl(env);
        FetcherConfig fetching = FetcherConfig.fromMap(env);
        Telemetry telemetry = Telemetry.lambda("feed-poller", env);
        // feeds and articles often share a host: the poll workers take turns at it with the article fetchers
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder(fetching)
                .hostTurns(aws.hostTurns()).robotsShare(aws.robotsShare()).build();
        fetcher.announceAllowedNetworks(telemetry);
        SourcePoller poller = new SourcePoller(fetcher, aws.sourceStates(), clock, MAX_ITEM_AGE, seenTtl);
        S3ObjectStore bucket = aws.contentStore();
        Discovery discovery = new SourcesFileDiscovery(bucket, sourcesKey, poller, interval, clock);
        FeedPollService service = new FeedPollService(discovery, aws.fetchQueue(), aws.sourceStates(), clock,
                telemetry);
        // the role may read the sources file and nothing else in the bucket: HEAD that file, not a sentinel
        AwsPriming priming = AwsPriming.builder().headObject(bucket, sourcesKey).getItem(aws.sourceStates())
                .seenMarks(aws.sourceStates()).queueAttributes(aws.fetchQueue()).build();
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

    /**
     * {@code SEEN_URL_TTL_DAYS}: 1..365, default 30 ({@link SourcePoller#DEFAULT_SEEN_TTL}, the age beyond which
     * dated items are skipped). Shorter sends an undated item, or a dated one younger than 30 days, again once its
     * mark expired (the fetcher finds it unchanged): cheaper storage, more fetches.
     */
    static Duration seenUrlTtl(Map<String, String> env) {
        String raw = env.get(SEEN_URL_TTL_DAYS);
        if (raw == null || raw.isBlank()) {
            return SourcePoller.DEFAULT_SEEN_TTL;
        }
        try {
            int days = Integer.parseInt(raw.trim());
            if (days >= 1 && days <= MAX_SEEN_URL_TTL_DAYS) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException("environment: " + SEEN_URL_TTL_DAYS + " must be a whole number "
                + "of days 1.." + MAX_SEEN_URL_TTL_DAYS + ", was '" + raw + "'");
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
