package newsroom.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.core.observe.Telemetry;

/**
 * Captures the JSON lines a {@link Telemetry} writes (a fixed clock), so tests can assert the structured logs and
 * EMF metrics a handler produced.
 */
public final class TelemetryLines {

    /** The clock every test double uses: 2025-02-12T15:10:00Z. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-12T15:10:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final Telemetry telemetry;

    public TelemetryLines(String service) {
        this.telemetry = new Telemetry(service, this::add, CLOCK);
    }

    private synchronized void add(String line) {
        lines.add(line);
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    /** Every line, parsed. */
    public synchronized List<Map<String, Object>> parsed() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (String line : lines) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = JSON.readValue(line, Map.class);
                result.add(map);
            } catch (JsonProcessingException e) {
                throw new AssertionError("telemetry wrote a line that is not JSON: " + line, e);
            }
        }
        return result;
    }

    /** The {@code event} names of the log lines, in order (metric lines excluded). */
    public List<String> events() {
        return parsed().stream().filter(m -> m.containsKey("event")).map(m -> String.valueOf(m.get("event"))).toList();
    }

    /** "Metric Source" for each EMF line, in order, e.g. {@code "ArticlesRejected api"}. */
    public List<String> metrics() {
        List<String> result = new ArrayList<>();
        for (Map<String, Object> m : parsed()) {
            if (m.get("_aws") instanceof Map<?, ?> aws && aws.get("CloudWatchMetrics") instanceof List<?> directives) {
                // the metrics an EMF line declares; its other keys are dimensions and properties (level, ids)
                for (Object directive : directives) {
                    for (Object metric : (List<?>) ((Map<?, ?>) directive).get("Metrics")) {
                        result.add(((Map<?, ?>) metric).get("Name") + " " + m.get("Source"));
                    }
                }
            }
        }
        return result;
    }
}
