package newsroom.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import newsroom.local.invoke.RuntimeClasspath;
import newsroom.local.runtime.LocalRuntimeApi;

/**
 * Cold start, warm invocation and SnapStart priming of the five functions, each against a hello-world handler
 * started the same way in the same round. Each function's deployment jar runs in a fresh JVM under the real runtime
 * interface client, with the SDK pointed at an {@link AwsStub}; events are the repository's samples, changed only
 * where the sample would reach the internet (feed and article URLs become private addresses the SSRF guard refuses
 * without a DNS lookup or a connection).
 */
final class ColdStartBench {

    /** A function under test: its module, handler, bench entry point for the priming comparison, and event. */
    record Function(String name, String module, String handler, Class<?> primedEntryPoint, byte[] event) {
    }

    /** One function's figures; every list holds one value per timed round. */
    record Result(String name, long jarBytes, List<Double> coldMillis, List<Double> helloMillis,
                  List<Double> warmMillis, List<Double> unprimedFirstMillis, List<Double> primedFirstMillis,
                  int classesLoaded, List<Double> peakRssMb, String firstAnswer, int primingCalls,
                  int primingWrites) {
    }

    /** The hello-world handler's figures: jar size, cold start per round, classes loaded, peak RSS per round. */
    record Baseline(long jarBytes, List<Double> coldMillis, List<Double> warmMillis, int classesLoaded,
                    List<Double> peakRssMb) {
    }

    /**
     * Experiments on the ingest API: behind {@link StreamIngestApi} (cold start per round, first answer), and with an
     * AppCDS archive of its classes made by an untimed training start (cold start per round; empty if no archive).
     */
    record Experiments(List<Double> streamColdMillis, String streamFirstAnswer, List<Double> appCdsColdMillis,
                       String appCdsFirstAnswer) {
    }

    /** Everything one run measured. */
    record Figures(Baseline hello, List<Result> functions, Experiments experiments) {
    }

    static final String BUCKET = "bench-content";
    static final String SOURCES_KEY = "config/sources.yaml";
    /** Private, so the fetcher's address policy refuses it before any connection or DNS lookup. */
    static final String UNREACHABLE = "http://10.11.12.13";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repo;
    private final Path workDir;
    private final LambdaChild launcher;
    private final PrintStream progress;

    ColdStartBench(Path repo, Path workDir, PrintStream progress) {
        this.repo = repo;
        this.workDir = workDir;
        this.launcher = new LambdaChild(Path.of(System.getProperty("java.home"), "bin", "java"), workDir);
        this.progress = progress;
    }

    List<Function> functions() throws IOException {
        return List.of(
                new Function("ingest-api", "ingest-api", "newsroom.ingestapi.IngestApiHandler",
                        PrimedIngestApi.class, event("ingest-api-get-article.json")),
                new Function("poll-dispatcher", "feed-poller", "newsroom.feedpoller.PollDispatcherHandler",
                        PrimedPollDispatcher.class, event("poll-dispatcher-schedule.json")),
                new Function("feed-poller", "feed-poller", "newsroom.feedpoller.FeedPollerHandler",
                        PrimedFeedPoller.class, event("feed-poller-sqs.json")),
                new Function("article-fetcher", "article-fetcher", "newsroom.articlefetcher.ArticleFetcherHandler",
                        PrimedArticleFetcher.class, fetcherEvent()),
                new Function("translation", "translation", "newsroom.translation.TranslationHandler",
                        PrimedTranslation.class, event("translation-article-stored.json")),
                new Function("thumbnail", "thumbnail", "newsroom.thumbnail.ThumbnailHandler",
                        PrimedThumbnail.class, event("thumbnail-article-stored.json")));
    }

