package newsroom.feedpoller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

import newsroom.core.port.PollQueue;
import newsroom.core.port.PollQueue.PollRequest;
import newsroom.core.port.SourceStateStore.SourceState;
import newsroom.core.testing.InMemorySourceStateStore;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.TelemetryLines;

/** The poll dispatcher on the sample schedule event: which sources are due, what is reported. */
class PollDispatcherHandlerTest {

    private final InMemorySourceStateStore states = new InMemorySourceStateStore();
    private final TelemetryLines telemetry = new TelemetryLines("poll-dispatcher");
    private final List<PollRequest> sent = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private Instant now = Instant.parse("2025-02-12T15:15:00Z");
    private boolean queueDown;

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final Discovery discovery = new Discovery() {
        @Override
        public List<String> enabledSources() {
            return List.copyOf(sources);
        }

        @Override
        public Optional<Poll> poll(String sourceName) {
            throw new AssertionError("the dispatcher polls nothing");
        }

        @Override
        public Duration intervalOf(String sourceName) {
            return Duration.ofMinutes(15);
        }
    };

    private final PollQueue queue = requests -> {
        if (queueDown) {
            throw new IllegalStateException("poll queue unavailable");
        }
        sent.addAll(requests);
    };

    private final PollDispatcherHandler handler = new PollDispatcherHandler(PollDispatcherWiring.of(
            new PollDispatchService(discovery, states, queue, clock, telemetry.telemetry()), telemetry.telemetry()));

    private static ScheduledEvent scheduleEvent() {
        return EventLoader.loadScheduledEvent(RepoFiles.event("poll-dispatcher-schedule.json"));
    }

    private void state(String source, int failures, String nextPollAt) {
        states.save(new SourceState(source, Map.of(), List.of(), null, failures,
                failures == 0 ? null : "HTTP_503 (origin unavailable)", Instant.parse(nextPollAt)));
    }

    @Test
    void sendsOneMessagePerDueSource_andSkipsTheOthers() {
        sources.addAll(List.of("new", "due", "almost-due", "later", "backing-off"));
        state("due", 0, "2025-02-12T15:00:00Z");
        state("almost-due", 0, "2025-02-12T15:15:40Z");
        state("later", 0, "2025-02-12T15:30:00Z");
        state("backing-off", 3, "2025-02-12T17:00:00Z");

        Map<String, Object> result = handler.handleRequest(scheduleEvent(), null);

        assertThat(sent).containsExactly(new PollRequest("new", now), new PollRequest("due", now),
                new PollRequest("almost-due", now));
        assertThat(result).containsEntry("dispatched", List.of("new", "due", "almost-due"))
                .containsEntry("notDue", 2);
    }

    @Test
    void reportsEveryFailingSourceOnEveryTick_untilItIsHealthyAgain() {
        sources.addAll(List.of("healthy", "broken"));
        state("healthy", 0, "2025-02-12T15:30:00Z");
        state("broken", 2, "2025-02-12T16:15:00Z");

        Map<String, Object> result = handler.handleRequest(scheduleEvent(), null);

        assertThat(result).containsEntry("failing", Map.of("broken", "2 failure(s) in a row, last: HTTP_503 (origin "
                + "unavailable); next attempt 2025-02-12T16:15:00Z"));
        assertThat(telemetry.metrics()).containsExactly("SourcesFailing broken");
        assertThat(sent).isEmpty();

        now = Instant.parse("2025-02-12T16:15:00Z");
        handler.handleRequest(scheduleEvent(), null);
        assertThat(sent).containsExactly(new PollRequest("healthy", now), new PollRequest("broken", now));
    }

    @Test
    void failsTheTickSoTheSchedulerRetries_whenThePollQueueRefuses() {
        sources.add("new");
        queueDown = true;

        assertThatThrownBy(() -> handler.handleRequest(scheduleEvent(), null))
                .isInstanceOf(IllegalStateException.class).hasMessage("poll queue unavailable");
    }
}
