package newsroom.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Shared test plumbing: clients pointed at loopback servers, free ports, temporary folders. */
final class TestAws {

    static final String REGION = "us-east-1";

    private TestAws() {
    }

    /** The environment a function would see, with the given variables (endpoints, names) layered on top. */
    static AwsConfig config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "CONTENT_BUCKET", "content",
                "TABLE_NAME", "newsroom",
                "EVENT_BUS_NAME", "newsroom",
                "FETCH_QUEUE_URL", "http://127.0.0.1:1/000000000000/fetch",
                "AWS_REGION", REGION));
        env.putAll(overrides);
        return AwsConfig.fromEnvironment(env);
    }

    /** Clients built the production way, with fixed keys that local servers accept. */
    static AwsClients clients(Map<String, String> overrides) {
        return AwsClients.withCredentials(config(overrides),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
