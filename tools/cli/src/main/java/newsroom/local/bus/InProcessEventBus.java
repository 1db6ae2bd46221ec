package newsroom.local.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import software.amazon.event.ruler.Machine;

import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.EventPublisher;

/**
 * The embedded event bus: accepts events like EventBridge, appends each to an event log, and delivers it to the
 * local function whose rule (from {@code template.yaml}, matched with AWS Event Ruler) matches it. Delivery runs
 * in publish order, after the publisher's own work is done (a queue, not recursion), like the asynchronous
 * invocations of the real bus. A target that fails is recorded in the dead-letter log with its reason, as the
 * deployed rules' dead-letter queue would hold it; the publisher is not failed for it.
 */
public final class InProcessEventBus implements EventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Machine machine = new Machine();
    private final Map<String, String> targetOfRule = new LinkedHashMap<>();
    private final Map<String, Consumer<ArticleEvent>> functions = new LinkedHashMap<>();
    private final @Nullable Path eventLog;
    private final @Nullable Path deadLetterLog;
    private final Telemetry telemetry;
    private final Clock clock;
    private final Deque<ArticleEvent> queue = new ArrayDeque<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private boolean delivering;

    /** A record of one delivery attempt, for the CLI summary and tests. */
    public record Delivery(DetailType detailType, String articleId, String rule, String function,
                           @Nullable String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /**
     * @param rules   the template's rules
     * @param logDir  folder for {@code events.jsonl} and {@code dead-letters.jsonl}, or null to keep no logs
     */
    public InProcessEventBus(List<TemplateRules.Rule> rules, @Nullable Path logDir, Telemetry telemetry, Clock clock) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.eventLog = logDir == null ? null : logDir.resolve("events.jsonl");
        this.deadLetterLog = logDir == null ? null : logDir.resolve("dead-letters.jsonl");
        for (TemplateRules.Rule rule : rules) {
            try {
                machine.addRule(rule.name(), rule.patternJson());
            } catch (Exception e) {
                throw new IllegalArgumentException("rule " + rule.name() + " has an invalid pattern: "
                        + e.getMessage(), e);
            }
            targetOfRule.put(rule.name(), rule.targetFunction());
        }
    }

    /** Binds a function's logical id (as in template.yaml) to its local implementation. */
    public InProcessEventBus subscribe(String functionLogicalId, Consumer<ArticleEvent> function) {
        if (!targetOfRule.containsValue(functionLogicalId)) {
            throw new IllegalArgumentException("no rule in template.yaml targets " + functionLogicalId);
        }
        functions.put(functionLogicalId, function);
        return this;
    }

    @Override
    public void publish(List<ArticleEvent> events) {
        for (ArticleEvent event : events) {
            append(eventLog, envelope(event));
            queue.add(event);
        }
        if (delivering) {
            return; // the outer publish call delivers the queue
        }
        delivering = true;
        try {
            while (!queue.isEmpty()) {
                deliver(queue.poll());
            }
        } finally {
            delivering = false;
        }
    }

    /** Every delivery so far, in order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The functions the template's rules send this event to (in rule order), whether or not one is bound. */
    public List<String> routesFor(ArticleEvent event) {
        try {
            List<String> targets = new ArrayList<>();
            for (String rule : machine.rulesForJSONEvent(JSON.writeValueAsString(envelope(event)))) {
                targets.add(targetOfRule.get(rule));
            }
            return targets;
        } catch (Exception e) {
            throw new IllegalStateException("cannot match event " + event.detailType(), e);
        }
    }

    /**
     * Replays the event log the way an EventBridge replay from the bus's archive does (docs/sam.md: Replaying
     * events): each recorded event whose {@code time} is in {@code [from, to)}, oldest first, is delivered again to
     * the functions of the given rules (e.g. {@code ThumbnailFunction.ArticleWithImage}; all rules when empty) whose
     * pattern matches it. Replayed events are not appended to the event log again; what their targets emit is.
     *
     * @return how many recorded events matched one of the rules and were delivered
     * @throws IllegalArgumentException naming a rule the template does not have
     */
    public int replay(Instant from, Instant to, Set<String> rules) {
        for (String rule : rules) {
            if (!targetOfRule.containsKey(rule)) {
                throw new IllegalArgumentException("no rule " + rule + " in template.yaml (rules: "
                        + String.join(", ", targetOfRule.keySet()) + ")");
            }
        }
        if (eventLog == null || !Files.isRegularFile(eventLog)) {
            return 0;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(eventLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eventLog, e);
        }
        int replayed = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            ArticleEvent event;
            Instant time;
            try {
                JsonNode recorded = JSON.readTree(line);
                time = Instant.parse(recorded.path("time").asText());
                @SuppressWarnings("unchecked")
                Map<String, Object> detail = JSON.convertValue(recorded.path("detail"), Map.class);
                event = new ArticleEvent(recorded.path("source").asText(),
                        DetailType.fromWireName(recorded.path("detail-type").asText()), detail);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(eventLog + " has a line that is not a recorded event: " + line, e);
            }
            if (time.isBefore(from) || !time.isBefore(to)) {
                continue;
            }
            delivering = true; // what the targets publish is delivered after this event, as in publish
            try {
                if (deliver(event, rules) > 0) {
                    replayed++;
                }
                while (!queue.isEmpty()) {
                    deliver(queue.poll());
                }
            } finally {
                delivering = false;
            }
        }
        return replayed;
    }

    private void deliver(ArticleEvent event) {
        deliver(event, Set.of());
    }

    /** @return how many rules matched (among {@code onlyRules}, or all when empty) */
    private int deliver(ArticleEvent event, Set<String> onlyRules) {
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(JSON.writeValueAsString(envelope(event)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot match event " + event.detailType(), e);
        }
        matched = matched.stream().filter(r -> onlyRules.isEmpty() || onlyRules.contains(r)).sorted().toList();
        for (String rule : matched) {
            String function = targetOfRule.get(rule);
            Consumer<ArticleEvent> target = functions.get(function);
            if (target == null) {
                continue; // a function not run locally (none today; kept explicit for partial setups)
            }
            try {
                target.accept(event);
                deliveries.add(new Delivery(event.detailType(), event.articleId(), rule, function, null));
            } catch (RuntimeException e) {
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                deliveries.add(new Delivery(event.detailType(), event.articleId(), rule, function, reason));
                Map<String, Object> deadLetter = new LinkedHashMap<>();
                deadLetter.put("rule", rule);
                deadLetter.put("function", function);
                deadLetter.put("reason", reason);
                deadLetter.put("event", envelope(event));
                append(deadLetterLog, deadLetter);
                telemetry.error("event.delivery_failed", Map.of("articleId", event.articleId(), "rule", rule,
                        "reason", reason), e);
                telemetry.count("DlqSends", function);
            }
        }
        return matched.size();
    }

    /** The event as EventBridge delivers it to targets (the shape rules match against). */
    private Map<String, Object> envelope(ArticleEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", event.detailType().wireName());
        envelope.put("source", event.source());
        envelope.put("account", "000000000000");
        envelope.put("time", clock.instant().toString());
        envelope.put("region", "local");
        envelope.put("resources", List.of());
        envelope.put("detail", event.detail());
        return envelope;
    }

    private static void append(@Nullable Path log, Object line) {
        if (log == null) {
            return;
        }
        try {
            Files.createDirectories(log.getParent());
            Files.write(log, (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event is not serializable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + log, e);
        }
    }
}
