import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Step-only A/B of two checkouts in one JVM (see scan-ab.sh): {@code ScanAB PAGES_DIR ROUNDS STEP MODE PROBES_A
 * CLASSES_A PROBES_B CLASSES_B}. MODE {@code parsed}: the step runs on all pages parsed once beforehand (a tree not in
 * cache, as for the word steps' value lists); {@code fresh}: each page is parsed just before each checkout's step (the
 * tree warm, as inside an extraction), parse untimed. Checkouts alternate, order swapped every round; prints each
 * one's median thread CPU ms/page (first quarter of rounds dropped as warm-up) and the median per-round ratio B/A.
 */
public class ScanAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        List<String> pages = new ArrayList<>();
        for (Path page : Files.list(Path.of(args[0])).sorted().toList()) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        int rounds = Integer.parseInt(args[1]);
        String step = args[2];
        boolean fresh = args[3].equals("fresh");
        if (fresh && (step.equals("words") || step.equals("hints"))) {
            throw new IllegalArgumentException("the word steps read their values once: run them with MODE parsed");
        }
        ToLongFunction<Object[]>[] probes = new ToLongFunction[2];
        for (int k = 0; k < 2; k++) {
            List<URL> urls = new ArrayList<>();
            for (String entry : (args[4 + 2 * k] + ":" + args[5 + 2 * k]).split(":")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ScanAB.class.getClassLoader());
            probes[k] = (ToLongFunction<Object[]>) loader.loadClass("newsroom.extract.internal.ScanProbe")
                    .getDeclaredConstructor().newInstance();
        }
        List<Document> parsed = new ArrayList<>();
        if (!fresh) {
            for (String html : pages) {
                parsed.add(parse(html));
            }
        }
        double[][] ms = new double[2][rounds];
        long count = 0;
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < (fresh ? pages.size() : 1); j++) {
                for (int k = 0; k < 2; k++) {
                    int which = round % 2 == 0 ? k : 1 - k;
                    List<Document> documents = fresh ? List.of(parse(pages.get(j))) : parsed;
                    long start = THREADS.getCurrentThreadCpuTime();
                    count += probes[which].applyAsLong(new Object[] {documents, step});
                    ms[which][round] += (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / pages.size();
                }
            }
        }
        int warm = rounds / 4;
        String[] names = {"A", "B"};
        for (int k = 0; k < 2; k++) {
            double[] kept = Arrays.copyOfRange(ms[k], warm, rounds);
            Arrays.sort(kept);
            System.out.printf("%s %s (%s): median %.4f ms/page%n", names[k], step, args[3], kept[kept.length / 2]);
        }
        double[] ratios = new double[rounds - warm];
        for (int round = warm; round < rounds; round++) {
            ratios[round - warm] = ms[1][round] / ms[0][round];
        }
        Arrays.sort(ratios);
        System.out.printf("median per-round ratio B/A %.3f (check %d)%n", ratios[ratios.length / 2], count);
    }

    private static Document parse(String html) {
        return Parser.htmlParser().setMaxDepth(512).parseInput(html, "https://news.example/a");
    }
}
