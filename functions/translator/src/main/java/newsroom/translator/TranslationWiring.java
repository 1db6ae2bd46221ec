package newsroom.translator;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AmazonTranslateTranslator;
import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.AwsPriming;
import newsroom.aws.DynamoArticleIndex;
import newsroom.aws.EventBridgePublisher;
import newsroom.aws.S3ObjectStore;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.link.ArticleLinker;
import newsroom.core.observe.Telemetry;
import newsroom.core.translate.TranslationService;

/**
 * The production object graph of the translation function, built once per execution environment from the
 * environment variables (read here, at the edge, and nowhere below).
 */
record TranslationWiring(TranslationService translations, SiteConfig site, AwsPriming priming, Telemetry telemetry) {

    static TranslationWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = Telemetry.lambda("translation", env);
        S3ObjectStore store = new S3ObjectStore(clients.s3(), aws.contentBucket());
        DynamoArticleIndex index = new DynamoArticleIndex(clients.dynamoDb(), aws.tableName());
        EventBridgePublisher events = new EventBridgePublisher(clients.eventBridge(), aws.eventBusName());
        AmazonTranslateTranslator translator = new AmazonTranslateTranslator(clients.translate());
        TranslationService service = new TranslationService(store, index, events, translator,
                ArticleLinker.forSite(store, index, site.thumbnails()));
        AwsPriming priming = AwsPriming.builder().headObject(store, "content/" + AwsPriming.SENTINEL_OBJECT)
                .getItem(index).putEventsDryRun(events).translateDryRun(translator).build();
        return new TranslationWiring(service, site, priming, telemetry);
    }
}
