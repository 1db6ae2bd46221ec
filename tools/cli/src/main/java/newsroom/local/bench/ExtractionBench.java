package newsroom.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jsoup.Jsoup;

import newsroom.core.model.ArticleRejectedException;
import newsroom.extract.ArticleExtractor;
import newsroom.local.eval.BenchmarkDataset;

/**
 * Extraction throughput on the article-extraction-benchmark pages: our {@link ArticleExtractor} (parse, find the
 * article, write Markdown and metadata) against Jsoup parse-only on the same pages (the floor: no extractor on Jsoup
 * can beat it) and Mozilla Readability 0.6.0 on jsdom (the peer, through {@code tools/readability}). Pages are held
 * decompressed in memory, so only extraction is timed. One pass of each per round, in the same order every round.
 * Each Java pass is timed twice: wall time, and the benchmarking thread's CPU time, which other processes on a
 * shared machine do not inflate (neither counts the collector's own threads, so the parse-only floor and the
 * extractor are measured alike).
 */
final class ExtractionBench {

    /**
     * Pages per second per round: {@code jsoupParse} and {@code extractor} by wall time, {@code jsoupParseCpu} and
     * {@code extractorCpu} by the thread's CPU time (pages per CPU second), from the same passes. Readability runs on
     * {@code peerPages} of the pages (every n-th, for time), and {@code extractorOnPeerPages} times our extractor on
     * those same pages in the same rounds, for the ratio; {@code readability} is empty when node could not run it.
     * {@code warmupPasses}: the untimed passes of each Java pass before the timed rounds.
     */
    record Result(int pages, int rejected, int warmupPasses, List<Double> jsoupParse, List<Double> extractor,
                  List<Double> jsoupParseCpu, List<Double> extractorCpu, int peerPages,
                  List<Double> extractorOnPeerPages, List<Double> readability, String peerNote) {
    }

    private record Page(String url, String html, Path file) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long PEER_TIMEOUT_MINUTES = 20;

    private final Path dataset;
    private final Path repo;
    private final PrintStream progress;
    private String lastPeerProblem = "";

    ExtractionBench(Path dataset, Path repo, PrintStream progress) {
        this.dataset = dataset;
        this.repo = repo;
        this.progress = progress;
    }

    /**
     * The untimed passes of each Java pass, in turn, before the timed rounds: at least {@code passes} of each, and
     * until {@code time} has passed. The JIT compiler needs both: the extractor is called per page, so its code is
     * compiled for good only after thousands of pages (on two cores, CPU time per page kept falling for 25-40
     * passes of the 181 pages, while jsoup's parse was flat after a few), and a loaded machine gives the compiler's
     * threads less time per pass. A round timed before that measures the compiler at work.
     */
    record Warmup(Duration time, int passes) {
    }

    /**
     * @param rounds     timed rounds of the Java passes
     * @param warmup     the untimed passes that come first
     * @param peerRounds rounds that also run Readability (each a node process: one untimed and one timed pass)
     * @param peerStep   Readability gets every {@code peerStep}-th page (1: all)
     */
    Result run(int rounds, Warmup warmup, int peerRounds, int peerStep) throws IOException {
        BenchmarkDataset data = BenchmarkDataset.open(dataset);
        List<Page> pages = new ArrayList<>();
        for (BenchmarkDataset.Page page : data.pages().values()) {
            pages.add(new Page(page.url(), data.html(page.id()), data.htmlFile(page.id())));
        }
        ArticleExtractor extractor = new ArticleExtractor();
        progress.println("  extraction: untimed passes for " + warmup.time().toSeconds() + " s and at least "
                + warmup.passes() + " of each");
        long warmupEnd = System.nanoTime() + warmup.time().toNanos();
        int warmupPasses = 0;
        while (warmupPasses < warmup.passes() || System.nanoTime() < warmupEnd) {
            parseAll(pages);
            extractAll(extractor, pages);
            warmupPasses++;
        }
        int rejected = extractAll(extractor, pages).rejected();
        List<Page> peerPages = new ArrayList<>();
        for (int i = 0; i < pages.size(); i += peerStep) {
            peerPages.add(pages.get(i));
        }
        List<Double> parse = new ArrayList<>();
        List<Double> extract = new ArrayList<>();
        List<Double> parseCpu = new ArrayList<>();
        List<Double> extractCpu = new ArrayList<>();
        List<Double> extractInPeerRounds = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        String peerNote = "";
        for (int round = 1; round <= rounds; round++) {
            progress.println("  extraction: round " + round + "/" + rounds);
            Pass parsed = parseAll(pages);
            parse.add(parsed.pagesPerSecond());
            parseCpu.add(parsed.pagesPerCpuSecond());
            Pass extracted = extractAll(extractor, pages);
            extract.add(extracted.pagesPerSecond());
            extractCpu.add(extracted.pagesPerCpuSecond());
            if (round <= peerRounds && peerNote.isEmpty()) {
                Optional<Double> theirs = readability(peerPages);
                if (theirs.isPresent()) {
                    peer.add(theirs.get());
                    extractInPeerRounds.add(extractAll(extractor, peerPages).pagesPerSecond());
                } else {
                    peerNote = lastPeerProblem;
                }
            }
        }
        return new Result(pages.size(), rejected, warmupPasses, parse, extract, parseCpu, extractCpu, peerPages.size(),
                extractInPeerRounds, peer, peerNote);
    }

