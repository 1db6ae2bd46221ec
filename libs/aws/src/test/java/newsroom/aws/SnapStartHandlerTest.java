package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.observe.Telemetry;

class SnapStartHandlerTest {

    private final List<String> logged = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();
    private final Telemetry telemetry = new Telemetry("test", logged::add, Clock.systemUTC());

    private final class Wiring implements FunctionWiring {
        @Override
        public AwsPriming priming() {
            return AwsPriming.none();
        }

        @Override
        public Telemetry telemetry() {
            return telemetry;
        }
    }

    private final class Handler extends SnapStartHandler {
        Handler() {
            super(new Wiring());
        }

        @Override
        protected Map<String, Runnable> warmUps() {
            Map<String, Runnable> steps = new LinkedHashMap<>();
            steps.put("front matter", () -> {
                ran.add("front matter");
                throw new IllegalStateException("no site configuration");
            });
            steps.put("json", () -> ran.add("json"));
            return steps;
        }
    }

    @Test
    void logsAFailingWarmUpWithItsCause_andRunsTheNextSteps_neverThrowing() {
        new Handler().beforeCheckpoint(null);

        assertThat(ran).containsExactly("front matter", "json");
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0)).contains("\"event\":\"priming.incomplete\"", "\"step\":\"front matter\"",
                "\"message\":\"no site configuration\"", "\"stackTrace\":\"java.lang.IllegalStateException");
        assertThat(logged.get(1)).contains("\"event\":\"priming.done\"", "\"failedSteps\":1");
    }
}
