package newsroom.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import newsroom.discovery.SourcesFileLoader;
import newsroom.local.Arguments;
import newsroom.local.UsageException;

/**
 * {@code ./newsroom bench [--quick]}: cold start, warm invocation and SnapStart priming of every function against a
 * hello-world handler; extraction throughput against Jsoup parse-only and Readability; front matter normalizations
 * per second. Prints Markdown tables with medians of the timed rounds and ratios taken pair by pair within a round
 * (see {@link Stats}), then the targets met or missed. {@code --quick} finishes in under two minutes on two cores.
 */
public final class BenchCommand {

    public static final String USAGE = String.join("\n",
            "usage: newsroom bench [--quick] [--no-cold] [--no-peer] [--keep DIR] [--dataset DIR] [--repo DIR]",
            "       newsroom bench --pathological",
            "       newsroom bench --scale [--sources N] [--json FILE]",
            "  --quick        fewer rounds (3), invocations and Readability pages (every 4th): under two minutes",
            "  --no-cold      skip cold start, warm invocation and priming (they need the built function jars)",
            "  --no-peer      skip Mozilla Readability (needs Node.js 20.19+ and npm)",
            "  --keep DIR     keep each function process's output and loaded-class list (with uptimes) in DIR",
            "  --dataset DIR  the article-extraction-benchmark folder (default: shared/data/... beside the repository)",
            "  --repo DIR     the repository (default: found from the working directory or this program's jar)",
            "  --pathological only the hostile-page table: eight generated families at 1x, 2x, 4x, 8x size, each",
            "                 family in a fresh JVM with -Xmx256m (about two minutes on two cores)",
            "  --scale        fan-out polling at scale: N feeds (default 1000, 3 items each) on 50 loopback hosts,",
            "                 the real dispatcher, poll worker and article fetcher against moto and dynalite with",
            "                 1, 2 and 4 workers; exit 1 when a must-hold is missed (docs/benchmarks.md: Scale test)",
            "  --sources N    number of feeds of --scale",
            "  --json FILE    also write the --scale figures as JSON");

    static final double COLD_START_TARGET = 2.5;
    static final double PARSE_SHARE_TARGET = 0.40;
    static final double PEER_SPEEDUP_TARGET = 3.0;
    static final long JAR_TARGET_BYTES = 10L * 1024 * 1024;
    /** Timed runs per hostile page (after one untimed run of every size of its family). */
    static final int PATHOLOGICAL_ROUNDS = 5;

    /** Rounds and sizes of one benchmark run. */
    record Plan(int coldRounds, int warmInvocations, int extractionRounds, ExtractionBench.Warmup extractionWarmup,
                int peerRounds, int peerStep, int frontMatterRounds, int frontMatterIterations) {
        static final Plan QUICK = new Plan(3, 10, 3, new ExtractionBench.Warmup(Duration.ofSeconds(5), 2), 1, 4, 3,
                200);
        static final Plan FULL = new Plan(7, 30, 11, new ExtractionBench.Warmup(Duration.ofSeconds(30), 40), 3, 1, 7,
                1000);
    }

    private BenchCommand() {
    }

    /** Runs the benchmark; 0 when it ran (targets missed are reported, not failed), 1 on failure, 2 on usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Arguments.run(args, USAGE, Set.of("--sources", "--json", "--dataset", "--repo", "--keep"),
                Set.of("--scale", "--quick", "--pathological", "--no-cold", "--no-peer"), out, err,
                arguments -> run(arguments, out, err));
    }

    private static int run(Arguments arguments, PrintStream out, PrintStream err) {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("bench: unknown argument '" + arguments.positional().get(0) + "'");
        }
        Plan plan = arguments.flag("--quick") ? Plan.QUICK : Plan.FULL;
        boolean cold = !arguments.flag("--no-cold");
        boolean peer = !arguments.flag("--no-peer");
        Path dataset = path(arguments.option("--dataset"));
        Path repo = path(arguments.option("--repo"));
        Path keep = path(arguments.option("--keep"));
        boolean pathological = arguments.flag("--pathological");
        boolean scale = arguments.flag("--scale");
        int sources = arguments.intOption("--sources", ScaleBench.DEFAULT_SOURCES, 1, SourcesFileLoader.MAX_SOURCES);
        Path json = path(arguments.option("--json"));
        if (pathological) {
            return measurePathological(out, err);
        }
        if (scale) {
            return measureScale(repo, sources, json, out, err);
        }
        try {
            Path root = repo != null ? repo : findRepo();
            Path shared = findShared(root);
            Path data = dataset != null ? dataset : shared.resolve("data").resolve("article-extraction-benchmark");
            return measure(plan, cold, peer, root, shared, data, keep, out, err);
        } catch (IOException | RuntimeException e) {
            err.println("newsroom: bench failed: " + e.getMessage());
            return 1;
        }
    }

    /** An option's path, absolute and normalized; null when the option is absent. */
    private static @Nullable Path path(@Nullable String option) {
        return option == null ? null : Path.of(option).toAbsolutePath().normalize();
    }

