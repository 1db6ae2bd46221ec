package newsroom.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import newsroom.extract.testing.PathologicalPages;
import newsroom.extract.testing.PathologicalPages.Family;

/**
 * Extraction of the generated hostile pages ({@link PathologicalPages}): per family and scale, the outcome, the time
 * (CPU and wall, median of the timed runs; worst wall), the heap's peak use and the bytes allocated, each family in a
 * fresh JVM limited to the heap an extraction is promised, {@value #HEAP}.
 */
final class PathologicalBench {

    static final String HEAP = "-Xmx256m";
    private static final long FAMILY_TIMEOUT_MINUTES = 10;

    /** One page: its family and scale, size, outcome ("article:N" characters, or a rejection code) and figures. */
    record Row(Family family, int scale, int units, int chars, double medianCpuMillis, double medianMillis,
               double maxMillis, double peakHeapMb, double allocatedMb, String outcome) {

        boolean extracted() {
            return outcome.startsWith("article:");
        }

        boolean clearOutcome() {
            return extracted() || outcome.matches("[A-Z_]+");
        }
    }

    private final PrintStream progress;

    PathologicalBench(PrintStream progress) {
        this.progress = progress;
    }

    /** Runs every family; {@code rounds} timed runs per page. */
    List<Row> run(int rounds) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        List<Row> rows = new ArrayList<>();
        for (Family family : Family.values()) {
            progress.println("  pathological: " + family);
            Process child = new ProcessBuilder(java, HEAP, "-cp", classPath, PathologicalChild.class.getName(),
                    family.name(), Integer.toString(rounds)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output;
            try {
                output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!child.waitFor(FAMILY_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    child.destroyForcibly();
                    throw new IOException(family + " did not finish in " + FAMILY_TIMEOUT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while measuring " + family, e);
            }
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            if (child.exitValue() != 0 || lines.size() != PathologicalPages.SCALES.size()) {
                throw new IOException(family + ": the measuring process exited " + child.exitValue() + " after "
                        + lines.size() + " of " + PathologicalPages.SCALES.size() + " pages");
            }
            for (String line : lines) {
                String[] f = line.split(" ", 9);
                rows.add(new Row(family, Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7]), f[8]));
            }
        }
        return rows;
    }
}
