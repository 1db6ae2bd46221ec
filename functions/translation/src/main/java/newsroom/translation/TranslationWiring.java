package newsroom.translation;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import newsroom.aws.AwsAdapters;
import newsroom.aws.AwsPriming;
import newsroom.aws.FunctionWiring;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.link.ArticleLinker;
import newsroom.core.observe.Telemetry;
import newsroom.core.translation.TranslationService;

/**
 * The object graph of the translation function. Production builds it once per execution environment from the
 * environment variables (read here, at the edge, and nowhere below). Clients: S3, DynamoDB, EventBridge, Translate.
 */
record TranslationWiring(TranslationService translations, SiteConfig site, AwsPriming priming, Telemetry telemetry)
        implements FunctionWiring {

    TranslationWiring {
        Objects.requireNonNull(translations, "translations");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(priming, "priming");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A wiring of other adapters than AWS's (tests, the local runner): nothing to prime. */
    static TranslationWiring of(TranslationService translations, SiteConfig site, Telemetry telemetry) {
        return new TranslationWiring(translations, site, AwsPriming.none(), telemetry);
    }

    static TranslationWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsAdapters aws = AwsAdapters.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        Telemetry telemetry = Telemetry.lambda("translation", env);
        TranslationService service = new TranslationService(aws.contentStore(), aws.articleIndex(), aws.events(),
                aws.translator(), ArticleLinker.forSite(aws.contentStore(), aws.articleIndex(), site.thumbnails()));
        AwsPriming priming = AwsPriming.builder()
                .headObject(aws.contentStore(), "content/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(aws.articleIndex()).putEventsDryRun(aws.events()).translateDryRun(aws.translator()).build();
        return new TranslationWiring(service, site, priming, telemetry);
    }
}
