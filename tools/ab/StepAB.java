import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Same-JVM A/B of one step after content finding (RenderSteps.java: text, markdown, render, language, images): loads
 * RenderSteps from two checkouts' classes in two class loaders, alternates rounds (the order flips each round),
 * drops the first fifth as warm-up, prints the median and first quartile of each (us/page, thread CPU).
 * <pre>
 * CP_X=checkout's classpath as ab.sh builds it
 * javac -cp "$CP_A" -d /tmp/a tools/ab/RenderSteps.java; javac -cp "$CP_B" -d /tmp/b tools/ab/RenderSteps.java
 * javac -d /tmp/ab tools/ab/StepAB.java
 * java -cp /tmp/ab StepAB PAGES_DIR language 300 "/tmp/a:$CP_A" "/tmp/b:$CP_B"
 * </pre>
 */
public class StepAB {
    private static Method[] load(String classpath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(":")) {
            if (!entry.isEmpty()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Class<?> steps = Class.forName("newsroom.extract.internal.RenderSteps", true, loader);
        return new Method[] {steps.getMethod("prepare", String.class), steps.getMethod("once", String.class)};
    }

    public static void main(String[] args) throws Exception {
        Method[] a = load(args[3]);
        Method[] b = load(args[4]);
        a[0].invoke(null, args[0]);
        b[0].invoke(null, args[0]);
        List<Double> timesA = new ArrayList<>();
        List<Double> timesB = new ArrayList<>();
        int rounds = Integer.parseInt(args[2]);
        for (int round = 0; round < rounds; round++) {
            double x;
            double y;
            if (round % 2 == 0) {
                x = (double) a[1].invoke(null, args[1]);
                y = (double) b[1].invoke(null, args[1]);
            } else {
                y = (double) b[1].invoke(null, args[1]);
                x = (double) a[1].invoke(null, args[1]);
            }
            if (round >= rounds / 5) {
                timesA.add(x / 1000);
                timesB.add(y / 1000);
            }
        }
        Collections.sort(timesA);
        Collections.sort(timesB);
        double medianA = timesA.get(timesA.size() / 2);
        double medianB = timesB.get(timesB.size() / 2);
        System.out.printf("%s: A median %.1f us/page (p25 %.1f), B median %.1f us/page (p25 %.1f), B/A %.3f%n",
                args[1], medianA, timesA.get(timesA.size() / 4), medianB, timesB.get(timesB.size() / 4),
                medianB / medianA);
    }
}
