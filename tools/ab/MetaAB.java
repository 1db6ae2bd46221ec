import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A/B of two builds' metadata step alone, in one JVM: each build in its own class loader parses every page once
 * with its own jsoup (untimed), then rounds time {@code MetadataExtractor.read} on those pre-parsed documents, page
 * by page, alternating which build reads a page first, so both meet the same load on a shared machine (the thread's
 * CPU time; read leaves the document untouched, so the same documents serve every round; five warm-up rounds are not
 * counted). Prints each build's median CPU ms/page and the median and quartiles of the per-round ratio after / before.
 * Usage: see metaab.sh.
 */
public class MetaAB {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    record Build(String name, Method read, List<Object> documents) {
    }

    static Build load(String name, String classPath, List<String> pages) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(":")) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Method parse = loader.loadClass("org.jsoup.Jsoup").getMethod("parse", String.class, String.class);
        Class<?> document = loader.loadClass("org.jsoup.nodes.Document");
        Method read = loader.loadClass("newsroom.extract.internal.MetadataExtractor")
                .getMethod("read", document, String.class);
        List<Object> documents = new ArrayList<>();
        for (String html : pages) {
            documents.add(parse.invoke(null, html, "https://news.example/a"));
        }
        return new Build(name, read, documents);
    }

    /** CPU ms of one read of page {@code i} by the build. */
    static double time(Build build, int i) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        build.read.invoke(null, build.documents.get(i), "https://news.example/a");
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }

    static double at(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
    }

    public static void main(String[] args) throws Exception {
        List<String> pages = new ArrayList<>();
        for (String folder : args[0].split(":")) {
            for (Path page : Files.list(Path.of(folder)).sorted().toList()) {
                try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                    pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        Build[] builds = {load("before", args[1], pages), load("after", args[2], pages)};
        int pageCount = pages.size();
        int rounds = Integer.parseInt(args[3]);
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int round = -5; round < rounds; round++) {
            // page by page, alternating which build reads first, so that both meet the same load on a shared machine
            double b = 0;
            double a = 0;
            for (int i = 0; i < pageCount; i++) {
                if ((i + round) % 2 == 0) {
                    b += time(builds[0], i);
                    a += time(builds[1], i);
                } else {
                    a += time(builds[1], i);
                    b += time(builds[0], i);
                }
            }
            if (round >= 0) {
                before.add(b / pageCount);
                after.add(a / pageCount);
                ratio.add(a / b);
            }
        }
        Collections.sort(before);
        Collections.sort(after);
        Collections.sort(ratio);
        System.out.printf("%d pages, %d rounds: MetadataExtractor.read CPU ms/page median before %.3f, after %.3f;"
                + " after / before per round: median %.3f (quartiles %.3f-%.3f)%n", pages.size(), rounds,
                at(before, 0.5), at(after, 0.5), at(ratio, 0.5), at(ratio, 0.25), at(ratio, 0.75));
    }
}
