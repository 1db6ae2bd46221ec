package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.config.InvalidConfigurationException;

/** {@link AwsConfig#fromEnvironment}: the variables template.yaml must set, and local endpoint overrides. */
class AwsConfigTest {

    private static Map<String, String> complete() {
        return new HashMap<>(Map.of(
                "CONTENT_BUCKET", "newsroom-content",
                "TABLE_NAME", "newsroom-index",
                "EVENT_BUS_NAME", "newsroom-bus",
                "FETCH_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/111122223333/fetch",
                "AWS_REGION", "eu-west-1"));
    }

    @Test
    void readsEveryResourceName_whenEnvironmentIsComplete() {
        AwsConfig config = AwsConfig.fromEnvironment(complete());

        assertThat(config).isEqualTo(new AwsConfig("newsroom-content", "newsroom-index", "newsroom-bus",
                "https://sqs.eu-west-1.amazonaws.com/111122223333/fetch", "eu-west-1", Map.of()));
    }

    @Test
    void namesEveryMissingVariable_whenSeveralAreAbsentOrBlank() {
        Map<String, String> env = complete();
        env.remove("TABLE_NAME");
        env.put("EVENT_BUS_NAME", "  ");

        assertThatThrownBy(() -> AwsConfig.fromEnvironment(env))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("environment: missing variable(s) TABLE_NAME, EVENT_BUS_NAME");
    }

    @Test
    void usesNoEndpointOverride_whenNoneIsSet() {
        assertThat(AwsConfig.fromEnvironment(complete()).endpointFor("s3")).isEmpty();
    }

    @Test
    void appliesCommonEndpointToEveryService_whenOnlyAwsEndpointUrlIsSet() {
        Map<String, String> env = complete();
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");

        AwsConfig config = AwsConfig.fromEnvironment(env);

        assertThat(config.endpointOverrides()).hasSize(5)
                .allSatisfy((service, uri) -> assertThat(uri).isEqualTo(URI.create("http://127.0.0.1:5000")));
    }

    @Test
    void prefersServiceEndpoint_whenBothCommonAndServiceSpecificAreSet() {
        Map<String, String> env = complete();
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567");

        AwsConfig config = AwsConfig.fromEnvironment(env);

        assertThat(config.endpointFor("dynamodb")).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(config.endpointFor("sqs")).contains(URI.create("http://127.0.0.1:5000"));
    }

    @Test
    void rejectsEndpointNamingTheVariable_whenItIsNotAnHttpUrl() {
        Map<String, String> env = complete();
        env.put("AWS_ENDPOINT_URL_S3", "localhost:9090");

        assertThatThrownBy(() -> AwsConfig.fromEnvironment(env))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_S3");
    }

    @Test
    void rejectsUnknownService_whenEndpointIsAskedFor() {
        assertThatThrownBy(() -> AwsConfig.fromEnvironment(complete()).endpointFor("lambda"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambda");
    }
}
