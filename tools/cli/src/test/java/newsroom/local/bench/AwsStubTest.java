package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwsStubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final AwsStub stub;

    AwsStubTest() throws Exception {
        stub = new AwsStub(Map.of("bucket/config/sources.yaml", "sources: []\n".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpResponse<String> json(String target, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(stub.endpoint().resolve("/"))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> s3(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stub.endpoint() + path))
                .method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("x")
                        : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getItemFindsNothing() throws Exception {
        HttpResponse<String> answer = json("DynamoDB_20120810.GetItem", "{\"TableName\":\"t\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{}");
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
    }

    @Test
    void queryReturnsNoItems() throws Exception {
        JsonNode answer = JSON.readTree(json("DynamoDB_20120810.Query", "{}").body());

        assertThat(answer.get("Count").asInt()).isZero();
        assertThat(answer.get("Items").size()).isZero();
    }

    @Test
    void putEventsAcceptsEveryEntry_oneEventIdEach() throws Exception {
        JsonNode answer = JSON.readTree(json("AWSEvents.PutEvents",
                "{\"Entries\":[{\"Detail\":\"{}\"},{\"Detail\":\"{}\"}]}").body());

        assertThat(answer.get("FailedEntryCount").asInt()).isZero();
        assertThat(answer.get("Entries").size()).isEqualTo(2);
        assertThat(answer.get("Entries").get(1).get("EventId").asText()).isEqualTo("bench-1");
    }

    @Test
    void s3GetServesAConfiguredObject() throws Exception {
        HttpResponse<String> answer = s3("GET", "/bucket/config/sources.yaml");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("sources: []\n");
    }

    @Test
    void s3GetOfAnyOtherKey_isNoSuchKey() throws Exception {
        HttpResponse<String> answer = s3("GET", "/bucket/content/en/missing.md");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("<Code>NoSuchKey</Code>");
    }

    @Test
    void recordsEachCall_andTellsWritesFromReads() throws Exception {
        json("DynamoDB_20120810.GetItem", "{}");
        s3("PUT", "/bucket/content/a.md");
        json("AmazonSQS.SendMessageBatch", "{}");

        assertThat(stub.calls()).extracting(AwsStub.Call::operation)
                .containsExactly("DynamoDB_20120810.GetItem", "S3 PUT", "AmazonSQS.SendMessageBatch");
        assertThat(stub.calls()).extracting(AwsStub.Call::isWrite).containsExactly(false, true, true);
        assertThat(stub.calls().get(1).path()).isEqualTo("/bucket/content/a.md");
    }
}
