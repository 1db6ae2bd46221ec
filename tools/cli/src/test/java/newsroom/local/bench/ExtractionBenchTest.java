package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.testing.RepoFiles;

class ExtractionBenchTest {

    private static final int PAGES = 12;

    /** The first {@link #PAGES} pages of the shared benchmark, as a dataset of their own (for time). */
    private static Path smallDataset(Path folder) throws Exception {
        Path shared = RepoFiles.shared("data/article-extraction-benchmark");
        ObjectMapper json = new ObjectMapper();
        ObjectNode labels = json.createObjectNode();
        Files.createDirectories(folder.resolve("html"));
        Iterator<Map.Entry<String, JsonNode>> pages = json.readTree(shared.resolve("ground-truth.json").toFile())
                .fields();
        while (labels.size() < PAGES && pages.hasNext()) {
            Map.Entry<String, JsonNode> page = pages.next();
            labels.set(page.getKey(), page.getValue());
            Path html = Path.of("html", page.getKey() + ".html.gz");
            Files.copy(shared.resolve(html), folder.resolve(html));
        }
        json.writeValue(folder.resolve("ground-truth.json").toFile(), labels);
        return folder;
    }

    @Test
    void eachRoundIsTimedByWallAndThreadCpu_andNoPassUsesMoreCpuThanWallTime(@TempDir Path folder)
            throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ExtractionBench.Result result = new ExtractionBench(smallDataset(folder), Path.of("."),
                new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run(2, new ExtractionBench.Warmup(Duration.ZERO, 3), 0, 1);

        assertThat(result.pages()).isEqualTo(PAGES);
        assertThat(result.warmupPasses()).isEqualTo(3);
        assertThat(result.jsoupParseCpu()).hasSize(2).allSatisfy(perSecond -> assertThat(perSecond).isPositive());
        assertThat(result.extractorCpu()).hasSize(2).allSatisfy(perSecond -> assertThat(perSecond).isPositive());
        // one thread's CPU time never exceeds the wall time of the same pass, so per CPU second at least as many
        // pages pass as per wall second (1 % for the clocks' granularity). No claim on which pass is faster: the
        // extractor parses a page emptied of what it never reads (UnreadMarkup), so on a few pages in a cold JVM it
        // can beat the floor's parse of the whole page
        assertThat(Stats.pairRatios(result.jsoupParseCpu(), result.jsoupParse()))
                .allSatisfy(ratio -> assertThat(ratio).isGreaterThan(0.99));
        assertThat(Stats.pairRatios(result.extractorCpu(), result.extractor()))
                .allSatisfy(ratio -> assertThat(ratio).isGreaterThan(0.99));
        assertThat(result.readability()).isEmpty();
    }

    @Test
    void theTargetIsJudgedOnThreadCpu_andTheWallTimeRatioIsPrintedBesideIt() {
        ExtractionBench.Result result = new ExtractionBench.Result(181, 0, 30, List.of(400.0, 420.0),
                List.of(120.0, 160.0), List.of(1000.0, 1000.0), List.of(410.0, 430.0), 0, List.of(), List.of(), "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchReport report = new BenchReport(new PrintStream(out, true, StandardCharsets.UTF_8));

        report.extraction(result);
        report.targets(null, result);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("### Extraction throughput (181 pages, 2 rounds after 30 untimed passes)")
                .contains("| ArticleExtractor | 140.0 | 0.34 of Jsoup parse | 420.0 | 0.42 of Jsoup parse |")
                .contains("- extraction ≥ 40 % of Jsoup parse-only (thread CPU time): met (42 % (wall time: 34 %))");
    }
}
