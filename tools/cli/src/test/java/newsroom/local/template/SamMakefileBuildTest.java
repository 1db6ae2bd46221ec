package newsroom.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.testing.RepoFiles;
import newsroom.local.invoke.InvokeCommand;

/**
 * {@code sam build} with {@code BuildMethod: makefile}: SAM copies the repository ({@code ProjectRootDirectory})
 * to a scratch folder and runs {@code make --makefile <repo>/Makefile build-<LogicalId>} there with
 * {@code ARTIFACTS_DIR}. This test does the same for every function of the template (one scratch copy, offline
 * Maven), checks each artifact folder has the layout Lambda's Java runtime loads (handler class and dependencies
 * at the root, no nested jar outside {@code lib/}), and runs one through {@code newsroom invoke} from a template
 * whose CodeUri points at the folder, as the template {@code sam build} writes does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamMakefileBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What SAM's copy leaves out (aws-lambda-builders' custom make workflow), plus build output we need not copy. */
    private static final Set<String> NOT_COPIED = Set.of(".git", ".aws-sam", "node_modules", "site");

    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoFiles.template());
    private static final List<String> FUNCTIONS = TEMPLATE.resourcesOfType("AWS::Serverless::Function");

    @TempDir
    static Path work;
    static Path scratch;
    static final Map<String, Path> artifacts = new LinkedHashMap<>();

    @BeforeAll
    static void buildEveryFunctionAsSamBuildDoes() throws Exception {
        assumeTrue(onPath("make") && onPath("jar"), "make and jar (the JDK's) are needed, as for sam build");
        scratch = work.resolve("scratch");
        copyRepository(RepoFiles.root(), scratch);
        for (String logicalId : FUNCTIONS) {
            Path out = work.resolve("build").resolve(logicalId);
            Process make = new ProcessBuilder("make", "--makefile", RepoFiles.root().resolve("Makefile").toString(),
                    "build-" + logicalId, "ARTIFACTS_DIR=" + out,
                    // timestamps, not the absolute paths of the original build, decide what is stale in the copy
                    "MVN_FLAGS=-B -q -o -DskipTests -Dmaven.compiler.useIncrementalCompilation=false")
                    .directory(scratch.toFile()).redirectErrorStream(true).start();
            String log = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(make.waitFor(10, TimeUnit.MINUTES)).as("make build-" + logicalId).isTrue();
            assertThat(make.exitValue()).as(log).isZero();
            artifacts.put(logicalId, out);
        }
    }

    @Test
    @Order(1)
    void buildsAnArtifactFolder_forEveryFunctionOfTheTemplate() {
        assertThat(artifacts.keySet()).containsExactlyElementsOf(FUNCTIONS).hasSize(6);
    }

    @Test
    @Order(2)
    void laysOutHandlerAndDependencies_atTheRoot_asLambdaLoadsThem() throws IOException {
        for (Map.Entry<String, Path> artifact : artifacts.entrySet()) {
            Path root = artifact.getValue();
            String handler = TEMPLATE.resource(artifact.getKey()).path("Properties").path("Handler").asText()
                    .split("::")[0];
            assertThat(root.resolve(handler.replace('.', '/') + ".class")).as(artifact.getKey()).isRegularFile();
            // the libraries it needs: the project's core, the Lambda events, Jackson, the AWS SDK
            assertThat(root.resolve("newsroom/core/observe/Telemetry.class")).isRegularFile();
            assertThat(root.resolve("com/amazonaws/services/lambda/runtime/Context.class")).isRegularFile();
            assertThat(root.resolve("com/fasterxml/jackson/databind/ObjectMapper.class")).isRegularFile();
            assertThat(root.resolve("software/amazon/awssdk/core/SdkBytes.class")).isRegularFile();
            try (Stream<Path> files = Files.walk(root)) {
                List<Path> nestedJars = files.filter(p -> p.toString().endsWith(".jar"))
                        .filter(p -> !root.relativize(p).startsWith("lib")).toList();
                assertThat(nestedJars).as("jars Lambda would not put on the class path").isEmpty();
            }
        }
    }

    @Test
    @Order(3)
    void runsFromTheBuiltFolder_throughTheRuntimeClient() throws Exception {
        Path folder = artifacts.get("IngestApiFunction");
        String template = Files.readString(RepoFiles.template());
        String codeUri = "CodeUri: functions/ingest-api/target/ingest-api.jar";
        assertThat(template).contains(codeUri);
        Path built = work.resolve("built-template.yaml");
        Files.writeString(built, template.replace(codeUri, "CodeUri: " + folder));
        Path env = work.resolve("env.json");
        Files.writeString(env, JSON.writeValueAsString(Map.of("Parameters", Map.of(
                "CONTENT_BUCKET", "b", "TABLE_NAME", "t", "EVENT_BUS_NAME", "e",
                "FETCH_QUEUE_URL", "http://127.0.0.1:9/000000000000/fetch", "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> event = JSON.readValue(Path.of(RepoFiles.event("ingest-api-get-article.json")).toFile(),
                Map.class);
        event.put("rawPath", "/articles/not-an-id");
        Path eventFile = work.resolve("get.json");
        Files.write(eventFile, JSON.writeValueAsBytes(event));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InvokeCommand.run(new String[] {"IngestApiFunction", eventFile.toString(), "--env",
                env.toString(), "--template", built.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode response = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("body").asText()).contains("'not-an-id' is not an article id");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The repository as SAM copies it (target folders kept, so Maven recompiles only what changed). */
    private static void copyRepository(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (dir.equals(from.resolve("tools/cli/target"))) {
                    return FileVisitResult.SKIP_SUBTREE; // this test's own module: not part of a function build
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
