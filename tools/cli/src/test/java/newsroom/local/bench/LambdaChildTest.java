package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.local.invoke.RuntimeClasspath;
import newsroom.local.runtime.LocalRuntimeApi;

/** The harness end to end: a child JVM under the real runtime interface client, talking to LocalRuntimeApi. */
class LambdaChildTest {

    @TempDir
    Path dir;

    private List<Path> helloClasspath() {
        List<Path> classpath = new ArrayList<>(RuntimeClasspath.locate());
        classpath.add(BenchJars.explode(BenchJars.classes(dir.resolve("hello.jar"), List.of(HelloHandler.class)),
                dir.resolve("task")));
        return classpath;
    }

    private LambdaChild launcher() {
        return new LambdaChild(Path.of(System.getProperty("java.home"), "bin", "java"), dir);
    }

    @Test
    void helloWorldAnswersTheColdEventAndEveryWarmOne_underTheRealRuntimeClient() {
        LambdaChild.Run run = launcher().run("hello", helloClasspath(), HelloHandler.class.getName(),
                Map.of("HOME", dir.toString()), "{\"name\":\"bench\"}".getBytes(StandardCharsets.UTF_8), 2, true);

        assertThat(run.firstOutcome().kind()).isEqualTo(LocalRuntimeApi.Outcome.Kind.RESPONSE);
        assertThat(run.firstOutcome().body()).isEqualTo("\"hello bench\"");
        assertThat(run.warmMillis()).hasSize(2);
        assertThat(run.coldMillis()).isGreaterThan(run.firstMillis());
        assertThat(run.classesLoaded()).isGreaterThan(1000);
        assertThat(run.peakRssKb()).isPositive();
    }

    @Test
    void aHandlerThatCannotBeLoaded_answersWithAFunctionErrorNamingIt() {
        LambdaChild.Run run = launcher().run("missing", helloClasspath(), "newsroom.local.bench.NoSuchHandler",
                Map.of("HOME", dir.toString()), "{}".getBytes(StandardCharsets.UTF_8), 0, false);

        assertThat(run.firstOutcome().kind()).isEqualTo(LocalRuntimeApi.Outcome.Kind.FUNCTION_ERROR);
        assertThat(run.firstOutcome().body()).contains("newsroom.local.bench.NoSuchHandler");
    }
}
