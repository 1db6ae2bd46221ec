package newsroom.core.observe;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Structured logs and metrics, one JSON line per event. Log lines carry an event name and identifiers (article id,
 * source, version) — never article bodies, never secrets. Metrics are CloudWatch Embedded Metric Format lines, so on
 * Lambda they become metrics without an API call; locally they go to the same sink.
 *
 * <p>The sink is given once at the edge: stdout on Lambda (with the JSON log format each line is kept as is), a log
 * file for the CLI, a list in tests.
 */
public final class Telemetry {

    /** CloudWatch namespace of every metric. */
    public static final String NAMESPACE = "NewsroomIngest";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> sink;
    private final Clock clock;
    private final String service;

    public Telemetry(String service, Consumer<String> sink, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes to standard output: what Lambda captures. */
    public static Telemetry stdout(String service) {
        return new Telemetry(service, System.out::println, Clock.systemUTC());
    }

    /** Discards everything (for callers that report results themselves). */
    public static Telemetry silent() {
        return new Telemetry("silent", line -> { }, Clock.systemUTC());
    }

    public void info(String event, Map<String, ?> fields) {
        log("INFO", event, fields);
    }

    public void warn(String event, Map<String, ?> fields) {
        log("WARN", event, fields);
    }

    public void error(String event, Map<String, ?> fields) {
        log("ERROR", event, fields);
    }

    private void log(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("service", service);
        line.put("event", event);
        line.putAll(fields);
        sink.accept(toJson(line));
    }

    /**
     * Counts one occurrence of {@code metric} for {@code source} as an EMF line (dimensions: Service, Source).
     * Metric names: ArticlesStored, ArticlesUpdated, ArticlesUnchanged, ArticlesRejected, FetchErrors, DlqSends, …
     */
    public void count(String metric, String source) {
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", clock.millis());
        aws.put("CloudWatchMetrics", List.of(Map.of(
                "Namespace", NAMESPACE,
                "Dimensions", List.of(List.of("Service", "Source")),
                "Metrics", List.of(Map.of("Name", metric, "Unit", "Count")))));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", aws);
        line.put("Service", service);
        line.put("Source", source == null ? "unknown" : source);
        line.put(metric, 1);
        sink.accept(toJson(line));
    }

    private static String toJson(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"event\":\"telemetry.unserializable\"}";
        }
    }
}
