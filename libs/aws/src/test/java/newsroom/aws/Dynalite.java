package newsroom.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import newsroom.core.testing.RepoFiles;
import newsroom.emulators.EmulatorProcess;

/**
 * dynalite (DynamoDB on an in-memory LevelDB, pinned in {@code tools/dynalite}) as a child process, with a fresh
 * table per test created exactly as {@code template.yaml} declares it. A test class gets it with
 * {@code @ExtendWith(Dynalite.Shared.class)} and a {@code Dynalite} constructor (or {@code @BeforeAll}) parameter:
 * one process serves every such class of the run and stops when the run ends.
 */
final class Dynalite implements AutoCloseable {

    /** Resolves a {@link Dynalite} parameter to the one process of this test run, started on first use. */
    static final class Shared implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Dynalite.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Dynalite.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // the root store closes it (AutoCloseable) when the whole run ends
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Dynalite.class, key -> Dynalite.start(), Dynalite.class);
        }
    }

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final EmulatorProcess server;
    private final DynamoDbClient dynamo;

    private Dynalite(EmulatorProcess server) {
        this.server = server;
        this.dynamo = TestAws.clients(Map.of("AWS_ENDPOINT_URL_DYNAMODB", server.endpoint())).dynamoDb();
    }

    private static Dynalite start() {
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
