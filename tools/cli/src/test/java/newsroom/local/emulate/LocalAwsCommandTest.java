package newsroom.local.emulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.testing.RepoFiles;
import newsroom.local.invoke.InvokeCommand;

/**
 * {@code newsroom local-aws}: moto and dynalite start, the stack's resources exist, and the environment file it
 * writes runs IngestApiFunction's deployment jar through {@code newsroom invoke --env} end to end: the Markdown
 * posted is stored in the emulated bucket and indexed in the emulated table, then read back by id.
 */
class LocalAwsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run invoke(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InvokeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createsTheStackOnTheEmulators_andItsEnvironmentFileRunsAFunction() throws Exception {
        assumeTrue(Files.isRegularFile(RepoFiles.root().resolve("functions/ingest-api/target/ingest-api.jar")),
                "functions/ingest-api/target/ingest-api.jar is not built (mvn verify builds it before these tests)");
        Path envFile = dir.resolve("local-env.json");
        List<Run> runs = new ArrayList<>();
        List<JsonNode> environments = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LocalAwsCommand.run(new String[] {"--env-file", envFile.toString(), "--stack", "test-stack",
                "--moto-port", "0", "--dynamo-port", "0"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), RepoFiles.template(), () -> {
                    try {
                        environments.add(JSON.readTree(envFile.toFile()));
                        Run posted = invoke("IngestApiFunction", RepoFiles.event("ingest-api-post-markdown.json"),
                                "--env", envFile.toString(), "--template", RepoFiles.template().toString());
                        runs.add(posted);
                        String id = JSON.readTree(JSON.readTree(posted.out()).path("body").asText()).path("id")
                                .asText();
                        @SuppressWarnings("unchecked")
                        Map<String, Object> get = JSON.readValue(
                                Path.of(RepoFiles.event("ingest-api-get-article.json")).toFile(), Map.class);
                        get.put("rawPath", "/articles/" + id);
                        Path getFile = dir.resolve("get.json");
                        Files.write(getFile, JSON.writeValueAsBytes(get));
                        runs.add(invoke("IngestApiFunction", getFile.toString(), "--env", envFile.toString(),
                                "--template", RepoFiles.template().toString()));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode parameters = environments.get(0).path("Parameters");
        assertThat(parameters.path("CONTENT_BUCKET").asText()).isEqualTo("test-stack-contentbucket");
        assertThat(parameters.path("TABLE_NAME").asText()).isEqualTo("test-stack-ArticleTable");
        assertThat(parameters.path("EVENT_BUS_NAME").asText()).isEqualTo("test-stack-articles");
        assertThat(parameters.path("FETCH_QUEUE_URL").asText()).startsWith("http://").endsWith("test-stack-FetchQueue");
        assertThat(parameters.path("AWS_ENDPOINT_URL_DYNAMODB").asText())
                .isNotEqualTo(parameters.path("AWS_ENDPOINT_URL").asText());

        Run posted = runs.get(0);
        assertThat(posted.status()).as(posted.err()).isZero();
        assertThat(JSON.readTree(posted.out()).path("statusCode").asInt()).as(posted.out()).isEqualTo(201);
        Run read = runs.get(1);
        JsonNode record = JSON.readTree(JSON.readTree(read.out()).path("body").asText());
        assertThat(JSON.readTree(read.out()).path("statusCode").asInt()).as(read.out()).isEqualTo(200);
        assertThat(record.path("title").asText()).isEqualTo("Apple and Alibaba team up on AI in China");
        assertThat(record.path("location").asText()).startsWith("s3://test-stack-contentbucket/content/en/2025/02/");

        assertThat(printed).contains("moto_server listening on http://127.0.0.1:", "dynalite listening on",
                "./newsroom invoke IngestApiFunction events/ingest-api-post-markdown.json --env " + envFile,
                "sam local invoke IngestApiFunction -e events/ingest-api-post-markdown.json --env-vars " + envFile);
    }

    @Test
    void refusesAnUnknownOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LocalAwsCommand.run(new String[] {"--bogus", "1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), RepoFiles.template(), () -> { });

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --bogus");
    }
}