    /**
     * Runs an untimed round (page cache, class counts, first answers), then the timed rounds. In each round the
     * hello-world handler starts first, then the ingest API experiments (behind a stream handler; with AppCDS),
     * then each function cold (then warm), then primed.
     *
     * @param rounds          timed rounds (after one untimed round that also counts classes)
     * @param warmInvocations events sent to each environment after its first one
     */
    Figures run(int rounds, int warmInvocations) throws IOException {
        List<Function> functions = functions();
        for (Function function : functions) {
            Path jar = deploymentJar(function);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the functions first "
                        + "(mvn -q -DskipTests package, or any ./newsroom command after a source change)");
            }
        }
        List<Path> runtime = RuntimeClasspath.locate();
        Path hello = BenchJars.classes(workDir.resolve("hello-world.jar"), List.of(HelloHandler.class));
        Path entryPoints = BenchJars.classes(workDir.resolve("bench-entry-points.jar"), List.of(Priming.class,
                PrimedIngestApi.class, PrimedPollDispatcher.class, PrimedFeedPoller.class, PrimedArticleFetcher.class,
                PrimedTranslation.class, PrimedThumbnail.class, StreamIngestApi.class));
        Path helloTask = BenchJars.explode(hello, workDir.resolve("task-hello-world"));
        Map<String, Path> tasks = new LinkedHashMap<>();
        for (Function function : functions) {
            tasks.put(function.name(), BenchJars.explode(deploymentJar(function),
                    workDir.resolve("task-" + function.name())));
        }
        byte[] helloEvent = "{\"name\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, Series> series = new LinkedHashMap<>();
        List<Double> hellos = new ArrayList<>();
        List<Double> helloRss = new ArrayList<>();
        List<Double> helloWarm = new ArrayList<>();
        List<Double> streamApi = new ArrayList<>();
        List<Double> cdsApi = new ArrayList<>();
        String cdsAnswer = "";
        Path archive = workDir.resolve("ingest-api.jsa");
        String streamAnswer = "";
        int helloClasses = -1;
        try (AwsStub aws = new AwsStub(Map.of(BUCKET + "/" + SOURCES_KEY, sourcesFile()))) {
            Map<String, String> environment = environment(aws);
            for (int round = 0; round <= rounds; round++) {
                boolean timed = round > 0;
                String tag = timed ? "round " + round + "/" + rounds : "untimed round (class count)";
                progress.println("  cold start: " + tag);
                LambdaChild.Run helloRun = launcher.run("hello-" + round, classpath(runtime, helloTask),
                        HelloHandler.class.getName(), environment, helloEvent, warmInvocations, !timed);
                if (timed) {
                    hellos.add(helloRun.coldMillis());
                    helloRss.add(helloRun.peakRssKb() / 1024.0);
                    helloWarm.add(Stats.median(helloRun.warmMillis()));
                } else {
                    helloClasses = helloRun.classesLoaded();
                }
                LambdaChild.Run stream = launcher.run("ingest-api-stream-" + round, classpath(runtime,
                        tasks.get("ingest-api"), entryPoints), StreamIngestApi.class.getName(), environment,
                        functions.get(0).event(), 0, false);
                if (timed) {
                    streamApi.add(stream.coldMillis());
                } else {
                    streamAnswer = describe(stream.firstOutcome());
                }
                Function api = functions.get(0);
                if (!timed) {
                    // CDS archives classes from jars only: this variant deploys the jar as /var/task/lib/*.jar
                    launcher.run("ingest-api-cds-training", classpath(runtime, deploymentJar(api)),
                            api.handler(), environment, api.event(), warmInvocations, false,
                            List.of("-XX:ArchiveClassesAtExit=" + archive));
                } else if (Files.isRegularFile(archive)) {
                    LambdaChild.Run cds = launcher.run("ingest-api-cds-" + round, classpath(runtime,
                            deploymentJar(api)), api.handler(), environment, api.event(), 0, false,
                            List.of("-XX:SharedArchiveFile=" + archive));
                    cdsApi.add(cds.coldMillis());
                    cdsAnswer = describe(cds.firstOutcome());
                }
                for (Function function : functions) {
                    Series s = series.computeIfAbsent(function.name(), n -> new Series());
                    List<Path> classpath = classpath(runtime, tasks.get(function.name()));
                    LambdaChild.Run run = launcher.run(function.name() + "-" + round, classpath, function.handler(),
                            environment, function.event(), warmInvocations, !timed);
                    if (!timed) {
                        s.classes = run.classesLoaded();
                        s.firstAnswer = describe(run.firstOutcome());
                        continue;
                    }
                    s.cold.add(run.coldMillis());
                    s.warm.add(Stats.median(run.warmMillis()));
                    s.rss.add(run.peakRssKb() / 1024.0);
                    s.unprimed.add(run.firstMillis());
                    List<Path> withEntryPoints = classpath(runtime, tasks.get(function.name()), entryPoints);
                    Map<String, String> primed = new LinkedHashMap<>(environment);
                    primed.put(Priming.VARIABLE, "true");
                    int before = aws.calls().size();
                    LambdaChild.Run primedRun = launcher.run(function.name() + "-primed-" + round, withEntryPoints,
                            function.primedEntryPoint().getName(), primed, function.event(), 0, false);
                    s.primed.add(primedRun.firstMillis());
                    countPrimingCalls(aws, before, primedRun, s);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (Function function : functions) {
            Series s = series.get(function.name());
            results.add(new Result(function.name(), Files.size(deploymentJar(function)), s.cold, hellos, s.warm,
                    s.unprimed, s.primed, s.classes, s.rss, s.firstAnswer, s.primingCalls, s.primingWrites));
        }
        return new Figures(new Baseline(Files.size(hello), hellos, helloWarm, helloClasses, helloRss), results,
                new Experiments(streamApi, streamAnswer, cdsApi, cdsAnswer));
    }

    /**
     * Calls made between the primed child's start and its first event (its init plus its priming hook): the most
     * any one primed start made, and the writes of all primed starts added up.
     */
    private static void countPrimingCalls(AwsStub aws, int before, LambdaChild.Run run, Series s) {
        List<AwsStub.Call> calls = aws.calls();
        long firstDelivered = run.firstOutcome().deliveredNanos();
        int made = 0;
        for (AwsStub.Call call : calls.subList(before, calls.size())) {
            if (call.nanos() < firstDelivered) {
                made++;
                if (call.isWrite()) {
                    s.primingWrites++;
                }
            }
        }
        s.primingCalls = Math.max(s.primingCalls, made);
    }

    private static String describe(LocalRuntimeApi.Outcome outcome) {
        String body = outcome.body().length() > 160 ? outcome.body().substring(0, 160) + "…" : outcome.body();
        return outcome.kind() + " " + body;
    }

    private static final class Series {
        final List<Double> cold = new ArrayList<>();
        final List<Double> warm = new ArrayList<>();
        final List<Double> rss = new ArrayList<>();
        final List<Double> unprimed = new ArrayList<>();
        final List<Double> primed = new ArrayList<>();
        int classes = -1;
        String firstAnswer = "";
        int primingCalls;
        int primingWrites;
    }

    /** The runtime client's jars first (Lambda's /var/runtime/lib), then the function's classes (/var/task). */
    private static List<Path> classpath(List<Path> runtime, Path... task) {
        List<Path> classpath = new ArrayList<>(runtime);
        classpath.addAll(List.of(task));
        return classpath;
    }

    Path deploymentJar(Function function) {
        return repo.resolve("functions").resolve(function.module()).resolve("target")
                .resolve(function.module() + ".jar");
    }

    /** The environment of every function in the bench: AWS resources named, the SDK pointed at {@code aws}. */
    Map<String, String> environment(AwsStub aws) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", workDir.toString());
        env.put("TZ", "UTC");
        env.put("LANG", "C.UTF-8");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDBENCH");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-secret");
        env.put("AWS_SESSION_TOKEN", "bench-token");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
        env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        env.put("CONTENT_BUCKET", BUCKET);
        env.put("TABLE_NAME", "bench-articles");
        env.put("EVENT_BUS_NAME", "bench-bus");
        env.put("FETCH_QUEUE_URL", aws.endpoint() + "/000000000000/bench-fetch");
        env.put("SOURCES_KEY", SOURCES_KEY);
        env.put("POLL_QUEUE_URL", aws.endpoint() + "/000000000000/bench-poll");
        env.put("NEWSROOM_FETCH_CONTACT_URL", "https://example.org/newsroom-bench");
        return env;
    }

    private byte[] event(String name) throws IOException {
        return Files.readAllBytes(repo.resolve("events").resolve(name));
    }

    /** The sample SQS batch cut to one message whose URL is refused by the SSRF guard without network. */
    private byte[] fetcherEvent() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(event("article-fetcher-sqs.json"));
        ArrayNode records = (ArrayNode) root.get("Records");
        ObjectNode first = (ObjectNode) records.get(0);
        first.put("body", JSON.writeValueAsString(Map.of("url", UNREACHABLE + "/2025/02/bench-article",
                "source", "bench")));
        records.removeAll();
        records.add(first);
        return JSON.writeValueAsBytes(root);
    }

    static byte[] sourcesFile() {
        return ("sources:\n  - name: bench\n    type: feed\n    url: " + UNREACHABLE + "/feed.xml\n")
                .getBytes(StandardCharsets.UTF_8);
    }

}
