package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The full-jitter exponential backoff of {@link RetryPolicy}. */
class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500),
            RetryPolicy.Sleeper.THREAD);

    @Test
    void doublesCeilingUntilTheCap_whenRetriesAccumulate() {
        assertThat(List.of(POLICY.ceiling(1), POLICY.ceiling(2), POLICY.ceiling(3), POLICY.ceiling(4),
                POLICY.ceiling(40))).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void pausesBetweenZeroAndCeiling_whenRetrying() {
        List<Duration> pauses = new ArrayList<>();
        RetryPolicy recording = POLICY.withSleeper(pauses::add);

        for (int i = 0; i < 200; i++) {
            recording.pauseBeforeRetry(3);
        }

        assertThat(pauses).hasSize(200)
                .allSatisfy(p -> assertThat(p).isBetween(Duration.ZERO, Duration.ofMillis(400)));
        assertThat(new HashSet<>(pauses)).as("jittered, not constant").hasSizeGreaterThan(100);
    }

    @Test
    void defaultWaitsAtMostOneAndAHalfSecondsInAll() {
        Duration total = Duration.ZERO;
        for (int retry = 1; retry < RetryPolicy.DEFAULT.maxAttempts(); retry++) {
            total = total.plus(RetryPolicy.DEFAULT.ceiling(retry));
        }

        assertThat(total).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void rejectsPolicy_whenItWouldNeverTry() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, RetryPolicy.Sleeper.THREAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
    }
}
