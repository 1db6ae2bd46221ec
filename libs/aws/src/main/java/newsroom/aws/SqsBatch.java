package newsroom.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.jspecify.annotations.Nullable;

import newsroom.core.observe.Telemetry;

/**
 * The partial-batch loop of an SQS-triggered handler (ReportBatchItemFailures), written once; Powertools'
 * {@code BatchMessageHandler} is the model. Each message goes, in order, to the handler's per-message function with
 * the invocation's remaining time, and that function says what became of it ({@link Outcome}); this class logs the
 * failures the same way for every function and builds the {@link SQSBatchResponse}:
 * <ul>
 *   <li>{@link Done}: acknowledged (the function logged what it did);</li>
 *   <li>{@link NotStarted} (too little time left to finish it): reported as failed and logged
 *       {@code message.not-started}, so SQS delivers it again to an invocation that has the time;</li>
 *   <li>{@link Failed}, or a runtime exception out of the function (one message never sinks the batch): reported as
 *       failed and logged {@code message.failed} with its cause;</li>
 *   <li>either of the last two on the message's {@code maxReceiveCount}-th receive, after which SQS moves it to the
 *       dead-letter queue: logged {@code message.dead-lettered} and counted as {@code DlqSends} for its source.</li>
 * </ul>
 * Failure lines carry the outcome's fields plus {@code reason} and {@code receiveCount}.
 */
public final class SqsBatch {

    /** The remaining time assumed without a Lambda context (a test calling the handler directly). */
    private static final long NO_DEADLINE_MILLIS = Long.MAX_VALUE / 2;

    private final int maxReceiveCount;
    private final Telemetry telemetry;

    /**
     * @param maxReceiveCount the queue's redrive {@code maxReceiveCount} (template.yaml)
     * @param telemetry       where failures are logged and dead-letter sends counted
     */
    public SqsBatch(int maxReceiveCount, Telemetry telemetry) {
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be 1 or more, was " + maxReceiveCount);
        }
        this.maxReceiveCount = maxReceiveCount;
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /** What became of one message. */
    public sealed interface Outcome permits Done, NotStarted, Failed {
    }

    /** Done with: SQS deletes it. */
    public record Done() implements Outcome {
    }

    /**
     * Not started because it could not finish in the time left.
     *
     * @param fields what identifies the message in logs ({@code messageId}, {@code source}, …)
     */
    public record NotStarted(Map<String, Object> fields, String reason) implements Outcome {
        public NotStarted {
            fields = new LinkedHashMap<>(fields);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Failed, to be delivered again.
     *
     * @param fields what identifies the message in logs; a {@code source} field labels the {@code DlqSends} count
     * @param cause  what was thrown, logged with its stack trace; null when nothing was
     */
    public record Failed(Map<String, Object> fields, String reason, @Nullable Throwable cause) implements Outcome {
        public Failed {
            fields = new LinkedHashMap<>(fields);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The per-message function of one handler. */
    @FunctionalInterface
    public interface MessageHandler {
        /**
         * @param remainingMillis the invocation's remaining time when this message starts
         */
        Outcome handle(SQSEvent.SQSMessage message, long remainingMillis);
    }

    public static Outcome done() {
        return new Done();
    }

    /**
     * Runs {@code handler} on every message of {@code event} in order and reports the ones not done.
     *
     * @param event   the delivered batch; null or without records is an empty batch
     * @param context the invocation's context, for its remaining time; null means no deadline
     */
    public SQSBatchResponse process(@Nullable SQSEvent event, @Nullable Context context, MessageHandler handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            long remaining = context == null ? NO_DEADLINE_MILLIS : context.getRemainingTimeInMillis();
            Outcome outcome;
            try {
                outcome = handler.handle(message, remaining);
            } catch (RuntimeException e) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("messageId", String.valueOf(message.getMessageId()));
                outcome = new Failed(fields, e.getClass().getSimpleName(), e);
            }
            if (!(outcome instanceof Done)) {
                report(message, outcome);
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void report(SQSEvent.SQSMessage message, Outcome outcome) {
        int receives = SqsDelivery.receiveCount(message.getAttributes());
        boolean lastReceive = receives >= maxReceiveCount;
        Map<String, Object> fields;
        String reason;
        Throwable cause = null;
        if (outcome instanceof NotStarted notStarted) {
            fields = notStarted.fields();
            reason = notStarted.reason();
        } else {
            Failed failed = (Failed) outcome;
            fields = failed.fields();
            reason = failed.reason();
            cause = failed.cause();
        }
        Map<String, Object> line = new LinkedHashMap<>(fields);
        line.put("reason", reason);
        line.put("receiveCount", receives);
        if (lastReceive) {
            telemetry.error("message.dead-lettered", line, cause);
            telemetry.count("DlqSends", fields.get("source") instanceof String source ? source : "unknown");
        } else if (outcome instanceof NotStarted) {
            telemetry.warn("message.not-started", line);
        } else {
            telemetry.error("message.failed", line, cause);
        }
    }
}
