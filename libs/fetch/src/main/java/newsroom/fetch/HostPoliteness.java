package newsroom.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;

/**
 * Per-host politeness inside one process: at most one request at a time to a host, and at least a minimum delay
 * between the end of one request and the start of the next. When honouring that would mean waiting longer than
 * {@code maxWait}, the caller gets a retryable HOST_BUSY with the time to come back, instead of a blocked thread
 * (on Lambda the message is re-queued with that delay).
 */
final class HostPoliteness {

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        Instant lastRequestEnd;
    }

    /** Held while a request to one host is in flight; closing it records the end and lets the next one go. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;

    HostPoliteness(Clock clock, Sleeper sleeper, Duration maxWait) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    Permit acquire(String host, Duration minDelay) throws FetchException {
        return acquire(host, minDelay, maxWait);
    }

    /**
     * Waits for the host's turn, but never longer than {@code limit} (nor the configured maximum): the caller's
     * remaining time budget. A longer wait fails at once with HOST_BUSY and the time to come back.
     */
    Permit acquire(String host, Duration minDelay, Duration limit) throws FetchException {
        Duration maxWait = limit.compareTo(this.maxWait) < 0 ? limit : this.maxWait;
        if (maxWait.isNegative()) {
            maxWait = Duration.ZERO;
        }
        Slot slot = slots.computeIfAbsent(host, h -> new Slot());
        try {
            if (!slot.lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw FetchFailure.HOST_BUSY.exception(host + ": another request to this host is still running",
                        Math.max(1, ceilSeconds(maxWait)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchFailure.INTERRUPTED.exception("interrupted while waiting for " + host);
        }
        try {
            if (slot.lastRequestEnd != null) {
                Duration wait = Duration.between(clock.instant(), slot.lastRequestEnd.plus(minDelay));
                if (wait.compareTo(maxWait) > 0) {
                    throw FetchFailure.HOST_BUSY.exception(host + ": politeness delay of " + minDelay.toMillis()
                            + " ms needs a wait of " + wait.toMillis() + " ms", ceilSeconds(wait));
                }
                if (!wait.isNegative() && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            slot.lock.unlock();
            Thread.currentThread().interrupt();
            throw FetchFailure.INTERRUPTED.exception("interrupted while waiting for " + host);
        } catch (FetchException | RuntimeException e) {
            slot.lock.unlock();
            throw e;
        }
        return () -> {
            slot.lastRequestEnd = clock.instant();
            slot.lock.unlock();
        };
    }

    private static long ceilSeconds(Duration d) {
        long seconds = d.getSeconds();
        return d.getNano() > 0 ? seconds + 1 : seconds;
    }
}
