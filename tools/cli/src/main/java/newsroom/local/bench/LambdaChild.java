package newsroom.local.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import newsroom.local.invoke.RuntimeClasspath;
import newsroom.local.runtime.LocalRuntimeApi;

/**
 * Starts one Lambda execution environment the way Lambda starts a Java function: a fresh JVM with the managed
 * runtime's flags, the runtime interface client as main class, the handler as its argument and
 * {@code AWS_LAMBDA_RUNTIME_API} pointing at a {@link LocalRuntimeApi}; then feeds it one cold event and some warm
 * ones and reads its peak RSS before stopping it.
 */
final class LambdaChild {

    /**
     * JVM options of Lambda's Java runtime launcher at 1024 MB, template.yaml's default (heap ~85 % of memory), with
     * the tiered-compilation cap the java17+ runtimes apply by default (template.yaml no longer repeats it in
     * JAVA_TOOL_OPTIONS, whose only other effect was a "Picked up JAVA_TOOL_OPTIONS" line on every cold start).
     */
    static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:MaxHeapSize=870m", "-XX:+UseSerialGC",
            "-Xshare:auto", "-Djava.net.preferIPv4Stack=true", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    private static final long TIMEOUT_SECONDS = 90;

    /**
     * What one environment did.
     *
     * @param coldMillis     process start to the first event's answer
     * @param firstMillis    the first event alone: delivered to answered (init excluded)
     * @param warmMillis     each later event, delivered to answered
     * @param peakRssKb      VmHWM of the process after the last answer
     * @param classesLoaded  classes the JVM loaded, when class logging was on, else -1
     * @param firstOutcome   the answer to the first event
     */
    record Run(double coldMillis, double firstMillis, List<Double> warmMillis, long peakRssKb, int classesLoaded,
               LocalRuntimeApi.Outcome firstOutcome) {
    }

    /** Thrown when the environment fails to start or to answer; the message names the child's log. */
    static final class ChildFailedException extends RuntimeException {
        ChildFailedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private final Path java;
    private final Path workDir;

    LambdaChild(Path java, Path workDir) {
        this.java = Objects.requireNonNull(java, "java");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /**
     * @param label           names the child's log file
     * @param classpath       runtime jar first, then the deployment jar(s), as /var/runtime/lib then /var/task
     * @param environment     the function's environment (AWS_LAMBDA_RUNTIME_API is added here)
     * @param warmInvocations events sent after the first one
     * @param countClasses    log class loading to count classes (slows the start: use on untimed runs)
     */
    Run run(String label, List<Path> classpath, String handler, Map<String, String> environment, byte[] event,
            int warmInvocations, boolean countClasses) {
        return run(label, classpath, handler, environment, event, warmInvocations, countClasses, List.of());
    }

    /** As {@link #run(String, List, String, Map, byte[], int, boolean)}, with JVM options added after Lambda's. */
    Run run(String label, List<Path> classpath, String handler, Map<String, String> environment, byte[] event,
            int warmInvocations, boolean countClasses, List<String> extraJvmOptions) {
        Path log = workDir.resolve(label + ".log");
        Path classLog = workDir.resolve(label + ".classes");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(LAMBDA_JVM_OPTIONS);
        command.addAll(extraJvmOptions);
        if (countClasses) {
            command.add("-Xlog:class+load=info:file=" + classLog + ":uptime");
        }
        command.add("-classpath");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(RuntimeClasspath.MAIN_CLASS);
        command.add(handler);
        try (LocalRuntimeApi api = new LocalRuntimeApi("arn:aws:lambda:eu-west-1:000000000000:function:" + label)) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            var first = api.submit(event);
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                LocalRuntimeApi.Outcome outcome = await(first, process, log);
                if (outcome.kind() == LocalRuntimeApi.Outcome.Kind.INIT_ERROR) {
                    throw new ChildFailedException(label + ": init failed: " + outcome.body() + " (log " + log + ")",
                            null);
                }
                List<Double> warm = new ArrayList<>();
                for (int i = 0; i < warmInvocations; i++) {
                    warm.add(await(api.submit(event), process, log).handlingMillis());
                }
                long rss = peakRssKb(process.pid());
                return new Run((outcome.answeredNanos() - start) / 1e6, outcome.handlingMillis(), warm, rss,
                        countClasses ? countLines(classLog) : -1, outcome);
            } finally {
                stop(process);
            }
        } catch (IOException e) {
            throw new ChildFailedException(label + ": cannot start " + java + ": " + e.getMessage(), e);
        }
    }

    private static LocalRuntimeApi.Outcome await(CompletableFuture<LocalRuntimeApi.Outcome> f,
                                                 Process process, Path log) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                try {
                    return f.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!process.isAlive()) {
                        throw new ChildFailedException("the function process exited with " + process.exitValue()
                                + " before answering; last log lines:\n" + tail(log), null);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new ChildFailedException("no answer within " + TIMEOUT_SECONDS + " s; log " + log, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildFailedException("interrupted", e);
        } catch (ExecutionException e) {
            throw new ChildFailedException("the Runtime API failed: " + e.getCause(), e);
        }
    }

    /** Peak resident set size (VmHWM) in kB from /proc, or -1 where /proc is not available. */
    static long peakRssKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static int countLines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return (int) lines.filter(l -> l.contains(" source: ")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
