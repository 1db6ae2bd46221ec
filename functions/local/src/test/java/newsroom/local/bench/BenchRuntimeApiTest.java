package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Speaks the Lambda Runtime API to {@link BenchRuntimeApi} as the runtime interface client does. */
class BenchRuntimeApiTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:000000000000:function:bench";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private BenchRuntimeApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private BenchRuntimeApi start() throws Exception {
        api = new BenchRuntimeApi(ARN);
        return api;
    }

    private URI uri(String path) {
        return URI.create("http://" + api.address() + "/2018-06-01/runtime/" + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopback() throws Exception {
        assertThat(start().address()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void nextDeliversTheSubmittedEvent_withTheHeadersTheRuntimeClientRequires() throws Exception {
        start().submit("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        long before = System.currentTimeMillis();

        HttpResponse<String> next = get("invocation/next");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"a\":1}");
        assertThat(next.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).get().asString()
                .matches("[0-9a-f-]{36}");
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains(ARN);
        assertThat(Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
                .isGreaterThan(before);
        assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id")).get().asString().startsWith("Root=");
    }

    @Test
    void responseCompletesThatInvocation_withItsBodyAndTimes() throws Exception {
        CompletableFuture<BenchRuntimeApi.Outcome> outcome = start().submit("{}".getBytes(StandardCharsets.UTF_8));
        String id = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> accepted = post("invocation/" + id + "/response", "\"done\"");

        assertThat(accepted.statusCode()).isEqualTo(202);
        BenchRuntimeApi.Outcome answered = outcome.get(5, TimeUnit.SECONDS);
        assertThat(answered.kind()).isEqualTo(BenchRuntimeApi.Outcome.Kind.RESPONSE);
        assertThat(answered.body()).isEqualTo("\"done\"");
        assertThat(answered.answeredNanos()).isGreaterThanOrEqualTo(answered.deliveredNanos());
        assertThat(answered.deliveredNanos()).isPositive();
    }

    @Test
    void eventsAreDeliveredInSubmissionOrder_eachWithItsOwnRequestId() throws Exception {
        start().submit("1".getBytes(StandardCharsets.UTF_8));
        api.submit("2".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> first = get("invocation/next");
        HttpResponse<String> second = get("invocation/next");

        assertThat(first.body()).isEqualTo("1");
        assertThat(second.body()).isEqualTo("2");
        assertThat(first.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
                .isNotEqualTo(second.headers().firstValue("Lambda-Runtime-Aws-Request-Id"));
    }

    @Test
    void nextWaitsForAnEventSubmittedLater() throws Exception {
        start();
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(HttpRequest.newBuilder(
                uri("invocation/next")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        api.submit("later".getBytes(StandardCharsets.UTF_8));

        assertThat(waiting.get(5, TimeUnit.SECONDS).body()).isEqualTo("later");
    }

    @Test
    void errorCompletesThatInvocationAsAFunctionError_withItsErrorType() throws Exception {
        CompletableFuture<BenchRuntimeApi.Outcome> outcome = start().submit("{}".getBytes(StandardCharsets.UTF_8));
        String id = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri("invocation/" + id + "/error"))
                .header("Lambda-Runtime-Function-Error-Type", "Runtime.Bench")
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(202);
        BenchRuntimeApi.Outcome failed = outcome.get(5, TimeUnit.SECONDS);
        assertThat(failed.kind()).isEqualTo(BenchRuntimeApi.Outcome.Kind.FUNCTION_ERROR);
        assertThat(failed.errorType()).isEqualTo("Runtime.Bench");
        assertThat(failed.body()).isEqualTo("{\"errorMessage\":\"boom\"}");
    }

    @Test
    void initErrorFailsPendingAndLaterInvocations() throws Exception {
        CompletableFuture<BenchRuntimeApi.Outcome> pending = start().submit("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(post("init/error", "{\"errorMessage\":\"no config\"}").statusCode()).isEqualTo(202);

        assertThat(pending.get(5, TimeUnit.SECONDS).kind()).isEqualTo(BenchRuntimeApi.Outcome.Kind.INIT_ERROR);
        assertThat(api.submit("{}".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS).body())
                .isEqualTo("{\"errorMessage\":\"no config\"}");
    }

    @Test
    void responseForAnUnknownRequestId_isRefused() throws Exception {
        start();

        HttpResponse<String> refused = post("invocation/not-in-flight/response", "{}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("InvalidRequestID");
    }

    @Test
    void unknownCall_isA404WithAReason() throws Exception {
        start();

        HttpResponse<String> unknown = get("telemetry");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown runtime API call GET telemetry");
    }
}
