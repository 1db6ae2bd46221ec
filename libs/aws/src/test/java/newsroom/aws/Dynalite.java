package newsroom.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import newsroom.core.testing.RepoFiles;
import newsroom.emulators.EmulatorProcess;

/**
 * dynalite (DynamoDB on an in-memory LevelDB, pinned in {@code tools/dynalite}) as a child process, with a fresh
 * table per test created exactly as {@code template.yaml} declares it. A test class gets the run's one process
 * through {@link SharedServers}.
 */
final class Dynalite implements AutoCloseable {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final EmulatorProcess server;
    private final DynamoDbClient dynamo;

    private Dynalite(EmulatorProcess server) {
        this.server = server;
        this.dynamo = TestAws.clients(Map.of("AWS_ENDPOINT_URL_DYNAMODB", server.endpoint())).dynamoDb();
    }

    static Dynalite start() {
        Path cli = RepoFiles.root().resolve("tools/dynalite/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run 'npm ci --prefix tools/dynalite' in "
                    + RepoFiles.root() + " (missing " + cli + ")");
        }
        Path log = Path.of("target", "servers").resolve("dynalite-" + System.nanoTime() + ".log");
        try {
            return new Dynalite(EmulatorProcess.dynalite(cli, 0, log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite: " + e.getMessage(), e);
        }
    }

    DynamoDbClient client() {
        return dynamo;
    }

    /** A client of its own whose calls pass through {@code interceptor} (counting or metering them); close it. */
    DynamoDbClient clientWith(ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(TestAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }

    String endpoint() {
        return server.endpoint();
    }

    /** Creates a new, empty table with the production schema and returns its name once it is active. */
    String newTable() {
        String name = "newsroom-" + TABLES.incrementAndGet();
        dynamo.createTable(DynamoTableSchema.createTableRequest(name));
        for (int i = 0; i < 100; i++) {
            if (dynamo.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE) {
                return name;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("table " + name + " did not become active");
    }

    @Override
    public void close() {
        dynamo.close();
        server.close();
    }
}
