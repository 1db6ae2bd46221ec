package newsroom.aws;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a batch adapter resends the entries a batch call rejected: at most
 * {@code maxAttempts} calls per entry, waiting "full jitter" exponential backoff between them (a random delay in
 * {@code [0, min(maxDelay, baseDelay * 2^(retry-1))]}, as AWS recommends so that many clients do not retry in step).
 *
 * @param sleeper how to wait; {@link Sleeper#THREAD} in production
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {

    /** 5 attempts, 100 ms base, 2 s cap: at most 1.5 s of waiting in all (100 + 200 + 400 + 800 ms ceilings). */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Sleeper.THREAD);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(sleeper, "sleeper");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, was " + baseDelay + ", " + maxDelay);
        }
    }

    /** The same policy waiting through another sleeper (tests record the delays instead of sleeping). */
    public RetryPolicy withSleeper(Sleeper other) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, other);
    }

    /** Waits before retry number {@code retry} (1 for the first retry). */
    void pauseBeforeRetry(int retry) {
        sleeper.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling(retry).toNanos() + 1)));
    }

    /** The largest delay before retry number {@code retry}. */
    Duration ceiling(int retry) {
        long factor = 1L << Math.min(retry - 1, 30);
        Duration exponential = baseDelay.multipliedBy(factor);
        return exponential.compareTo(maxDelay) > 0 ? maxDelay : exponential;
    }

    /** Waits for a duration; the seam that lets tests observe backoff without waiting. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while backing off", e);
            }
        };

        void sleep(Duration duration);
    }
}
