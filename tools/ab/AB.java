import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A/B of two builds of the extractor in one JVM: each build in its own class loader, alternating rounds over the
 * 181 pages of the article-extraction benchmark, the extracting thread's CPU time. Prints, per build, the median
 * extraction / Jsoup parse-only throughput ratio (parse-only measured in the same round, with the same build's
 * jsoup) and the median extraction CPU ms per page, after {@value #WARM_UP_SECONDS} s of untimed rounds. Usage: see
 * ab.sh.
 */
public class AB {
    private static final long WARM_UP_SECONDS = 30;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    record Build(String name, Method parse, Object extractor, Method extract) {
    }

    static Build load(String name, String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(":")) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Method parse = loader.loadClass("org.jsoup.Jsoup").getMethod("parse", String.class, String.class);
        Class<?> extractor = loader.loadClass("newsroom.extract.ArticleExtractor");
        return new Build(name, parse, extractor.getConstructor().newInstance(),
                extractor.getMethod("extractArticle", String.class, String.class));
    }

    static double pass(Build build, List<String> pages, boolean extract) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        for (String html : pages) {
            if (extract) {
                build.extract.invoke(build.extractor, html, "https://news.example/a");
            } else {
                build.parse.invoke(null, html, "https://news.example/a");
            }
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }

    public static void main(String[] args) throws Exception {
        List<String> pages = new ArrayList<>();
        for (Path page : Files.list(Path.of(args[0])).sorted().toList()) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Build[] builds = {load("before", args[1]), load("after", args[2])};
        // untimed rounds for WARM_UP_SECONDS (at least three): the JIT compiler takes 10-25 passes over the pages to
        // bring the extractor to its steady state (jsoup's parse, a few), so early rounds would time the compiler
        long warmUpEnd = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        for (int warm = 0; warm < 3 || System.nanoTime() < warmUpEnd; warm++) {
            for (Build build : builds) {
                pass(build, pages, false);
                pass(build, pages, true);
            }
        }
        int rounds = Integer.parseInt(args[3]);
        Map<String, List<Double>> ratio = new LinkedHashMap<>();
        Map<String, List<Double>> msPerPage = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            Build[] order = round % 2 == 0 ? builds : new Build[] {builds[1], builds[0]};
            for (Build build : order) {
                double parse = pass(build, pages, false);
                double extract = pass(build, pages, true);
                ratio.computeIfAbsent(build.name, k -> new ArrayList<>()).add(parse / extract);
                msPerPage.computeIfAbsent(build.name, k -> new ArrayList<>()).add(extract / pages.size());
            }
        }
        for (Build build : builds) {
            List<Double> r = ratio.get(build.name);
            List<Double> ms = msPerPage.get(build.name);
            Collections.sort(r);
            Collections.sort(ms);
            System.out.printf("%s: extraction / parse-only throughput median %.3f (min %.3f, max %.3f);"
                    + " extraction CPU ms/page median %.2f%n", build.name, r.get(r.size() / 2), r.get(0),
                    r.get(r.size() - 1), ms.get(ms.size() / 2));
        }
    }
}
