package newsroom.translator;

import java.time.Clock;
import java.util.Map;

import newsroom.aws.AmazonTranslateTranslator;
import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.DynamoArticleIndex;
import newsroom.aws.EventBridgePublisher;
import newsroom.aws.S3ObjectStore;
import newsroom.core.config.SiteConfig;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.observe.Telemetry;
import newsroom.core.translate.TranslationService;

/**
 * The production object graph of the translation function, built once per execution environment from the
 * environment variables (read here, at the edge, and nowhere below).
 */
record TranslationWiring(TranslationService translations, SiteConfig site, Telemetry telemetry) {

    static TranslationWiring fromEnvironment(Map<String, String> env, Clock clock) {
        AwsConfig aws = AwsConfig.fromEnvironment(env);
        SiteConfig site = SiteEnvironment.fromEnvironment(env);
        AwsClients clients = AwsClients.forLambda(aws);
        Telemetry telemetry = new Telemetry("translation", System.out::println, clock);
        TranslationService service = new TranslationService(new S3ObjectStore(clients.s3(), aws.contentBucket()),
                new DynamoArticleIndex(clients.dynamoDb(), aws.tableName()),
                new EventBridgePublisher(clients.eventBridge(), aws.eventBusName()),
                new AmazonTranslateTranslator(clients.translate()));
        return new TranslationWiring(service, site, telemetry);
    }
}
