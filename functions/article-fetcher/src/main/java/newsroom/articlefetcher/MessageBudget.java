package newsroom.articlefetcher;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the article fetcher plans one message's time from what is left of the invocation
 * ({@code Context.getRemainingTimeInMillis()}). A message gets one deadline: at most {@code maxPerMessage}, and never
 * past the invocation's end minus {@code safetyMargin}. Of it, {@code processingReserve} is kept for extraction,
 * normalization, storing and publishing; the rest is the fetch budget (robots.txt, politeness wait, attempts,
 * backoff, reading the body). A message is not started when less than {@code processingReserve + minFetch} would be
 * left: it is reported as a batch item failure instead of being cut off by the Lambda timeout.
 *
 * <p>template.yaml sizes the function by it: {@code BatchSize × maxPerMessage + safetyMargin ≤ Timeout}, so a batch of
 * slow origins still ends inside the timeout (checked by the template tests).
 */
record MessageBudget(Duration maxPerMessage, Duration processingReserve, Duration minFetch, Duration safetyMargin) {

    /**
     * Production: 25 s per message (fetch ≤ 17 s, 8 s for extraction — bounded to 5 s — and the writes), 2 s margin.
     */
    static final MessageBudget DEFAULT = new MessageBudget(Duration.ofSeconds(25), Duration.ofSeconds(8),
            Duration.ofSeconds(3), Duration.ofSeconds(2));

    MessageBudget {
        Objects.requireNonNull(maxPerMessage, "maxPerMessage");
        Objects.requireNonNull(processingReserve, "processingReserve");
        Objects.requireNonNull(minFetch, "minFetch");
        Objects.requireNonNull(safetyMargin, "safetyMargin");
        if (maxPerMessage.compareTo(processingReserve.plus(minFetch)) < 0) {
            throw new IllegalArgumentException("maxPerMessage must hold processingReserve + minFetch");
        }
    }

    /** The least time left that lets a message start. */
    Duration minimumToStart() {
        return processingReserve.plus(minFetch).plus(safetyMargin);
    }

    /**
     * The fetch budget of the next message, or empty when it cannot finish in the time left.
     *
     * @param remainingMillis the invocation's remaining time
     */
    Optional<Duration> fetchBudget(long remainingMillis) {
        Duration usable = Duration.ofMillis(remainingMillis).minus(safetyMargin);
        if (usable.compareTo(processingReserve.plus(minFetch)) < 0) {
            return Optional.empty();
        }
        Duration message = usable.compareTo(maxPerMessage) < 0 ? usable : maxPerMessage;
        return Optional.of(message.minus(processingReserve));
    }
}
