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
 * A/B of {@code MainContentFinder.find} alone (see FindStep.java) for two builds in one JVM, each in its own class
 * loader: every page goes through both builds back to back, which one first alternating by page and round, so the
 * load of a shared machine falls on both alike. Prints the median find CPU ms/page of each and the median of the
 * per-round ratio after / before. Usage: see find-ab.sh.
 */
public class FindAB {
    static Method load(String stepClasses, String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(stepClasses).toUri().toURL());
        for (String entry : classPath.split(":")) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        return loader.loadClass("FindStep").getMethod("find", String.class);
    }

    public static void main(String[] args) throws Exception {
        List<String> pages = new ArrayList<>();
        for (Path page : Files.list(Path.of(args[0])).sorted().toList()) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Method[] builds = {load(args[1], args[2]), load(args[3], args[4])};
        for (int warm = 0; warm < 4; warm++) {
            for (String html : pages) {
                for (Method build : builds) {
                    build.invoke(null, html);
                }
            }
        }
        int rounds = Integer.parseInt(args[5]);
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long[] nanos = new long[2];
            for (int k = 0; k < pages.size(); k++) {
                int first = (round + k) % 2;
                nanos[first] += (long) builds[first].invoke(null, pages.get(k));
                nanos[1 - first] += (long) builds[1 - first].invoke(null, pages.get(k));
            }
            before.add(nanos[0] / 1e6 / pages.size());
            after.add(nanos[1] / 1e6 / pages.size());
            ratio.add((double) nanos[1] / nanos[0]);
        }
        Collections.sort(before);
        Collections.sort(after);
        Collections.sort(ratio);
        System.out.printf("find CPU ms/page median: before %.3f, after %.3f; per-round after / before median %.3f"
                + " (min %.3f, max %.3f), %d rounds%n", before.get(rounds / 2), after.get(rounds / 2),
                ratio.get(rounds / 2), ratio.get(0), ratio.get(rounds - 1), rounds);
    }
}
