package newsroom.fetch;

import java.time.Duration;

/** Waits for politeness delays and retry backoff; injectable so tests record waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits ({@link Thread#sleep}). */
    static Sleeper threadSleep() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
