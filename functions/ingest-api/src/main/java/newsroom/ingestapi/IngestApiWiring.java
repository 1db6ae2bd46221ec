package newsroom.ingestapi;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import newsroom.aws.AwsAdapters;
import newsroom.aws.AwsPriming;
import newsroom.aws.FunctionWiring;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.ingest.IngestService;
import newsroom.core.observe.Telemetry;
import newsroom.fetch.AddressPolicy;
import newsroom.fetch.HostResolver;
import newsroom.fetch.UrlGuard;

/**
 * The object graph of the ingest API. Production builds it once per execution environment from the environment
 * variables (read here, at the edge, and nowhere below). Submitted URLs are checked by the fetch module's
 * {@link UrlGuard} (public addresses, ports 80 and 443), the same guard the fetcher applies again when it fetches.
 * Clients: S3, DynamoDB, EventBridge, SQS.
 */
record IngestApiWiring(ArticleApi api, SiteConfig site, AwsPriming priming, Telemetry telemetry)
        implements FunctionWiring {

    IngestApiWiring {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(priming, "priming");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A wiring of other adapters than AWS's (tests, the local runner): nothing to prime. */
    static IngestApiWiring of(ArticleApi api, SiteConfig site, Telemetry telemetry) {
        return new IngestApiWiring(api, site, AwsPriming.none(), telemetry);
    }

    static IngestApiWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsAdapters aws = AwsAdapters.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        Telemetry telemetry = Telemetry.lambda("ingest-api", env);
        IngestService ingest = new IngestService(site, aws.contentStore(), aws.articleIndex(), aws.events(),
                telemetry, clock);
        ArticleApi api = new ArticleApi(ingest, aws.articleIndex(), aws.contentStore(), aws.fetchQueue(),
                publicUrlCheck(), site, telemetry);
        AwsPriming priming = AwsPriming.builder()
                .headObject(aws.contentStore(), "content/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(aws.articleIndex()).putEventsDryRun(aws.events()).queueAttributes(aws.fetchQueue()).build();
        return new IngestApiWiring(api, site, priming, telemetry);
    }

    /** The check of submitted URLs: public addresses on ports 80 and 443 (the local runner uses it too). */
    static UrlCheck publicUrlCheck() {
        return new GuardedUrlCheck(new UrlGuard(HostResolver.system(), AddressPolicy.publicOnly(),
                Set.of(80, 443)));
    }
}