    private static Pass parseAll(List<Page> pages) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long nodes = 0;
        for (Page page : pages) {
            nodes += Jsoup.parse(page.html(), page.url()).getAllElements().size();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long elapsed = System.nanoTime() - start;
        if (nodes == 0) {
            throw new IllegalStateException("Jsoup parsed no elements: the dataset is empty");
        }
        return new Pass(pages.size() / (elapsed / 1e9), pages.size() / (cpu / 1e9), 0);
    }

    /** One pass: pages per wall-clock second and per second of this thread's CPU time. */
    private record Pass(double pagesPerSecond, double pagesPerCpuSecond, int rejected) {
    }

    private static Pass extractAll(ArticleExtractor extractor, List<Page> pages) {
        int rejected = 0;
        long characters = 0;
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (Page page : pages) {
            try {
                characters += extractor.extract(page.html(), page.url()).body().length();
            } catch (ArticleRejectedException e) {
                rejected++;
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long elapsed = System.nanoTime() - start;
        if (characters == 0) {
            throw new IllegalStateException("the extractor produced no text on any page");
        }
        return new Pass(pages.size() / (elapsed / 1e9), pages.size() / (cpu / 1e9), rejected);
    }

    /** Pages per second of Readability's timed pass (node's own per-page timing), or empty with a note. */
    private Optional<Double> readability(List<Page> pages) throws IOException {
        Path tool = repo.resolve("tools").resolve("readability");
        if (!Files.isRegularFile(tool.resolve("readability-eval.js"))) {
            lastPeerProblem = tool + "/readability-eval.js is missing";
            return Optional.empty();
        }
        if (!Files.isDirectory(tool.resolve("node_modules"))) {
            progress.println("  extraction: installing the pinned Readability + jsdom (npm ci) once");
            if (!runs(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", tool.toString()), tool)) {
                lastPeerProblem = "npm ci failed in " + tool + " (npm and the npm registry are needed)";
                return Optional.empty();
            }
        }
        Path manifest = Files.createTempFile("bench-readability", ".json");
        Path output = Files.createTempFile("bench-readability-out", ".json");
        try {
            ArrayNode list = JSON.createArrayNode();
            int i = 0;
            for (Page page : pages) {
                list.addObject().put("id", "p" + i++).put("url", page.url())
                        .put("file", page.file().toAbsolutePath().toString());
            }
            JSON.writeValue(manifest.toFile(), list);
            if (!runs(List.of("node", tool.resolve("readability-eval.js").toString(), manifest.toString(),
                    output.toString()), tool)) {
                lastPeerProblem = "node could not run " + tool.resolve("readability-eval.js")
                        + " (Node.js 20.19+ is needed)";
                return Optional.empty();
            }
            JsonNode result = JSON.readTree(output.toFile()).path("output");
            double totalMs = 0;
            for (JsonNode page : result) {
                totalMs += page.path("ms").asDouble();
            }
            if (result.size() != pages.size() || totalMs <= 0) {
                lastPeerProblem = "Readability timed " + result.size() + " of " + pages.size() + " pages";
                return Optional.empty();
            }
            return Optional.of(pages.size() / (totalMs / 1000));
        } finally {
            Files.deleteIfExists(manifest);
            Files.deleteIfExists(output);
        }
    }

    private static boolean runs(List<String> command, Path dir) throws IOException {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(PEER_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException cannotStart) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
