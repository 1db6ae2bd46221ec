package newsroom.articlefetcher;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import newsroom.aws.AwsAdapters;
import newsroom.aws.AwsPriming;
import newsroom.aws.FunctionWiring;
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
 * The object graph of the article fetcher. Production builds it once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below): AWS adapters, the safe fetcher, the Jsoup extractor.
 * Clients: S3, DynamoDB, EventBridge, SQS.
 *
 * @param budget how each message's time is planned from the invocation's remaining time
 */
record ArticleFetcherWiring(ArticleFetchService service, FetchQueue queue, SourceContexts contexts, SiteConfig site,
                            MessageBudget budget, AwsPriming priming, Telemetry telemetry) implements FunctionWiring {

    static final String SOURCES_KEY = "SOURCES_KEY";

    ArticleFetcherWiring {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(priming, "priming");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A wiring of other adapters than AWS's (tests, the local runner): the production budget, nothing to prime. */
    static ArticleFetcherWiring of(ArticleFetchService service, FetchQueue queue, SourceContexts contexts,
                                   SiteConfig site, Telemetry telemetry) {
        return new ArticleFetcherWiring(service, queue, contexts, site, MessageBudget.DEFAULT, AwsPriming.none(),
                telemetry);
    }

    /** This wiring with another message budget (tests of short invocations). */
    ArticleFetcherWiring withBudget(MessageBudget other) {
        return new ArticleFetcherWiring(service, queue, contexts, site, other, priming, telemetry);
    }

    static ArticleFetcherWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsAdapters aws = AwsAdapters.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        FetcherConfig fetching = FetcherConfig.fromMap(env);
        Telemetry telemetry = Telemetry.lambda("article-fetcher", env);
        IngestService ingest = new IngestService(site, aws.contentStore(), aws.articleIndex(), aws.events(),
                new ArticleExtractor(), telemetry, clock);
        // one polite visitor per host across all fetcher instances (docs/fetching.md: Politeness across instances)
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder(fetching)
                .hostTurns(aws.hostTurns()).robotsShare(aws.robotsShare()).build();
        fetcher.announceAllowedNetworks(telemetry);
        ArticleFetchService service = new ArticleFetchService(fetcher, ingest, telemetry);
        SourceContexts contexts = new SourcesFileContexts(aws.contentStore(),
                env.getOrDefault(SOURCES_KEY, "config/sources.yaml"), site, telemetry);
        AwsPriming priming = AwsPriming.builder()
                .headObject(aws.contentStore(), "content/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(aws.articleIndex()).putEventsDryRun(aws.events()).queueAttributes(aws.fetchQueue()).build();
        return new ArticleFetcherWiring(service, aws.fetchQueue(), contexts, site, MessageBudget.DEFAULT, priming,
                telemetry);
    }
}
