package newsroom.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Speaks the Lambda Runtime API to {@link LocalRuntimeApi} as the runtime interface client does: the behaviours
 * {@code ./newsroom bench} relies on (a sequence of events, timestamps) and those {@code ./newsroom invoke} relies on
 * (the function's timeout as deadline, the response size limit, TCP_NODELAY, an idle {@code next} after the event).
 */
class LocalRuntimeApiTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:000000000000:function:bench";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalRuntimeApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private LocalRuntimeApi start() throws Exception {
        api = new LocalRuntimeApi(ARN);
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
        CompletableFuture<LocalRuntimeApi.Outcome> outcome = start().submit("{}".getBytes(StandardCharsets.UTF_8));
        String id = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> accepted = post("invocation/" + id + "/response", "\"done\"");

        assertThat(accepted.statusCode()).isEqualTo(202);
        LocalRuntimeApi.Outcome answered = outcome.get(5, TimeUnit.SECONDS);
        assertThat(answered.kind()).isEqualTo(LocalRuntimeApi.Outcome.Kind.RESPONSE);
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
        CompletableFuture<LocalRuntimeApi.Outcome> outcome = start().submit("{}".getBytes(StandardCharsets.UTF_8));
        String id = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri("invocation/" + id + "/error"))
                .header("Lambda-Runtime-Function-Error-Type", "Runtime.Bench")
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(202);
        LocalRuntimeApi.Outcome failed = outcome.get(5, TimeUnit.SECONDS);
        assertThat(failed.kind()).isEqualTo(LocalRuntimeApi.Outcome.Kind.FUNCTION_ERROR);
        assertThat(failed.errorType()).isEqualTo("Runtime.Bench");
        assertThat(failed.body()).isEqualTo("{\"errorMessage\":\"boom\"}");
    }

    @Test
    void initErrorFailsPendingAndLaterInvocations() throws Exception {
        CompletableFuture<LocalRuntimeApi.Outcome> pending = start().submit("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(post("init/error", "{\"errorMessage\":\"no config\"}").statusCode()).isEqualTo(202);

        assertThat(pending.get(5, TimeUnit.SECONDS).kind()).isEqualTo(LocalRuntimeApi.Outcome.Kind.INIT_ERROR);
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

    @Test
    void deadlineIsDeliveryTimePlusTheGivenTimeout() throws Exception {
        api = new LocalRuntimeApi(ARN, Duration.ofSeconds(3));
        api.submit("{}".getBytes(StandardCharsets.UTF_8));
        long before = System.currentTimeMillis();

        long deadline = Long.parseLong(get("invocation/next").headers().firstValue("Lambda-Runtime-Deadline-Ms")
                .orElseThrow());

        assertThat(deadline).isBetween(before + 3_000, System.currentTimeMillis() + 3_000);
    }

    @Test
    void defaultTimeoutIsTwoMinutes() throws Exception {
        start().submit("{}".getBytes(StandardCharsets.UTF_8));
        long before = System.currentTimeMillis();

        long deadline = Long.parseLong(get("invocation/next").headers().firstValue("Lambda-Runtime-Deadline-Ms")
                .orElseThrow());

        assertThat(deadline).isBetween(before + 120_000, System.currentTimeMillis() + 120_000);
    }

    @Test
    void aResponseOverTheSizeLimit_isRefusedAndEndsTheInvocationAsResponseSizeTooLarge() throws Exception {
        CompletableFuture<LocalRuntimeApi.Outcome> outcome = start().submit("{}".getBytes(StandardCharsets.UTF_8));
        String id = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        byte[] tooLarge = new byte[LocalRuntimeApi.MAX_BODY_BYTES + 1];
        Arrays.fill(tooLarge, (byte) 'x');

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("invocation/" + id + "/response"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        LocalRuntimeApi.Outcome failed = outcome.get(5, TimeUnit.SECONDS);
        assertThat(failed.kind()).isEqualTo(LocalRuntimeApi.Outcome.Kind.FUNCTION_ERROR);
        assertThat(failed.errorType()).isEqualTo("ResponseSizeTooLarge");
        assertThat(failed.body()).contains("ResponseSizeTooLarge");
    }

    @Test
    void aResponseOfExactlyTheSizeLimit_isAccepted() throws Exception {
        CompletableFuture<LocalRuntimeApi.Outcome> outcome = start().submit("{}".getBytes(StandardCharsets.UTF_8));
        String id = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        byte[] limit = new byte[LocalRuntimeApi.MAX_BODY_BYTES];
        Arrays.fill(limit, (byte) 'x');

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri("invocation/" + id + "/response"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(limit)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(outcome.get(5, TimeUnit.SECONDS).body()).hasSize(LocalRuntimeApi.MAX_BODY_BYTES);
    }

    @Test
    void aSecondNext_waitsLikeAnIdleEnvironment_untilClosed() throws Exception {
        start().submit("{}".getBytes(StandardCharsets.UTF_8));
        get("invocation/next");
        CompletableFuture<HttpResponse<String>> idle = http.sendAsync(HttpRequest.newBuilder(
                uri("invocation/next")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        assertThat(idle).isNotDone();

        api.close();

        // no event: the call fails or ends without a 200 once the API stops
        assertThat(idle.handle((response, failure) -> response == null ? -1 : response.statusCode())
                .get(5, TimeUnit.SECONDS)).isNotEqualTo(200);
    }

    @Test
    void turnsOnTcpNoDelay_forTheJdkHttpServer() throws Exception {
        start();

        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
}
