package newsroom.ingestapi;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.AwsPriming;
import newsroom.aws.DynamoArticleIndex;
import newsroom.aws.EventBridgePublisher;
import newsroom.aws.S3ObjectStore;
import newsroom.aws.SqsFetchQueue;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.ingest.IngestService;
import newsroom.core.observe.Telemetry;
import newsroom.fetch.AddressPolicy;
import newsroom.fetch.HostResolver;
import newsroom.fetch.UrlGuard;

/**
 * The production object graph of the ingest API, built once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below). Submitted URLs are checked by the fetch module's
 * {@link UrlGuard} (public addresses, ports 80 and 443), the same guard the fetcher applies again when it fetches.
 */
record IngestApiWiring(ArticleApi api, SiteConfig site, AwsPriming priming, Telemetry telemetry) {

    static IngestApiWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.lambda("ingest-api", env);
        S3ObjectStore store = new S3ObjectStore(clients.s3(), aws.contentBucket());
        DynamoArticleIndex index = new DynamoArticleIndex(clients.dynamoDb(), aws.tableName());
        EventBridgePublisher events = new EventBridgePublisher(clients.eventBridge(), aws.eventBusName());
        IngestService ingest = new IngestService(site, store, index, events, telemetry, clock);
        UrlCheck check = publicUrlCheck();
        SqsFetchQueue queue = new SqsFetchQueue(clients.sqs(), aws.fetchQueueUrl());
        ArticleApi api = new ArticleApi(ingest, index, store, queue, check, site, telemetry);
        AwsPriming priming = AwsPriming.builder().headObject(store, "content/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(index).putEventsDryRun(events).queueAttributes(queue).build();
        return new IngestApiWiring(api, site, priming, telemetry);
    }

    /** The check of submitted URLs: public addresses on ports 80 and 443 (the local runner uses it too). */
    static UrlCheck publicUrlCheck() {
        return new GuardedUrlCheck(new UrlGuard(HostResolver.system(), AddressPolicy.publicOnly(),
                Set.of(80, 443)));
    }
}
