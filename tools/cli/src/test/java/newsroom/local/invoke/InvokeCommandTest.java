package newsroom.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.testing.RepoFiles;

/**
 * Runs IngestApiFunction's shaded jar through the real Lambda runtime interface client against the local Runtime
 * API, with requests the function answers without any AWS endpoint. Needs {@code functions/ingest-api/target/
 * ingest-api.jar}, which {@code mvn verify} builds before this module's tests; with {@code mvn test} alone the
 * tests are skipped with that reason.
 */
class InvokeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path envFile;

    @BeforeAll
    static void environment() throws Exception {
        envFile = dir.resolve("env.json");
        Files.writeString(envFile, JSON.writeValueAsString(Map.of(
                "IngestApiFunction", Map.of(
                        "CONTENT_BUCKET", "newsroom-local",
                        "TABLE_NAME", "newsroom-local",
                        "EVENT_BUS_NAME", "newsroom-local",
                        "FETCH_QUEUE_URL", "http://127.0.0.1:9/000000000000/fetch",
                        "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                        "AWS_ACCESS_KEY_ID", "local",
                        "AWS_SECRET_ACCESS_KEY", "local"))));
    }

    private record Run(int status, String out, String err) {
    }

    private static Run invoke(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InvokeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path event(String name, String rawPath, String method, String body) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = JSON.readValue(Path.of(RepoFiles.event(name)).toFile(), Map.class);
        event.put("rawPath", rawPath);
        @SuppressWarnings("unchecked")
        Map<String, Object> http =
                (Map<String, Object>) ((Map<String, Object>) event.get("requestContext")).get("http");
        http.put("method", method);
        http.put("path", rawPath);
        if (body != null) {
            event.put("body", body);
        }
        Path file = dir.resolve(name.replace(".json", "-" + method + ".json"));
        Files.write(file, JSON.writeValueAsBytes(event));
        return file;
    }

    private static void requireJar() {
        Path jar = RepoFiles.root().resolve("functions/ingest-api/target/ingest-api.jar");
        assumeTrue(Files.isRegularFile(jar), jar + " is not built (mvn verify builds it before these tests)");
    }

    private static Map<?, ?> response(Run run) throws Exception {
        return JSON.readValue(run.out(), Map.class);
    }

    @Test
    void printsTheFunctionsResponse_forAGetWithAnInvalidId() throws Exception {
        requireJar();

        Run run = invoke("IngestApiFunction", event("ingest-api-get-article.json", "/articles/not-an-id", "GET", null)
                .toString(), "--env", envFile.toString(), "--template", RepoFiles.template().toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).as("cold-start noise").doesNotContain("SLF4J", "Picked up JAVA_TOOL_OPTIONS");
        Map<?, ?> response = response(run);
        assertThat(response.get("statusCode")).isEqualTo(400);
        Map<?, ?> problem = JSON.readValue((String) response.get("body"), Map.class);
        assertThat(problem).isEqualTo(Map.of(
                "type", "urn:newsroom:problem:invalid-request", "title", "Invalid request", "status", 400,
                "detail", "'not-an-id' is not an article id (24 lower-case hex digits)"));
    }

    @Test
    void refusesALoopbackUrl_throughTheDeployedSsrfGuard() throws Exception {
        requireJar();

        Run run = invoke("IngestApiFunction", event("ingest-api-post-url.json", "/articles", "POST",
                "{\"url\":\"http://127.0.0.1:8080/admin\"}").toString(), "--env", envFile.toString(),
                "--template", RepoFiles.template().toString());

        assertThat(run.status()).as(run.err()).isZero();
        Map<?, ?> response = response(run);
        assertThat(response.get("statusCode")).isEqualTo(422);
        assertThat((String) response.get("body")).contains("urn:newsroom:problem:url-not-allowed");
    }

    @Test
    void reportsTheInitializationError_whenTheEnvironmentLacksTheStacksResources() throws Exception {
        requireJar();

        Path partial = dir.resolve("partial-env.json");
        Files.writeString(partial, "{\"Parameters\": {\"AWS_ENDPOINT_URL\": \"http://127.0.0.1:9\"}}");

        Run run = invoke("IngestApiFunction", RepoFiles.event("ingest-api-get-article.json"), "--env",
                partial.toString(), "--template", RepoFiles.template().toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("the function could not start");
        assertThat(run.out()).contains("missing variable(s) CONTENT_BUCKET, TABLE_NAME, EVENT_BUS_NAME");
    }

    @Test
    void answersWithUsage_whenTheFunctionIsNotInTheTemplate() {
        Run run = invoke("NoSuchFunction", RepoFiles.event("ingest-api-get-article.json"), "--template",
                RepoFiles.template().toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("template.yaml has no function 'NoSuchFunction'"
                + " (functions: PollDispatcherFunction, FeedPollerFunction,"
                + " ArticleFetcherFunction, IngestApiFunction, TranslationFunction, ThumbnailFunction)");
    }
}
