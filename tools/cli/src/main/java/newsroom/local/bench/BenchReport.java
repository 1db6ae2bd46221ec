package newsroom.local.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Prints one benchmark run as Markdown: the machine, a table per measurement with medians and pair-by-pair ratios,
 * and each target as met or missed with the margin.
 */
final class BenchReport {

    private final PrintStream out;

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void print(BenchCommand.Plan plan, String machine, ColdStartBench.@Nullable Figures cold,
               ExtractionBench.Result extraction, FrontMatterBench.Result frontMatter, double seconds) {
        line("## Newsroom Ingest benchmark (%s)", plan == BenchCommand.Plan.QUICK ? "./newsroom bench --quick"
                : "./newsroom bench");
        line("");
        line("Machine: %s. Wall time %.0f s. Medians of the timed rounds; ratios are medians of per-round ratios.",
                machine, seconds);
        line("");
        if (cold != null) {
            coldStart(plan, cold);
        }
        extraction(extraction);
        frontMatter(frontMatter);
        targets(cold, extraction);
    }

    private void coldStart(BenchCommand.Plan plan, ColdStartBench.Figures figures) {
        ColdStartBench.Baseline hello = figures.hello();
        line("### Cold start, warm invocation, SnapStart priming (%d rounds, %d warm invocations each)",
                plan.coldRounds(), plan.warmInvocations());
        line("");
        line("Fresh JVM per start, Lambda Java runtime flags (%s), deployment jar unpacked "
                        + "as in /var/task, runtime interface client against a loopback Runtime API, SDK against a "
                        + "loopback stub. Cold = process start to first answer. Warm = event delivered to answer, "
                        + "later events in the same JVM. First (unprimed / primed) = the first event alone, after "
                        + "init without / with the SnapStart hook.",
                String.join(" ", LambdaChild.LAMBDA_JVM_OPTIONS));
        line("");
        line("| function | cold ms | × hello | classes | jar MB | peak RSS MB | warm ms | first unprimed ms "
                + "| first primed ms | priming speed-up | AWS calls in init+priming per start (writes, all starts) |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        line("| hello-world | %.0f | 1.00 | %d | %.3f | %.0f | %.2f | | | | |", Stats.median(hello.coldMillis()),
                hello.classesLoaded(), mb(hello.jarBytes()), Stats.median(hello.peakRssMb()),
                Stats.median(hello.warmMillis()));
        for (ColdStartBench.Result r : figures.functions()) {
            line("| %s | %.0f | %.2f | %d | %.1f | %.0f | %.2f | %.1f | %.1f | %.2f× | %d (%d) |", r.name(),
                    Stats.median(r.coldMillis()), Stats.medianRatio(r.coldMillis(), r.helloMillis()),
                    r.classesLoaded(), mb(r.jarBytes()), Stats.median(r.peakRssMb()), Stats.median(r.warmMillis()),
                    Stats.median(r.unprimedFirstMillis()), Stats.median(r.primedFirstMillis()),
                    Stats.medianRatio(r.unprimedFirstMillis(), r.primedFirstMillis()), r.primingCalls(),
                    r.primingWrites());
        }
        line("");
        ColdStartBench.Experiments experiments = figures.experiments();
        ColdStartBench.Result api = figures.functions().get(0);
        line("Experiments on ingest-api (typed handler as deployed: %.2f× hello-world):",
                Stats.medianRatio(api.coldMillis(), api.helloMillis()));
        line("- behind a RequestStreamHandler reading the event with the function's own Jackson (StreamIngestApi): "
                        + "cold %.0f ms, %.2f× hello-world; first answer `%s`",
                Stats.median(experiments.streamColdMillis()),
                Stats.medianRatio(experiments.streamColdMillis(), hello.coldMillis()),
                experiments.streamFirstAnswer().replace('`', '\''));
        if (experiments.appCdsColdMillis().isEmpty()) {
            line("- with an AppCDS archive: not measured (the training start left no archive)");
        } else {
            line("- with an AppCDS archive of its classes (-XX:SharedArchiveFile, archive from an untimed training "
                            + "start; the jar on the classpath, as /var/task/lib/*.jar, since CDS does not archive "
                            + "classes from folders): cold %.0f ms, %.2f× hello-world; answer `%s`",
                    Stats.median(experiments.appCdsColdMillis()),
                    Stats.medianRatio(experiments.appCdsColdMillis(), hello.coldMillis()),
                    experiments.appCdsFirstAnswer().replace('`', '\''));
        }
        line("");
        line("First answers (untimed round):");
        for (ColdStartBench.Result r : figures.functions()) {
            line("- %s: `%s`", r.name(), r.firstAnswer().replace('`', '\''));
        }
        line("");
    }

