package newsroom.feedpoller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import newsroom.core.observe.Telemetry;
import newsroom.core.port.PollQueue;
import newsroom.core.port.PollQueue.PollRequest;
import newsroom.core.port.SourceStateStore;
import newsroom.core.port.SourceStateStore.SourceSchedule;

/**
 * One schedule tick of the poll dispatcher: reads the enabled sources, finds those due now (never polled, or their
 * {@code nextPollAt} reached, within {@link #GRACE} so that an interval equal to the schedule's rate is not missed by
 * a few seconds of scheduler jitter) and sends one {@link PollRequest} per due source to the poll queue. It fetches
 * nothing itself, so a tick takes the same short time however slow the origins are; the poll workers do the polling,
 * one source per message.
 *
 * <p>Failing sources are reported on every tick while they back off: one {@code source.failing} warning each (failures
 * in a row, last error, next attempt) and the {@code SourcesFailing} metric. A queue failure is thrown so the
 * scheduler retries the tick (a source sent twice is polled twice, which is harmless).
 */
final class PollDispatchService {

    /** A source whose next poll is at most this far ahead is sent now. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private final Discovery discovery;
    private final SourceStateStore states;
    private final PollQueue queue;
    private final Clock clock;
    private final Telemetry telemetry;

    PollDispatchService(Discovery discovery, SourceStateStore states, PollQueue queue, Clock clock,
                        Telemetry telemetry) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.states = Objects.requireNonNull(states, "states");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /**
     * @param dispatched sources sent to the poll queue
     * @param notDue     sources skipped because their next poll is later
     * @param failing    sources whose last polls failed: name → failures in a row, last error and next attempt
     */
    record Summary(List<String> dispatched, List<String> notDue, Map<String, String> failing) {
        Summary {
            dispatched = List.copyOf(dispatched);
            notDue = List.copyOf(notDue);
            failing = Collections.unmodifiableMap(new LinkedHashMap<>(failing));
        }
    }

    Summary dispatchDue() {
        Instant now = clock.instant();
        List<PollRequest> due = new ArrayList<>();
        List<String> notDue = new ArrayList<>();
        Map<String, String> failing = new LinkedHashMap<>();
        List<String> sources = discovery.enabledSources();
        Map<String, SourceSchedule> schedules = states.schedules(sources);
        for (String source : sources) {
            SourceSchedule s = schedules.get(source);
            if (s != null && s.consecutiveFailures() > 0) {
                failing.put(source, s.consecutiveFailures() + " failure(s) in a row, last: " + s.lastError()
                        + "; next attempt " + s.nextPollAt());
                telemetry.warn("source.failing", Map.of("source", source, "failures", s.consecutiveFailures(),
                        "lastError", String.valueOf(s.lastError()), "nextPollAt", String.valueOf(s.nextPollAt())));
                telemetry.count("SourcesFailing", source);
            }
            if (isDue(s, now)) {
                due.add(new PollRequest(source, now));
            } else {
                notDue.add(source);
            }
        }
        if (!due.isEmpty()) {
            queue.send(due);
        }
        List<String> dispatched = due.stream().map(PollRequest::source).toList();
        telemetry.info("dispatch.done", Map.of("dispatched", dispatched.size(), "notDue", notDue.size(),
                "failing", failing.size()));
        return new Summary(dispatched, notDue, failing);
    }

    private static boolean isDue(@Nullable SourceSchedule state, Instant now) {
        return state == null || state.nextPollAt() == null || !state.nextPollAt().isAfter(now.plus(GRACE));
    }
}
