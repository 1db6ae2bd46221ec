package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** How {@link AwsClients} configures SDK clients (no request is sent). */
class AwsClientsTest {

    private static AwsConfig onAws() {
        return AwsConfig.fromEnvironment(Map.of("CONTENT_BUCKET", "b", "TABLE_NAME", "t", "EVENT_BUS_NAME", "e",
                "FETCH_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/111122223333/fetch",
                "AWS_REGION", "eu-west-1"));
    }

    @Test
    void usesConfiguredRegionAndAwsEndpoint_whenNoOverrideIsSet() {
        try (DynamoDbClient dynamo = AwsClients.forLambda(onAws()).dynamoDb()) {
            assertThat(dynamo.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(dynamo.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void resolvesCredentialsThroughTheDefaultChain_whenBuiltForLambda() {
        try (S3Client s3 = AwsClients.forLambda(onAws()).s3()) {
            assertThat(s3.serviceClientConfiguration().credentialsProvider())
                    .isInstanceOf(DefaultCredentialsProvider.class);
        }
    }

    @Test
    void sendsToLocalEndpoint_whenOverrideIsConfigured() {
        AwsConfig local = TestAws.config(Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9090"));

        try (S3Client s3 = AwsClients.forLambda(local).s3()) {
            assertThat(s3.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:9090"));
        }
    }
}
