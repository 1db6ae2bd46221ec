package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.Test;

import newsroom.core.testing.TelemetryLines;

/** {@link SqsBatch}: per-message outcomes → batch item failures and one way of logging them. */
class SqsBatchTest {

    private final TelemetryLines telemetry = new TelemetryLines("test");
    private final SqsBatch batch = new SqsBatch(3, telemetry.telemetry());

    private static SQSEvent.SQSMessage message(String id, int receiveCount) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(id);
        message.setAttributes(Map.of("ApproximateReceiveCount", String.valueOf(receiveCount)));
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private static Map<String, Object> fields(SQSEvent.SQSMessage message) {
        return Map.of("messageId", message.getMessageId(), "source", "harbour");
    }

    private Map<String, Object> line(String event) {
        return telemetry.parsed().stream().filter(l -> event.equals(l.get("event"))).findFirst().orElseThrow();
    }

    @Test
    void reportsOnlyTheMessagesNotDone_eachWithItsOwnLogLine() {
        List<String> seen = new ArrayList<>();
        SQSBatchResponse response = batch.process(event(message("m1", 1), message("m2", 1), message("m3", 2),
                message("m4", 1)), null, (message, remaining) -> {
                    seen.add(message.getMessageId());
                    return switch (message.getBody()) {
                        case "m2" -> new SqsBatch.Failed(fields(message), "SERVER_ERROR", null);
                        case "m3" -> new SqsBatch.NotStarted(fields(message), "NOT_STARTED (10 ms left)");
                        default -> SqsBatch.done();
                    };
                });

        assertThat(seen).containsExactly("m1", "m2", "m3", "m4");
        assertThat(failedIds(response)).containsExactly("m2", "m3");
        assertThat(telemetry.events()).containsExactly("message.failed", "message.not-started");
        assertThat(line("message.failed")).containsEntry("messageId", "m2").containsEntry("reason", "SERVER_ERROR")
                .containsEntry("receiveCount", 1);
        assertThat(line("message.not-started")).containsEntry("messageId", "m3").containsEntry("receiveCount", 2);
        assertThat(telemetry.metrics()).isEmpty();
    }

    @Test
    void logsDeadLetteredAndCountsDlqSendsBySource_onTheLastReceive_whetherFailedOrNotStarted() {
        SQSBatchResponse response = batch.process(event(message("m1", 3), message("m2", 4), message("m3", 3)), null,
                (message, remaining) -> switch (message.getBody()) {
                    case "m1" -> new SqsBatch.Failed(fields(message), "SERVER_ERROR", null);
                    case "m2" -> new SqsBatch.NotStarted(fields(message), "NOT_STARTED (10 ms left)");
                    default -> new SqsBatch.Failed(Map.of("messageId", "m3"), "INVALID", null);
                });

        assertThat(failedIds(response)).containsExactly("m1", "m2", "m3");
        assertThat(telemetry.events()).containsExactly("message.dead-lettered", "message.dead-lettered",
                "message.dead-lettered");
        assertThat(telemetry.metrics()).containsExactly("DlqSends harbour", "DlqSends harbour", "DlqSends unknown");
    }

    @Test
    void failsOnlyThatMessage_andLogsTheCause_whenTheFunctionThrows() {
        SQSBatchResponse response = batch.process(event(message("m1", 1), message("m2", 1)), null,
                (message, remaining) -> {
                    if (message.getBody().equals("m1")) {
                        throw new IllegalStateException("table unavailable");
                    }
                    return SqsBatch.done();
                });

        assertThat(failedIds(response)).containsExactly("m1");
        Map<String, Object> failed = line("message.failed");
        assertThat(failed).containsEntry("messageId", "m1").containsEntry("reason", "IllegalStateException");
        assertThat(String.valueOf(failed.get("error")))
                .contains("table unavailable", "java.lang.IllegalStateException");
    }

    @Test
    void givesEachMessageTheTimeLeft_andNoDeadlineWithoutAContext() {
        List<Long> remaining = new ArrayList<>();

        batch.process(event(message("m1", 1)), null, (message, millis) -> {
            remaining.add(millis);
            return SqsBatch.done();
        });

        assertThat(remaining).singleElement().satisfies(millis -> assertThat(millis).isGreaterThan(86_400_000L));
    }

    @Test
    void answersAnEmptyBatch_forAnEventWithoutRecords() {
        assertThat(batch.process(null, null, (m, r) -> SqsBatch.done()).getBatchItemFailures()).isEmpty();
        assertThat(batch.process(new SQSEvent(), null, (m, r) -> SqsBatch.done()).getBatchItemFailures()).isEmpty();
        assertThat(telemetry.events()).isEmpty();
    }
}
