package newsroom.thumbnailer;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
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
record ThumbnailWiring(ThumbnailService thumbnails, Telemetry telemetry) {

    static ThumbnailWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        FetcherConfig fetching = FetcherConfig.fromMap(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = new Telemetry("thumbnail", System.out::println, clock);
        ThumbnailService service = new ThumbnailService(new SafeHttpFetcher(fetching),
                new S3ObjectStore(clients.s3(), aws.contentBucket()),
                new DynamoArticleIndex(clients.dynamoDb(), aws.tableName()),
                new EventBridgePublisher(clients.eventBridge(), aws.eventBusName()), site.thumbnailWidths());
        return new ThumbnailWiring(service, telemetry);
    }
}
