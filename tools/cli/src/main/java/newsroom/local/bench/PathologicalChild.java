package newsroom.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.sun.management.ThreadMXBean;

import newsroom.core.model.ArticleRejectedException;
import newsroom.extract.ArticleExtractor;
import newsroom.extract.testing.PathologicalPages;
import newsroom.extract.testing.PathologicalPages.Family;

/**
 * The process {@link PathologicalBench} starts per family, with the heap an extraction is promised ({@code -Xmx256m}):
 * extracts the family's page at every scale once untimed, so that every size is then timed with the same compiled
 * code (timing each size right after its own first run let a small page still run partly interpreted, and a doubling
 * read as 3× when it was below 2×), then each scale {@code rounds} times, and prints one line per scale:
 * {@code scale units chars medianCpuMillis medianMillis maxMillis peakHeapMb allocatedMb outcome}. CPU time is the
 * extracting thread's (what the page costs, little disturbed by other load on the machine); wall time is what a caller
 * waits.
 */
final class PathologicalChild {

    private PathologicalChild() {
    }

    public static void main(String[] args) {
        Family family = Family.valueOf(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ArticleExtractor extractor = new ArticleExtractor();
        ThreadMXBean threads =
                (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int scale : PathologicalPages.SCALES) {
            outcome(extractor, PathologicalPages.page(family, scale)); // warm-up; the page is dropped, not held
        }
        for (int scale : PathologicalPages.SCALES) {
            String html = PathologicalPages.page(family, scale);
            System.gc();
            resetHeapPeaks();
            List<Double> millis = new ArrayList<>();
            List<Double> cpuMillis = new ArrayList<>();
            String outcome = "";
            long allocated = 0;
            for (int round = 0; round < rounds; round++) {
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                outcome = outcome(extractor, html);
                millis.add((System.nanoTime() - start) / 1e6);
                cpuMillis.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            }
            System.out.println(String.format(Locale.ROOT, "%d %d %d %.1f %.1f %.1f %.1f %.1f %s", scale,
                    family.units(scale), html.length(), Stats.median(cpuMillis), Stats.median(millis),
                    millis.stream().mapToDouble(Double::doubleValue).max().orElse(0), heapPeakMb(),
                    allocated / (1024.0 * 1024.0), outcome));
        }
    }

    /** "article" with the text length, or the rejection code; anything else thrown is an outcome too, printed. */
    private static String outcome(ArticleExtractor extractor, String html) {
        try {
            return "article:" + extractor.extractArticle(html, "http://news.example/x").content().text().length();
        } catch (ArticleRejectedException e) {
            return e.rejection().code().name();
        } catch (RuntimeException | Error e) {
            return "ESCAPED:" + e.getClass().getSimpleName();
        }
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak use since the reset: live data plus garbage not yet collected. */
    private static double heapPeakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
