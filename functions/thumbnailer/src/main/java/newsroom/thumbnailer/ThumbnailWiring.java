package newsroom.thumbnailer;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.S3ObjectStore;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.observe.Telemetry;

/**
 * The production object graph of the thumbnail function, built once per execution environment from the
 * environment variables (read here, at the edge, and nowhere below).
 */
record ThumbnailWiring(ArticleThumbnails thumbnails, Telemetry telemetry) {

    static ThumbnailWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.stdout("thumbnail");
        S3ObjectStore store = new S3ObjectStore(clients.s3(), aws.contentBucket());
        throw new IllegalStateException("production wiring waits for ThumbnailService (branch media), "
                + "SafeHttpFetcher (branch fetch), DynamoArticleIndex and EventBridgePublisher (branch aws); store "
                + store.locationOf("") + ", clock " + clock + ", widths " + site.thumbnailWidths() + ", " + telemetry);
    }
}