    void extraction(ExtractionBench.Result r) {
        line("### Extraction throughput (%d pages, %d rounds after %d untimed passes)", r.pages(),
                r.extractor().size(), r.warmupPasses());
        line("");
        line("Wall time, and the benchmarking thread's CPU time (what other processes on a shared machine do not "
                + "inflate).");
        line("");
        line("| extractor | pages/s | ratio | pages per CPU second | ratio by CPU time |");
        line("|---|---:|---:|---:|---:|");
        line("| Jsoup parse only (floor) | %.1f | 1.00 | %.1f | 1.00 |", Stats.median(r.jsoupParse()),
                Stats.median(r.jsoupParseCpu()));
        line("| ArticleExtractor | %.1f | %.2f of Jsoup parse | %.1f | %.2f of Jsoup parse |",
                Stats.median(r.extractor()), Stats.medianRatio(r.extractor(), r.jsoupParse()),
                Stats.median(r.extractorCpu()), Stats.medianRatio(r.extractorCpu(), r.jsoupParseCpu()));
        if (r.readability().isEmpty()) {
            line("| Readability 0.6.0 + jsdom | not run | %s | | |",
                    r.peerNote().isEmpty() ? "--no-peer" : r.peerNote());
        } else {
            line("| Readability 0.6.0 + jsdom (runs: %d, pages: %d) | %.1f | ArticleExtractor is %.1f× faster "
                            + "(%.1f pages/s on the same pages) | | |", r.readability().size(), r.peerPages(),
                    Stats.median(r.readability()), Stats.medianRatio(r.extractorOnPeerPages(), r.readability()),
                    Stats.median(r.extractorOnPeerPages()));
        }
        line("");
        line("ArticleExtractor rejected %d of %d pages (timed like the others).", r.rejected(), r.pages());
        line("");
    }

    private void frontMatter(FrontMatterBench.Result r) {
        line("### Front matter normalization (%d documents, %d rounds)", r.documents().size(), r.perSecond().size());
        line("");
        StringBuilder corpus = new StringBuilder();
        for (FrontMatterBench.Document d : r.documents()) {
            corpus.append(corpus.length() == 0 ? "" : ", ").append(d.name()).append(" (").append(d.format())
                    .append(')');
        }
        line("Corpus: %s.", corpus);
        line("");
        line("| normalizations/s (parse + normalize + write) |");
        line("|---:|");
        line("| %.0f |", Stats.median(r.perSecond()));
        line("");
    }

    void targets(ColdStartBench.@Nullable Figures cold, ExtractionBench.Result extraction) {
        line("### Targets");
        line("");
        if (cold != null) {
            for (ColdStartBench.Result r : cold.functions()) {
                double ratio = Stats.medianRatio(r.coldMillis(), r.helloMillis());
                verdict(r.name() + " cold start ≤ " + BenchCommand.COLD_START_TARGET + "× hello-world",
                        ratio <= BenchCommand.COLD_START_TARGET, String.format(Locale.ROOT, "%.2f×", ratio));
                verdict(r.name() + " jar ≤ 10 MB", r.jarBytes() <= BenchCommand.JAR_TARGET_BYTES,
                        String.format(Locale.ROOT, "%.1f MB", mb(r.jarBytes())));
                verdict(r.name() + " priming does no AWS write", r.primingWrites() == 0,
                        r.primingWrites() + " writes");
                verdict(r.name() + " jar answers its event under the runtime client",
                        r.firstAnswer().startsWith("RESPONSE"), r.firstAnswer().split(" ", 2)[0]);
            }
        }
        double share = Stats.medianRatio(extraction.extractorCpu(), extraction.jsoupParseCpu());
        verdict("extraction ≥ 40 % of Jsoup parse-only (thread CPU time)", share >= BenchCommand.PARSE_SHARE_TARGET,
                String.format(Locale.ROOT, "%.0f %% (wall time: %.0f %%)", share * 100,
                        Stats.medianRatio(extraction.extractor(), extraction.jsoupParse()) * 100));
        if (!extraction.readability().isEmpty()) {
            double speedup = Stats.medianRatio(extraction.extractorOnPeerPages(), extraction.readability());
            verdict("extraction ≥ 3× Readability", speedup >= BenchCommand.PEER_SPEEDUP_TARGET,
                    String.format(Locale.ROOT, "%.1f×", speedup));
        }
    }

