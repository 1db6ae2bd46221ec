package newsroom.core.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"), ZoneOffset.UTC);

    private final List<String> lines = new ArrayList<>();

    private JsonNode line(int i) throws Exception {
        return JSON.readTree(lines.get(i));
    }

    @Test
    void everyLineOfAnInvocationCarriesItsIdentifiers_andOnlyTheFirstIsCold() throws Exception {
        Telemetry telemetry = new Telemetry("ingest-api", lines::add, CLOCK);

        telemetry.beginInvocation("req-1", "7", "Root=1-6753a1b0-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;"
                + "Sampled=0");
        telemetry.info("api.answered", Map.of("status", 200));
        telemetry.beginInvocation("req-2", "7", null);
        telemetry.count("ArticlesStored", "api");

        assertThat(lines.get(0)).isEqualTo("{\"timestamp\":\"2026-12-06T04:00:00Z\",\"level\":\"INFO\","
                + "\"service\":\"ingest-api\",\"awsRequestId\":\"req-1\",\"functionVersion\":\"7\",\"coldStart\":true,"
                + "\"xrayTraceId\":\"1-6753a1b0-0123456789abcdef01234567\",\"event\":\"api.answered\",\"status\":200}");
        JsonNode metric = line(1);
        assertThat(metric.path("awsRequestId").asText()).isEqualTo("req-2");
        assertThat(metric.path("coldStart").asBoolean()).isFalse();
        assertThat(metric.has("xrayTraceId")).isFalse();
    }

    @Test
    void logsTheCauseWithItsStackTrace_inTheSameJsonLine() throws Exception {
        Telemetry telemetry = new Telemetry("feed-poller", lines::add, CLOCK);
        IllegalStateException cause = new IllegalStateException("queue unavailable",
                new IOException("connection reset"));

        telemetry.error("source.enqueue-failed", Map.of("source", "news"), cause);

        assertThat(lines).hasSize(1);
        JsonNode error = line(0).path("error");
        assertThat(line(0).path("level").asText()).isEqualTo("ERROR");
        assertThat(error.path("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("message").asText()).isEqualTo("queue unavailable");
        assertThat(error.path("stackTrace").asText())
                .startsWith(IllegalStateException.class.getName() + ": queue unavailable\n\tat "
                        + TelemetryTest.class.getName())
                .contains("Caused by: " + IOException.class.getName() + ": connection reset");
    }

    @Test
    void warnsWithTheCause_andKeepsAtMostMaxFramesPerThrowable() throws Exception {
        Telemetry telemetry = new Telemetry("thumbnail", lines::add, CLOCK);
        RuntimeException deep = new RuntimeException("deep");
        StackTraceElement[] frames = new StackTraceElement[Telemetry.MAX_FRAMES + 5];
        Arrays.setAll(frames, i -> new StackTraceElement("C", "m" + i, "C.java", i));
        deep.setStackTrace(frames);

        telemetry.warn("priming.incomplete", Map.of("step", "s3"), deep);
        telemetry.warn("priming.incomplete", Map.of("step", "s3"), null);

        assertThat(line(0).path("level").asText()).isEqualTo("WARN");
        String trace = line(0).path("error").path("stackTrace").asText();
        assertThat(trace.split("\n\tat ", -1)).hasSize(Telemetry.MAX_FRAMES + 1);
        assertThat(trace).endsWith("\t... 5 more\n");
        assertThat(line(1).has("error")).isFalse();
        assertThat(line(1).path("step").asText()).isEqualTo("s3");
    }

    @Test
    void metricLinesCarryTheFunctionsLogLevel_soFilteringKeepsThem() throws Exception {
        Telemetry quiet = new Telemetry("thumbnail", lines::add, CLOCK, "ERROR");

        quiet.count("FetchErrors", "origin");

        assertThat(line(0).path("level").asText()).isEqualTo("ERROR");
        assertThat(line(0).path("FetchErrors").asInt()).isEqualTo(1);
        assertThat(Telemetry.applicationLogLevel(Map.of("AWS_LAMBDA_LOG_LEVEL", "warn"))).isEqualTo("WARN");
        assertThat(Telemetry.applicationLogLevel(Map.of("AWS_LAMBDA_LOG_LEVEL", "LOUD"))).isEqualTo("INFO");
        assertThat(Telemetry.applicationLogLevel(Map.of())).isEqualTo("INFO");
        assertThatThrownBy(() -> new Telemetry("x", lines::add, CLOCK, "LOUD"))
                .hasMessage("metric level LOUD is not one of [TRACE, DEBUG, INFO, WARN, ERROR, FATAL]");
    }

    @Test
    void metricLinesDefaultToInfo() throws Exception {
        new Telemetry("thumbnail", lines::add, CLOCK).count("DlqSends", null);

        assertThat(line(0).path("level").asText()).isEqualTo("INFO");
        assertThat(line(0).path("Source").asText()).isEqualTo("unknown");
    }
}
