package newsroom.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.DynamoTableSchema;
import newsroom.core.model.ArticleId;
import newsroom.core.testing.RepoFiles;
import newsroom.emulators.MotoServer;

/**
 * IngestApiFunction's deployment jar, run by {@code newsroom invoke} through the real runtime interface client,
 * with its production wiring pointed at moto (S3, DynamoDB, EventBridge, SQS) by {@code AWS_ENDPOINT_URL}: what
 * docs/sam.md tells users to do for local runs. Needs the jar ({@code mvn verify} builds it first).
 */
class InvokeAgainstMotoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "newsroom-local";

    @TempDir
    static Path dir;
    static MotoServer moto;
    static Path envFile;
    static AwsClients clients;
    static String queueUrl;

    @BeforeAll
    static void stack() throws Exception {
        assumeTrue(Files.isRegularFile(RepoFiles.root().resolve("functions/ingest-api/target/ingest-api.jar")),
                "functions/ingest-api/target/ingest-api.jar is not built (mvn verify builds it before these tests)");
        moto = MotoServer.start();
        Map<String, String> env = new HashMap<>(Map.of("CONTENT_BUCKET", NAME, "TABLE_NAME", NAME,
                "EVENT_BUS_NAME", NAME, "FETCH_QUEUE_URL", "pending", "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", moto.endpoint()));
        clients = AwsClients.withCredentials(AwsConfig.fromEnvironment(env),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        clients.s3().createBucket(b -> b.bucket(NAME));
        clients.dynamoDb().createTable(DynamoTableSchema.createTableRequest(NAME));
        clients.eventBridge().createEventBus(b -> b.name(NAME));
        queueUrl = clients.sqs().createQueue(b -> b.queueName("fetch")).queueUrl();
        env.put("FETCH_QUEUE_URL", queueUrl);
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        envFile = dir.resolve("moto.env");
        Files.writeString(envFile, JSON.writeValueAsString(Map.of("Parameters", env)));
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static Map<?, ?> invoke(Path event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InvokeCommand.run(new String[] {"IngestApiFunction", event.toString(), "--env",
                envFile.toString(), "--template", RepoFiles.template().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JSON.readValue(out.toByteArray(), Map.class);
    }

    private static Map<?, ?> body(Map<?, ?> response) throws Exception {
        return JSON.readValue((String) response.get("body"), Map.class);
    }

    @Test
    void storesPostedMarkdownInTheBucketAndIndex_andListsIt() throws Exception {
        Map<?, ?> created = invoke(Path.of(RepoFiles.event("ingest-api-post-markdown.json")));

        assertThat(created.get("statusCode")).as(String.valueOf(created)).isEqualTo(201);
        Map<?, ?> stored = body(created);
        assertThat(stored.get("objectKey")).isEqualTo("content/en/2025/02/apple-alibaba-ai-china.md");
        S3Client s3 = clients.s3();
        String markdown = s3.getObjectAsBytes(b -> b.bucket(NAME).key((String) stored.get("objectKey")))
                .asUtf8String();
        assertThat(markdown).contains("title: \"Apple and Alibaba team up on AI in China\"");

        Map<?, ?> listResponse = invoke(Path.of(RepoFiles.event("ingest-api-list-articles.json")));
        assertThat(listResponse.get("statusCode")).as(String.valueOf(listResponse)).isEqualTo(200);
        Map<?, ?> listed = body(listResponse);
        List<Object> ids = ((List<?>) listed.get("items")).stream().map(item -> (Object) ((Map<?, ?>) item).get("id"))
                .toList();
        assertThat(ids).containsExactly(stored.get("id"));
    }

    @Test
    void queuesAPostedUrlOnTheFetchQueue() throws Exception {
        Map<?, ?> accepted = invoke(Path.of(RepoFiles.event("ingest-api-post-url.json")));

        assertThat(accepted.get("statusCode")).as(String.valueOf(accepted)).isEqualTo(202);
        assertThat(body(accepted).get("id"))
                .isEqualTo(ArticleId.ofUrl("https://news.example.com/2025/02/apple-alibaba-ai").value());
        SqsClient sqs = clients.sqs();
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        assertThat(messages).extracting(Message::body).containsExactly(
                "{\"url\":\"https://news.example.com/2025/02/apple-alibaba-ai\",\"source\":\"api\"}");
    }
}