    /**
     * The hostile-page table: per family and scale the outcome, median CPU and wall time, worst wall time, heap peak
     * and allocation, and the ratios of CPU time and allocation to the previous (half) size; then the targets: every
     * page ends within 5 s (worst wall time) with an article or a code inside the heap, and CPU time grows at most
     * 2.5× per doubling where both sizes were extracted (a page refused before parsing costs a scan of its bytes).
     */
    void pathological(String machine, int rounds, List<PathologicalBench.Row> rows, double seconds) {
        line("## Newsroom Ingest benchmark: hostile pages (./newsroom bench --pathological)");
        line("");
        line("Machine: %s. Wall time %.0f s. Each family in a fresh JVM with %s; every size once untimed, then %d "
                + "timed runs per size. CPU = the extracting thread's CPU time (median), wall = elapsed time (median, "
                + "max). "
                + "Heap peak = heap pools' peak use during the timed runs (live data and not yet collected garbage); "
                + "allocated = bytes allocated by one extraction. Growth = ratio to the previous (half) size.",
                machine, seconds,
                PathologicalBench.HEAP, rounds);
        line("");
        line("| family | scale | size | page KB | outcome | CPU ms | wall ms | max wall ms | CPU growth | heap peak MB "
                + "| allocated MB | allocation growth |");
        line("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        double worstMillis = 0;
        double worstGrowth = 0;
        String worstGrowthAt = "none";
        boolean allClear = true;
        PathologicalBench.Row previous = null;
        for (PathologicalBench.Row row : rows) {
            boolean samefamily = previous != null && previous.family() == row.family();
            double growth = samefamily && previous.medianCpuMillis() > 0
                    ? row.medianCpuMillis() / previous.medianCpuMillis() : Double.NaN;
            double allocationGrowth = samefamily && previous.allocatedMb() > 0
                    ? row.allocatedMb() / previous.allocatedMb() : Double.NaN;
            line("| %s | %d× | %,d %s | %.0f | %s | %.1f | %.1f | %.1f | %s | %.0f | %.1f | %s |", row.family(),
                    row.scale(), row.units(), row.family().unitName(), row.chars() / 1024.0, row.outcome(),
                    row.medianCpuMillis(), row.medianMillis(), row.maxMillis(), ratio(growth), row.peakHeapMb(),
                    row.allocatedMb(), ratio(allocationGrowth));
            worstMillis = Math.max(worstMillis, row.maxMillis());
            allClear &= row.clearOutcome();
            if (samefamily && previous.extracted() && row.extracted() && growth > worstGrowth) {
                worstGrowth = growth;
                worstGrowthAt = row.family() + " " + previous.scale() + "×→" + row.scale() + "×";
            }
            previous = row;
        }
        line("");
        line("### Targets");
        line("");
        verdict("every hostile page ends in an article or a rejection code (nothing thrown escapes)", allClear,
                rows.stream().filter(r -> !r.clearOutcome()).map(r -> r.family() + " " + r.scale() + "×: "
                        + r.outcome()).findFirst().orElse("all " + rows.size() + " pages"));
        verdict("every hostile page within 5 s", worstMillis <= 5000,
                String.format(Locale.ROOT, "slowest run %.0f ms", worstMillis));
        verdict("CPU time ≤ 2.5× per doubling (pages extracted at both sizes)", worstGrowth <= 2.5,
                String.format(Locale.ROOT, "worst %.2f× at %s", worstGrowth, worstGrowthAt));
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f×", value);
    }

    private void verdict(String target, boolean met, String measured) {
        line("- %s: %s (%s)", target, met ? "met" : "MISSED", measured);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
