package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The batch retry loop on its own, with a scripted call; the adapters' tests (EventBridgePublisherFaultTest,
 * SqsFetchQueueFaultTest) run it against wire-level servers.
 */
class PartialBatchRetryTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final List<List<String>> attempts = new ArrayList<>();
    private final PartialBatchRetry<String> retry = new PartialBatchRetry<>(
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), pauses::add),
            (entry, code, message) -> entry + ": " + code + (message == null ? "" : " (" + message + ")"));

    @Test
    void resendsOnlyTheEntryThatFailedTransiently_andKeepsThePermanentOnesReason() {
        List<String> notAccepted = retry.send(List.of("a", "b", "c"), sent -> {
            attempts.add(sent);
            List<PartialBatchRetry.EntryFailure<String>> failures = new ArrayList<>();
            if (attempts.size() == 1) {
                failures.add(retry.failure("b", true, "ThrottlingException", "slow down"));
                failures.add(retry.failure("c", false, "ValidationException", null));
            }
            return failures;
        });

        assertThat(attempts).containsExactly(List.of("a", "b", "c"), List.of("b"));
        assertThat(notAccepted).containsExactly("c: ValidationException");
        assertThat(pauses).hasSize(1);
    }

    @Test
    void reportsTheTransientFailure_whenTheAttemptsRunOut() {
        List<String> notAccepted = retry.send(List.of("a", "b"), sent -> {
            attempts.add(sent);
            return List.of(retry.failure("a", true, "InternalFailure", "try again"));
        });

        assertThat(attempts).containsExactly(List.of("a", "b"), List.of("a"), List.of("a"));
        assertThat(notAccepted).containsExactly("a: InternalFailure (try again)");
        assertThat(pauses).hasSize(2);
    }

    @Test
    void failsEveryEntryOfTheAttempt_whenTheWholeCallFails_retryingOnlyWhatIsTransient() {
        AwsServiceException denied = AwsServiceException.builder().statusCode(400).message("denied")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build()).build();
        AwsServiceException throttled = AwsServiceException.builder().statusCode(400).message("slow")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();

        List<String> deniedReasons = retry.send(List.of("a", "b"), sent -> {
            throw denied;
        });
        List<String> throttledThenAccepted = retry.send(List.of("a"), sent -> {
            attempts.add(sent);
            if (attempts.size() == 1) {
                throw throttled;
            }
            return List.of();
        });

        assertThat(deniedReasons).hasSize(2).allSatisfy(r -> assertThat(r).contains("AccessDeniedException"));
        assertThat(throttledThenAccepted).isEmpty();
        assertThat(attempts).hasSize(2);
    }
}
