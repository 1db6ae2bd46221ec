package newsroom.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.config.InvalidConfigurationException;

/**
 * Where the AWS resources of one deployment are, read once from the function's environment at start. The variable
 * names are the contract {@code template.yaml} follows (see {@code docs/configuration-aws.md}).
 *
 * @param contentBucket     {@code CONTENT_BUCKET}: bucket of the Markdown and thumbnails
 * @param tableName         {@code TABLE_NAME}: the single DynamoDB table (articles, claims, source state)
 * @param eventBusName      {@code EVENT_BUS_NAME}: the custom EventBridge bus
 * @param fetchQueueUrl     {@code FETCH_QUEUE_URL}: URL of the SQS fetch queue
 * @param region            {@code AWS_REGION}: set by Lambda itself
 * @param endpointOverrides service ({@code s3}, {@code dynamodb}, {@code eventbridge}, {@code sqs},
 *                          {@code translate}) to endpoint, from {@code AWS_ENDPOINT_URL_<SERVICE>} or else
 *                          {@code AWS_ENDPOINT_URL}; empty on AWS, set only to point a local run at local servers
 */
public record AwsConfig(String contentBucket, String tableName, String eventBusName, String fetchQueueUrl,
                        String region, Map<String, URI> endpointOverrides) {

    /** Service names accepted in {@link #endpointOverrides}, as in {@code AWS_ENDPOINT_URL_<SERVICE>}. */
    public static final List<String> SERVICES = List.of("s3", "dynamodb", "eventbridge", "sqs", "translate");

    public AwsConfig {
        Objects.requireNonNull(contentBucket, "contentBucket");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(eventBusName, "eventBusName");
        Objects.requireNonNull(fetchQueueUrl, "fetchQueueUrl");
        Objects.requireNonNull(region, "region");
        endpointOverrides = Map.copyOf(endpointOverrides == null ? Map.of() : endpointOverrides);
    }

    /**
     * Reads the configuration from environment variables (pass {@code System.getenv()} at the edge).
     *
     * @throws InvalidConfigurationException naming every missing variable, or the malformed endpoint
     */
    public static AwsConfig fromEnvironment(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        String bucket = required(env, "CONTENT_BUCKET", missing);
        String table = required(env, "TABLE_NAME", missing);
        String bus = required(env, "EVENT_BUS_NAME", missing);
        String queue = required(env, "FETCH_QUEUE_URL", missing);
        String region = required(env, "AWS_REGION", missing);
        if (!missing.isEmpty()) {
            throw new InvalidConfigurationException("environment: missing variable(s) " + String.join(", ", missing)
                    + " (template.yaml sets them on every function; see docs/configuration-aws.md)");
        }
        Map<String, URI> overrides = new LinkedHashMap<>();
        Optional<URI> common = endpoint(env, "AWS_ENDPOINT_URL");
        for (String service : SERVICES) {
            String variable = "AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT);
            endpoint(env, variable).or(() -> common).ifPresent(uri -> overrides.put(service, uri));
        }
        return new AwsConfig(bucket, table, bus, queue, region, overrides);
    }

    /** The endpoint to use for that service instead of the AWS one, if a local endpoint was configured. */
    public Optional<URI> endpointFor(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service '" + service + "' (known: " + SERVICES + ")");
        }
        return Optional.ofNullable(endpointOverrides.get(service));
    }

    private static String required(Map<String, String> env, String name, List<String> missing) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            missing.add(name);
            return null;
        }
        return value.trim();
    }

    private static Optional<URI> endpoint(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidConfigurationException("environment: variable " + name + ": '" + value
                        + "' is not an http(s) URL such as http://127.0.0.1:4566");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("environment: variable " + name + ": '" + value
                    + "' is not a URL: " + e.getReason());
        }
    }
}
