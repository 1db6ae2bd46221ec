package newsroom.thumbnail;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import newsroom.aws.AwsAdapters;
import newsroom.aws.AwsPriming;
import newsroom.aws.FunctionWiring;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.observe.Telemetry;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;
import newsroom.media.ThumbnailService;

/**
 * The object graph of the thumbnail function. Production builds it once per execution environment from the
 * environment variables (read here, at the edge, and nowhere below). Images are fetched through the safe fetcher.
 * Clients: S3, DynamoDB, EventBridge.
 */
record ThumbnailWiring(ThumbnailService thumbnails, AwsPriming priming, Telemetry telemetry)
        implements FunctionWiring {

    ThumbnailWiring {
        Objects.requireNonNull(thumbnails, "thumbnails");
        Objects.requireNonNull(priming, "priming");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A wiring of other adapters than AWS's (tests, the local runner): nothing to prime. */
    static ThumbnailWiring of(ThumbnailService thumbnails, Telemetry telemetry) {
        return new ThumbnailWiring(thumbnails, AwsPriming.none(), telemetry);
    }

    static ThumbnailWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsAdapters aws = AwsAdapters.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        FetcherConfig fetching = FetcherConfig.fromMap(env);
        Telemetry telemetry = Telemetry.lambda("thumbnail", env);
        ThumbnailService service = new ThumbnailService(new SafeHttpFetcher(fetching), aws.contentStore(),
                aws.articleIndex(), aws.events(), site.thumbnails());
        // the role reads only under static/thumbnails/ (HEAD before each put)
        AwsPriming priming = AwsPriming.builder()
                .headObject(aws.contentStore(), "static/thumbnails/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(aws.articleIndex()).putEventsDryRun(aws.events()).build();
        return new ThumbnailWiring(service, priming, telemetry);
    }
}
