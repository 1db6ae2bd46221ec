package newsroom.articlefetcher;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.S3ObjectStore;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.ingest.ArticleFetchService;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.FetchQueue;

/**
 * The production object graph of the article fetcher, built once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below).
 */
record ArticleFetcherWiring(ArticleFetchService service, FetchQueue queue, SiteConfig site, Telemetry telemetry) {

    static ArticleFetcherWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.stdout("article-fetcher");
        S3ObjectStore store = new S3ObjectStore(clients.s3(), aws.contentBucket());
        throw new IllegalStateException("production wiring waits for DynamoArticleIndex, EventBridgePublisher, "
                + "SqsFetchQueue, SafeHttpFetcher and ArticleExtractor (branches aws, fetch, extract); store "
                + store.locationOf("") + ", clock " + clock + ", site " + site.timeZone() + ", " + telemetry);
    }
}
