package newsroom.articlefetcher;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.AwsPriming;
import newsroom.aws.DynamoArticleIndex;
import newsroom.aws.DynamoHostTurns;
import newsroom.aws.DynamoRobotsTxtShare;
import newsroom.aws.EventBridgePublisher;
import newsroom.aws.S3ObjectStore;
import newsroom.aws.SqsFetchQueue;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.ingest.ArticleFetchService;
import newsroom.core.ingest.IngestService;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.FetchQueue;
import newsroom.extract.ArticleExtractor;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;

/**
 * The production object graph of the article fetcher, built once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below): AWS adapters, the safe fetcher, the Jsoup extractor.
 */
record ArticleFetcherWiring(ArticleFetchService service, FetchQueue queue, SourceContexts contexts, SiteConfig site,
                            AwsPriming priming, Telemetry telemetry) {

    static final String SOURCES_KEY = "SOURCES_KEY";

    static ArticleFetcherWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        FetcherConfig fetching = FetcherConfig.fromMap(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.lambda("article-fetcher", env);
        S3ObjectStore store = new S3ObjectStore(clients.s3(), aws.contentBucket());
        DynamoArticleIndex index = new DynamoArticleIndex(clients.dynamoDb(), aws.tableName());
        EventBridgePublisher events = new EventBridgePublisher(clients.eventBridge(), aws.eventBusName());
        IngestService ingest = new IngestService(site, store, index, events, new ArticleExtractor(), telemetry, clock);
        // one polite visitor per host across all fetcher instances (docs/fetching.md: Politeness across instances)
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder(fetching)
                .hostTurns(new DynamoHostTurns(clients.dynamoDb(), aws.tableName()))
                .robotsShare(new DynamoRobotsTxtShare(clients.dynamoDb(), aws.tableName())).build();
        fetcher.announceAllowedNetworks(telemetry);
        ArticleFetchService service = new ArticleFetchService(fetcher, ingest, telemetry);
        SourceContexts contexts = new SourcesFileContexts(store, env.getOrDefault(SOURCES_KEY, "config/sources.yaml"),
                site, telemetry);
        SqsFetchQueue queue = new SqsFetchQueue(clients.sqs(), aws.fetchQueueUrl());
        AwsPriming priming = AwsPriming.builder().headObject(store, "content/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(index).putEventsDryRun(events).queueAttributes(queue).build();
        return new ArticleFetcherWiring(service, queue, contexts, site, priming, telemetry);
    }
}
