package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.testing.RepoFiles;

/**
 * The short variant of {@code ./newsroom bench --scale}: 40 feeds over 10 loopback hosts (one slow, one with a
 * Crawl-delay, two answering 429 with Retry-After, one failing feed), the real dispatcher, poll worker and article
 * fetcher against moto and dynalite, three concurrent workers. Wall time is not asserted here (the machine is
 * shared): the bench run in docs/benchmarks.md shows it shrinking with workers.
 */
class ScaleBenchTest {

    @TempDir
    Path work;

    @Test
    void storesEveryArticleOnce_withAtMostOneRequestPerHostAtATime_acrossThreeWorkers() throws Exception {
        ScaleBench.Figures figures = new ScaleBench(RepoFiles.template(), work, System.err)
                .run(40, 10, 2, List.of(3));

        ScaleBench.Run run = figures.runs().get(0);
        assertThat(run.expected()).isEqualTo(39 * 2);
        assertThat(run.stored()).isEqualTo(run.expected());
        assertThat(run.storedTwice()).isZero();
        assertThat(run.maxConcurrentPerHost()).isEqualTo(1);
        assertThat(run.maxSourcesPerInvocation()).isEqualTo(1);
        assertThat(run.pollInvocations()).isEqualTo(40);
        assertThat(run.smallestCrawlDelayGapMs()).isGreaterThanOrEqualTo(
                Math.round(ScaleOrigin.CRAWL_DELAY_SECONDS * 1000));
        assertThat(figures.json()).containsOnlyKeys("sources", "expected", "stored", "storedTwice",
                "maxSourcesPerInvocation", "longestInvocationMs", "maxConcurrentPerHost", "wallMsByWorkers");
    }
}
