package newsroom.ingestapi;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.S3ObjectStore;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.observe.Telemetry;

/**
 * The production object graph of the ingest API, built once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below).
 */
record IngestApiWiring(ArticleApi api, SiteConfig site, Telemetry telemetry) {

    static IngestApiWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.stdout("ingest-api");
        S3ObjectStore store = new S3ObjectStore(clients.s3(), aws.contentBucket());
        throw new IllegalStateException("production wiring waits for DynamoArticleIndex, EventBridgePublisher, "
                + "SqsFetchQueue and UrlGuard (branches aws, fetch); store " + store.locationOf("") + ", clock "
                + clock + ", site " + site.timeZone() + ", " + telemetry);
    }
}
