package newsroom.core.observe;

import java.time.Clock;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * Structured logs and metrics, one JSON line per event. Log lines carry an event name and identifiers (article id,
 * source, version) — never article bodies, never secrets. Metrics are CloudWatch Embedded Metric Format lines, so on
 * Lambda they become metrics without an API call; locally they go to the same sink.
 *
 * <p>The sink is given once at the edge: stdout on Lambda (with the JSON log format each line is kept as is), a log
 * file for the CLI, a list in tests.
 *
 * <p>On Lambda, a handler calls {@link #beginInvocation} first: every line of that invocation then carries
 * {@code awsRequestId}, {@code functionVersion}, {@code coldStart} and {@code xrayTraceId}. Lambda runs one
 * invocation at a time per execution environment, so the identifiers are per instance, not per thread. Metric
 * lines carry the {@code level} Lambda's log-level filtering lets through (a line without one counts as INFO and
 * would be dropped under {@code ApplicationLogLevel: WARN}).
 */
public final class Telemetry {

    /** CloudWatch namespace of every metric. */
    public static final String NAMESPACE = "NewsroomIngest";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Lambda's application log levels, most detailed first ({@code AWS_LAMBDA_LOG_LEVEL}). */
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    /** Frames kept per throwable of a logged cause chain. */
    static final int MAX_FRAMES = 30;

    private final Consumer<String> sink;
    private final Clock clock;
    private final String service;
    private final String metricLevel;
    private volatile Map<String, Object> invocation = Map.of();
    private volatile boolean invokedBefore;

    public Telemetry(String service, Consumer<String> sink, Clock clock) {
        this(service, sink, clock, "INFO");
    }

    /**
     * @param metricLevel the level of metric lines: the function's application log level, so filtering never drops
     *                    them; one of {@link #LEVELS}
     */
    public Telemetry(String service, Consumer<String> sink, Clock clock, String metricLevel) {
        this.service = Objects.requireNonNull(service, "service");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!LEVELS.contains(metricLevel)) {
            throw new IllegalArgumentException("metric level " + metricLevel + " is not one of " + LEVELS);
        }
        this.metricLevel = metricLevel;
    }

    /** Writes to standard output: what Lambda captures. */
    public static Telemetry stdout(String service) {
        return new Telemetry(service, System.out::println, Clock.systemUTC());
    }

    /**
     * Standard output, with metric lines at the function's application log level ({@code AWS_LAMBDA_LOG_LEVEL},
     * which Lambda sets from {@code LoggingConfig.ApplicationLogLevel}; INFO when absent or unknown).
     */
    public static Telemetry lambda(String service, Map<String, String> env) {
        return new Telemetry(service, System.out::println, Clock.systemUTC(), applicationLogLevel(env));
    }

    /** {@code AWS_LAMBDA_LOG_LEVEL} as one of {@link #LEVELS}; INFO when absent or unknown (Lambda's default). */
    static String applicationLogLevel(Map<String, String> env) {
        String level = env.getOrDefault("AWS_LAMBDA_LOG_LEVEL", "INFO").trim().toUpperCase(Locale.ROOT);
        return LEVELS.contains(level) ? level : "INFO";
    }

    /**
     * Starts an invocation: the lines that follow carry its identifiers (null ones are left out) and
     * {@code coldStart}, true for the first invocation this instance sees (after a SnapStart restore too).
     *
     * @param traceHeader the X-Ray trace header ({@code Root=1-…;Parent=…;Sampled=0}) or null; its Root is logged
     */
    public void beginInvocation(@Nullable String awsRequestId, @Nullable String functionVersion,
                                @Nullable String traceHeader) {
        Map<String, Object> ids = new LinkedHashMap<>();
        if (awsRequestId != null) {
            ids.put("awsRequestId", awsRequestId);
        }
        if (functionVersion != null) {
            ids.put("functionVersion", functionVersion);
        }
        ids.put("coldStart", !invokedBefore);
        invokedBefore = true;
        String traceId = traceRoot(traceHeader);
        if (traceId != null) {
            ids.put("xrayTraceId", traceId);
        }
        invocation = Collections.unmodifiableMap(ids);
    }

    private static String traceRoot(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return part.substring("Root=".length());
            }
        }
        return header.contains("=") ? null : header;
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

    /**
     * An error with its cause: an {@code error} field holding the cause's type, message and stack trace (bounded,
     * {@link #stackTrace}) goes in the same JSON line, never to stderr. A null cause logs the fields alone.
     */
    public void error(String event, Map<String, ?> fields, Throwable cause) {
        log("ERROR", event, withCause(fields, cause));
    }

    /** A warning with its cause, written as {@link #error(String, Map, Throwable)} writes it. */
    public void warn(String event, Map<String, ?> fields, Throwable cause) {
        log("WARN", event, withCause(fields, cause));
    }

    private static Map<String, ?> withCause(Map<String, ?> fields, Throwable cause) {
        if (cause == null) {
            return fields;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", cause.getClass().getName());
        error.put("message", String.valueOf(cause.getMessage()));
        error.put("stackTrace", stackTrace(cause));
        Map<String, Object> withCause = new LinkedHashMap<>(fields);
        withCause.put("error", error);
        return withCause;
    }

    /**
     * The trace as {@code printStackTrace} writes it, but at most {@value #MAX_FRAMES} frames per throwable so
     * that every cause of the chain fits in one log line.
     */
    static String stackTrace(Throwable error) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            text.append(t == error ? "" : "Caused by: ").append(t).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                text.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > MAX_FRAMES) {
                text.append("\t... ").append(frames.length - MAX_FRAMES).append(" more\n");
            }
        }
        return text.toString();
    }

    private void log(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("service", service);
        line.putAll(invocation);
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
        line.put("level", metricLevel);
        line.putAll(invocation);
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
