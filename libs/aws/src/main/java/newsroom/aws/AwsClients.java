package newsroom.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * Builds the SDK clients the functions use, the way Lambda wants them: the JDK {@code UrlConnectionHttpClient}
 * (no Apache, no Netty), the region of {@link AwsConfig}, the default credentials chain (resolved per call, so a
 * SnapStart snapshot never freezes credentials), standard retries, and the local endpoint when one is configured.
 * Each method builds a new client: call it once at start and keep the client for the life of the process.
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final AwsConfig config;
    private final AwsCredentialsProvider credentials;

    private AwsClients(AwsConfig config, AwsCredentialsProvider credentials) {
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** Clients for a Lambda function (or a local run): credentials from the SDK's default chain. */
    public static AwsClients forLambda(AwsConfig config) {
        return new AwsClients(config, DefaultCredentialsProvider.builder().build());
    }

    /** Clients with explicit credentials, for local endpoints that accept any key (tests, local servers). */
    public static AwsClients withCredentials(AwsConfig config, AwsCredentialsProvider credentials) {
        return new AwsClients(config, credentials);
    }

    public AwsConfig config() {
        return config;
    }

    public S3Client s3() {
        var builder = S3Client.builder();
        // local S3 servers answer on one host name; AWS itself works with virtual-hosted style
        builder.forcePathStyle(config.endpointFor("s3").isPresent());
        return configure(builder, "s3").httpClientBuilder(httpClient()).build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "dynamodb").httpClientBuilder(httpClient()).build();
    }

    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder(), "eventbridge").httpClientBuilder(httpClient()).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), "sqs").httpClientBuilder(httpClient()).build();
    }

    public TranslateClient translate() {
        return configure(TranslateClient.builder(), "translate").httpClientBuilder(httpClient()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .build());
        Optional<URI> endpoint = config.endpointFor(service);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private static UrlConnectionHttpClient.Builder httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT);
    }
}
