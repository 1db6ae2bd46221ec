package newsroom.thumbnailer;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.AwsPriming;
import newsroom.aws.DynamoArticleIndex;
import newsroom.aws.EventBridgePublisher;
import newsroom.aws.S3ObjectStore;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.observe.Telemetry;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;
import newsroom.media.ThumbnailService;

/**
 * The production object graph of the thumbnail function, built once per execution environment from the
 * environment variables (read here, at the edge, and nowhere below). Images are fetched through the safe fetcher.
 */
record ThumbnailWiring(ThumbnailService thumbnails, AwsPriming priming, Telemetry telemetry) {

    static ThumbnailWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        FetcherConfig fetching = FetcherConfig.fromMap(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.lambda("thumbnail", env);
        S3ObjectStore store = new S3ObjectStore(clients.s3(), aws.contentBucket());
        DynamoArticleIndex index = new DynamoArticleIndex(clients.dynamoDb(), aws.tableName());
        EventBridgePublisher events = new EventBridgePublisher(clients.eventBridge(), aws.eventBusName());
        ThumbnailService service = new ThumbnailService(new SafeHttpFetcher(fetching), store, index, events,
                site.thumbnails());
        // the role reads only under static/thumbnails/ (HEAD before each put)
        AwsPriming priming = AwsPriming.builder()
                .headObject(store, "static/thumbnails/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(index).putEventsDryRun(events).build();
        return new ThumbnailWiring(service, priming, telemetry);
    }
}
