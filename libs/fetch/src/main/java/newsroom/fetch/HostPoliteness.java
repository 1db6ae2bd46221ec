package newsroom.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.HostTurns;

/**
 * Per-host politeness: at most one request at a time to a host, and at least a minimum delay (plus a 5 % margin)
 * between the end of one request and the start of the next (longer after a Retry-After). Inside the process a fair lock
 * per host orders the threads; across processes (Lambda instances) the host's turn is taken from the shared
 * {@link HostTurns} as a lease of {@code lease} (an attempt's deadline), and released with the host's next allowed
 * start. When honouring all that would mean waiting longer than {@code maxWait}, the caller gets a retryable HOST_BUSY
 * with the time to come back, instead of a blocked thread (on Lambda the message is re-queued with that delay).
 */
final class HostPoliteness {

    /** While another instance holds the host, ask again this often (a refused take costs one write and one read). */
    static final Duration SHARED_POLL_STEP = Duration.ofMillis(250);
    /** When another instance still holds the host at the end of our wait: come back after this long. */
    static final long HELD_RETRY_SECONDS = 2;
    /** Added to every delay between two requests to a host, in percent of it. */
    static final int MARGIN_PERCENT = 5;
    /** When the shared turns cannot be reached: come back after this long. */
    static final long SHARED_UNAVAILABLE_RETRY_SECONDS = 5;

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        Instant lastRequestEnd;
        Instant holdOffUntil;
    }

    /** Held while a request to one host is in flight; closing it records the end and lets the next one go. */
    interface Permit extends AutoCloseable {
        /**
         * The host asked for a pause (Retry-After): no request to it, from any instance, before now + {@code pause}.
         */
        void holdOff(Duration pause);

        @Override
        void close();
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final HostTurns shared;
    private final Duration lease;

    HostPoliteness(Clock clock, Sleeper sleeper, Duration maxWait) {
        this(clock, sleeper, maxWait, HostTurns.IN_PROCESS, Duration.ofSeconds(30));
    }

    HostPoliteness(Clock clock, Sleeper sleeper, Duration maxWait, HostTurns shared, Duration lease) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.shared = shared;
        this.lease = lease;
    }

    Permit acquire(String host, Duration minDelay) throws FetchException {
        return acquire(host, minDelay, maxWait);
    }

    /**
     * Waits for the host's turn, but never longer than {@code limit} (nor the configured maximum): the caller's
     * remaining time budget. A longer wait fails at once with HOST_BUSY and the time to come back.
     */
    Permit acquire(String host, Duration minDelay, Duration limit) throws FetchException {
        return acquireSpaced(host, withMargin(minDelay), limit);
    }

    /**
     * The delay actually kept between two requests to a host: the asked one plus {@link #MARGIN_PERCENT} %, so that
     * clock granularity and scheduling on either side never make the origin see a gap shorter than its Crawl-delay
     * (the scale test once measured 196 ms at a 200 ms host without it).
     */
    static Duration withMargin(Duration minDelay) {
        return minDelay.plus(minDelay.multipliedBy(MARGIN_PERCENT).dividedBy(100));
    }

    private Permit acquireSpaced(String host, Duration minDelay, Duration limit) throws FetchException {
        Duration maxWait = limit.compareTo(this.maxWait) < 0 ? limit : this.maxWait;
        if (maxWait.isNegative()) {
            maxWait = Duration.ZERO;
        }
        Instant giveUpAt = clock.instant().plus(maxWait);
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
        String holder = UUID.randomUUID().toString();
        try {
            Instant notBefore = null;
            if (slot.lastRequestEnd != null) {
                notBefore = slot.lastRequestEnd.plus(minDelay);
            }
            if (slot.holdOffUntil != null && (notBefore == null || slot.holdOffUntil.isAfter(notBefore))) {
                notBefore = slot.holdOffUntil;
            }
            if (notBefore != null) {
                Duration wait = Duration.between(clock.instant(), notBefore);
                if (wait.compareTo(maxWait) > 0) {
                    throw FetchFailure.HOST_BUSY.exception(host + ": politeness delay of " + minDelay.toMillis()
                            + " ms needs a wait of " + wait.toMillis() + " ms", ceilSeconds(wait));
                }
                if (!wait.isNegative() && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            }
            takeSharedTurn(host, holder, giveUpAt);
        } catch (InterruptedException e) {
            slot.lock.unlock();
            Thread.currentThread().interrupt();
            throw FetchFailure.INTERRUPTED.exception("interrupted while waiting for " + host);
        } catch (FetchException | RuntimeException e) {
            slot.lock.unlock();
            throw e;
        }
        return new Permit() {
            private Instant holdOff;

            @Override
            public void holdOff(Duration pause) {
                holdOff = clock.instant().plus(pause);
            }

            @Override
            public void close() {
                Instant end = clock.instant();
                slot.lastRequestEnd = end;
                slot.holdOffUntil = holdOff;
                Instant next = end.plus(minDelay);
                if (holdOff != null && holdOff.isAfter(next)) {
                    next = holdOff;
                }
                try {
                    shared.release(host, holder, next);
                } catch (RuntimeException e) {
                    // the lease ends by itself at the attempt's deadline; nothing else to do
                } finally {
                    slot.lock.unlock();
                }
            }
        };
    }

    /**
     * Takes the host's turn from the shared turns until {@code giveUpAt}: while another instance's request is in
     * flight, asks again every {@link #SHARED_POLL_STEP} (such a request usually ends long before its lease); after a
     * release with a later next allowed start, waits exactly until then, or says at once when to come back if that
     * is after {@code giveUpAt}.
     */
    private void takeSharedTurn(String host, String holder, Instant giveUpAt)
            throws FetchException, InterruptedException {
        while (true) {
            Instant now = clock.instant();
            Optional<HostTurns.Busy> busy;
            try {
                busy = shared.tryTake(host, holder, now, now.plus(lease));
            } catch (RuntimeException e) {
                throw FetchFailure.HOST_BUSY.exception(host + ": the shared host turns are unavailable ("
                        + e.getClass().getSimpleName() + ")", SHARED_UNAVAILABLE_RETRY_SECONDS);
            }
            if (busy.isEmpty()) {
                return;
            }
            Duration wait = Duration.between(now, busy.get().freeAt());
            if (busy.get().held()) {
                if (!now.plus(SHARED_POLL_STEP).isBefore(giveUpAt)) {
                    throw FetchFailure.HOST_BUSY.exception(host + ": another instance's request to this host is "
                            + "still running", HELD_RETRY_SECONDS);
                }
                sleeper.sleep(wait.compareTo(SHARED_POLL_STEP) < 0 && !wait.isNegative() && !wait.isZero() ? wait
                        : SHARED_POLL_STEP);
            } else {
                if (busy.get().freeAt().isAfter(giveUpAt)) {
                    throw FetchFailure.HOST_BUSY.exception(host + ": the host's next allowed request is in "
                            + wait.toMillis() + " ms", Math.max(1, ceilSeconds(wait)));
                }
                sleeper.sleep(wait.isNegative() || wait.isZero() ? Duration.ofMillis(10) : wait);
            }
        }
    }

    private static long ceilSeconds(Duration d) {
        long seconds = d.getSeconds();
        return d.getNano() > 0 ? seconds + 1 : seconds;
    }
}
