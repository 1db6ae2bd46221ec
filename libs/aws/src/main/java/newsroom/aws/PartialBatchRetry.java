package newsroom.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * The retry loop of a batch call whose entries succeed or fail one by one (EventBridge {@code PutEvents}, SQS
 * {@code SendMessageBatch}), written once: send the batch, resend only the entries that failed transiently, with the
 * {@link RetryPolicy}'s backoff between attempts, and report every entry never accepted. One failing entry never
 * sinks the others, as in Powertools' batch handler. A whole-call {@link SdkException} fails every entry of that
 * attempt, transiently or not as {@link AwsErrors#isTransient} says.
 *
 * @param <E> one entry of the batch as the adapter sends it
 */
final class PartialBatchRetry<E> {

    /** One attempt: sends {@code entries} and returns those that failed, each with why; may throw the SDK's error. */
    @FunctionalInterface
    interface BatchCall<E> {
        List<EntryFailure<E>> send(List<E> entries);
    }

    /** How an entry is named in a failure reason, given the error code and message (the message may be null). */
    @FunctionalInterface
    interface Describer<E> {
        String describe(E entry, String code, String message);
    }

    /**
     * @param retryable true when sending it again may succeed (throttling, internal errors)
     * @param reason    for people and logs: the entry, the error code and message
     */
    record EntryFailure<E>(E entry, boolean retryable, String reason) {
    }

    private final RetryPolicy retry;
    private final Describer<E> describer;

    PartialBatchRetry(RetryPolicy retry, Describer<E> describer) {
        this.retry = Objects.requireNonNull(retry, "retry");
        this.describer = Objects.requireNonNull(describer, "describer");
    }

    /**
     * Sends {@code batch} with up to {@link RetryPolicy#maxAttempts()} attempts.
     *
     * @return the reason of every entry that was never accepted (permanent failures, then the transient ones left
     *         when the attempts ran out); empty when all were accepted
     */
    List<String> send(List<E> batch, BatchCall<E> call) {
        List<E> pending = batch;
        List<String> notAccepted = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            List<EntryFailure<E>> failures;
            try {
                failures = call.send(pending);
            } catch (SdkException e) {
                failures = wholeCallFailed(pending, e);
            }
            List<E> again = new ArrayList<>();
            List<String> againReasons = new ArrayList<>();
            for (EntryFailure<E> failure : failures) {
                if (failure.retryable()) {
                    again.add(failure.entry());
                    againReasons.add(failure.reason());
                } else {
                    notAccepted.add(failure.reason());
                }
            }
            if (again.isEmpty()) {
                return notAccepted;
            }
            if (attempt >= retry.maxAttempts()) {
                notAccepted.addAll(againReasons);
                return notAccepted;
            }
            retry.pauseBeforeRetry(attempt);
            pending = again;
        }
    }

    /** An entry failure named the adapter's way. */
    EntryFailure<E> failure(E entry, boolean retryable, String code, String message) {
        return new EntryFailure<>(entry, retryable, describer.describe(entry, code, message));
    }

    private List<EntryFailure<E>> wholeCallFailed(List<E> entries, SdkException e) {
        String code = AwsErrors.errorCode(e);
        boolean retryable = AwsErrors.isTransient(e);
        List<EntryFailure<E>> failures = new ArrayList<>();
        for (E entry : entries) {
            failures.add(failure(entry, retryable, code, e.getMessage()));
        }
        return failures;
    }
}