    private static int measure(Plan plan, boolean cold, boolean peer, Path repo, Path shared, Path dataset,
                               @Nullable Path keep, PrintStream out, PrintStream err) throws IOException {
        long started = System.nanoTime();
        Path work = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("newsroom-bench");
        try {
            err.println("newsroom bench: " + (plan == Plan.QUICK ? "quick" : "full") + " run, repository " + repo);
            ColdStartBench.Figures figures = cold
                    ? new ColdStartBench(repo, work, err).run(plan.coldRounds(), plan.warmInvocations()) : null;
            ExtractionBench.Result extraction = new ExtractionBench(dataset, repo, err)
                    .run(plan.extractionRounds(), plan.extractionWarmup(), peer ? plan.peerRounds() : 0,
                            plan.peerStep());
            FrontMatterBench.Result frontMatter = new FrontMatterBench(FrontMatterBench.corpusFiles(repo, shared), err)
                    .run(plan.frontMatterRounds(), plan.frontMatterIterations());
            double seconds = (System.nanoTime() - started) / 1e9;
            new BenchReport(out).print(plan, machine(), figures, extraction, frontMatter, seconds);
            return 0;
        } finally {
            if (keep == null) {
                deleteTree(work);
            } else {
                err.println("newsroom bench: function logs and class lists kept in " + keep);
            }
        }
    }

    private static int measurePathological(PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        try {
            err.println("newsroom bench: hostile pages, " + PATHOLOGICAL_ROUNDS + " timed runs per page");
            List<PathologicalBench.Row> rows = new PathologicalBench(err).run(PATHOLOGICAL_ROUNDS);
            new BenchReport(out).pathological(machine(), PATHOLOGICAL_ROUNDS, rows,
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("newsroom bench failed: " + e.getMessage());
            return 1;
        }
    }

    private static int measureScale(@Nullable Path repo, int sources, @Nullable Path json, PrintStream out,
                                    PrintStream err) {
        long started = System.nanoTime();
        try {
            Path root = repo != null ? repo : findRepo();
            Path work = Files.createTempDirectory("newsroom-scale");
            try {
                err.println("newsroom bench: scale test, " + sources + " sources");
                ScaleBench.Figures figures = new ScaleBench(root.resolve("template.yaml"), work, err)
                        .run(sources, ScaleBench.DEFAULT_HOSTS, ScaleBench.DEFAULT_ITEMS, List.of(1, 2, 4));
                out.println("Machine: " + machine());
                out.println();
                figures.print(out);
                out.printf(Locale.ROOT, "%nTotal: %.0f s%n", (System.nanoTime() - started) / 1e9);
                if (json != null) {
                    figures.writeJson(json);
                }
                return figures.mustHoldsMet() ? 0 : 1;
            } finally {
                deleteTree(work);
            }
        } catch (IOException | RuntimeException e) {
            err.println("newsroom bench failed: " + e);
            return 1;
        }
    }

    /** nproc, CPU model, Java and OS, as one line. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: leave the model unknown
        }
        return String.format(Locale.ROOT, "%d CPUs (nproc), %s, Java %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The repository: the first folder holding template.yaml and functions/ above the working directory or jar. */
    static Path findRepo() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException e) {
            // the working directory is enough
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("cannot find the repository (template.yaml and functions/) above "
                + starts + "; pass --repo DIR");
    }

    /**
     * The shared data folder: the first {@code shared/} beside the repository or one of its parents; when there is
     * none, the (missing) one beside the repository, so that what needs it fails naming that path.
     */
    static Path findShared(Path repo) {
        for (Path dir = repo; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return repo.resolveSibling("shared");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
