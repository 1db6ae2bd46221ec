package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownArgument_isAUsageError() {
        assertThat(run("--fast")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --fast").contains("usage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void optionWithoutItsValue_isAUsageError() {
        assertThat(run("--dataset")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dataset needs a value");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(BenchCommand.USAGE);
    }

    @Test
    void aMissingDataset_failsWithItsPath_notAStackTrace() {
        assertThat(run("--no-cold", "--no-peer", "--dataset", "/nonexistent/bench-data")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bench failed")
                .contains("/nonexistent/bench-data").doesNotContain("\tat ");
    }

    @Test
    void findsTheRepositoryAboveTheWorkingDirectory() {
        assertThat(BenchCommand.findRepo().resolve("template.yaml")).exists();
    }

    @Test
    void machineLineNamesCpusCpuModelAndJava() {
        assertThat(BenchCommand.machine()).contains(Runtime.getRuntime().availableProcessors() + " CPUs (nproc)")
                .contains("Java " + System.getProperty("java.runtime.version"));
    }
}
