package newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final String USAGE = "usage: cmd FILE [--out DIR] [--count N] [--dry]";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> ran = new ArrayList<>();

    private int run(String... args) {
        return Arguments.run(args, USAGE, Set.of("--out", "--count"), Set.of("--dry"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                arguments -> {
                    ran.add(arguments.single("FILE") + " out=" + arguments.option("--out", "site") + " count="
                            + arguments.intOption("--count", 3, 1, 10) + " dry=" + arguments.flag("--dry"));
                    return 0;
                });
    }

    @Test
    void runsTheCommandWithItsOptionsFlagsAndDefaults() {
        assertThat(run("page.html", "--count=7", "--dry")).isZero();
        assertThat(run("--out", "x", "other.html")).isZero();

        assertThat(ran).containsExactly("page.html out=site count=7 dry=true", "other.html out=x count=3 dry=false");
        assertThat(err.size()).isZero();
    }

    @Test
    void printsTheUsageToOut_forHelp_withoutRunning() {
        assertThat(run("page.html", "-h")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(USAGE + System.lineSeparator());
        assertThat(ran).isEmpty();
    }

    @Test
    void exitsWithTwo_andTheReasonAndUsage_forAnUnknownOption() {
        assertThat(run("page.html", "--bogus")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("unknown option --bogus\n" + USAGE + System.lineSeparator());
        assertThat(ran).isEmpty();
    }

    @Test
    void exitsWithTwo_forAMissingValue_aNumberOutOfRange_orAMissingPositional() {
        assertThat(run("page.html", "--out")).isEqualTo(2);
        assertThat(run("page.html", "--count", "11")).isEqualTo(2);
        assertThat(run("--dry")).isEqualTo(2);
        assertThat(run("a.html", "b.html")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out needs a value")
                .contains("--count must be a whole number 1..10 (got '11')").contains("no FILE given")
                .contains("one FILE expected, got a.html b.html");
        assertThat(ran).isEmpty();
    }

    @Test
    void takesEverythingAfterADoubleDashAsPositional() {
        assertThat(run("--", "--dry")).isZero();

        assertThat(ran).containsExactly("--dry out=site count=3 dry=false");
    }
}
