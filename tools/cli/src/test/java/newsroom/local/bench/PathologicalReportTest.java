package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import newsroom.extract.testing.PathologicalPages.Family;

class PathologicalReportTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String print(List<PathologicalBench.Row> rows) {
        new BenchReport(new PrintStream(out, true, StandardCharsets.UTF_8)).pathological("test machine", 5, rows, 1);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PathologicalBench.Row row(Family family, int scale, double cpuMillis, String outcome) {
        return new PathologicalBench.Row(family, scale, family.units(scale), 1024 * scale, cpuMillis, cpuMillis,
                cpuMillis, 10, scale, outcome);
    }

    @Test
    void growthPerDoubling_isJudgedOnlyBetweenSizesThatWereBothExtracted() {
        String report = print(List.of(
                row(Family.LINKS, 1, 100, "article:731"),
                row(Family.LINKS, 2, 240, "article:731"),
                row(Family.LINKS, 4, 1, "PAGE_TOO_COMPLEX"),
                row(Family.LINKS, 8, 3, "PAGE_TOO_COMPLEX")));

        assertThat(report).contains("| LINKS | 2× | 25,000 links | 2 | article:731 | 240.0 | 240.0 | 240.0 | 2.40× |")
                .contains("- CPU time ≤ 2.5× per doubling (pages extracted at both sizes): met (worst 2.40× at "
                        + "LINKS 1×→2×)")
                .contains("- every hostile page within 5 s: met (slowest run 240 ms)");
    }

    @Test
    void aThrowableThatEscaped_missesTheTarget_namingThePage() {
        String report = print(List.of(row(Family.PARAGRAPHS, 1, 6000, "ESCAPED:OutOfMemoryError")));

        assertThat(report).contains("ends in an article or a rejection code (nothing thrown escapes): MISSED "
                + "(PARAGRAPHS 1×: ESCAPED:OutOfMemoryError)").contains("within 5 s: MISSED (slowest run 6000 ms)");
    }
}
