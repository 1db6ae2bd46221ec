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
 * A/B of one extraction step alone (see Steps.java) for two checkouts in one JVM, each in its own class loader with
 * its own copy of Steps: every page goes through both builds back to back, which one first alternating by page and
 * round, so the load of a shared machine falls on both alike (timing whole rounds of each build in turn swung by
 * ±25 % per round here; interleaving pages keeps the per-round ratios within a few per cent). The first fifth of the
 * rounds (at least 3) warm up and are not counted. Prints each build's median CPU ms/page of the step and the median
 * and quartiles of the per-round ratio after / before. Usage: see step-ab.sh.
 */
public class StepAB {

    record Build(Method time, List<Object> pages) {
    }

    static Build load(String stepsClasses, String classPath, String step, List<String> html) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(stepsClasses).toUri().toURL());
        for (String entry : classPath.split(":")) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Class<?> steps = loader.loadClass("newsroom.extract.internal.Steps");
        Method prepare = steps.getMethod("prepare", String.class, String.class);
        List<Object> pages = new ArrayList<>();
        for (String page : html) {
            pages.add(prepare.invoke(null, step, page));
        }
        return new Build(steps.getMethod("time", String.class, Object.class), pages);
    }

    static double at(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
    }

    public static void main(String[] args) throws Exception {
        List<String> html = new ArrayList<>();
        for (String folder : args[0].split(":")) {
            for (Path page : Files.list(Path.of(folder)).sorted().toList()) {
                try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                    html.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        String step = args[1];
        int rounds = Integer.parseInt(args[2]);
        Build[] builds = {load(args[3], args[4], step, html), load(args[5], args[6], step, html)};
        int warmUp = Math.max(3, rounds / 5);
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        int timed = 0;
        for (int round = -warmUp; round < rounds; round++) {
            long[] nanos = new long[2];
            timed = 0;
            for (int k = 0; k < html.size(); k++) {
                if (builds[0].pages.get(k) == null || builds[1].pages.get(k) == null) {
                    continue; // no content on this page in one build: nothing to render or check
                }
                int first = Math.floorMod(round + k, 2);
                nanos[first] += (long) builds[first].time.invoke(null, step, builds[first].pages.get(k));
                nanos[1 - first] += (long) builds[1 - first].time.invoke(null, step, builds[1 - first].pages.get(k));
                timed++;
            }
            if (round >= 0) {
                before.add(nanos[0] / 1e6 / timed);
                after.add(nanos[1] / 1e6 / timed);
                ratio.add((double) nanos[1] / nanos[0]);
            }
        }
        Collections.sort(before);
        Collections.sort(after);
        Collections.sort(ratio);
        System.out.printf("%s, %d pages, %d rounds: CPU ms/page median before %.4f, after %.4f; after / before per"
                + " round: median %.3f (quartiles %.3f-%.3f)%n", step, timed, rounds, at(before, 0.5),
                at(after, 0.5), at(ratio, 0.5), at(ratio, 0.25), at(ratio, 0.75));
    }
}
