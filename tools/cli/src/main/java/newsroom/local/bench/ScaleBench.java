package newsroom.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import newsroom.articlefetcher.ArticleFetcherHandler;
import newsroom.articlefetcher.ArticleFetcherInstances;
import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.testing.DeadlineContext;
import newsroom.feedpoller.FeedPollerHandler;
import newsroom.feedpoller.FeedPollerInstances;
import newsroom.local.emulate.LocalStack;

/**
 * {@code ./newsroom bench --scale}: the fan-out pipeline at scale on this machine. A {@link ScaleOrigin} serves N
 * feeds over many loopback hosts (some slow, some failing, some answering 429 with Retry-After, some with a
 * Crawl-delay); the emulators (moto for S3/SQS/EventBridge, dynalite for DynamoDB, {@link LocalStack}) hold the
 * stack; the real handlers, built by their production wiring, run in W workers. Each worker is one Lambda execution
 * environment (its own handlers, fetcher, caches and clients) and polls the queues as Lambda's SQS poller does: the
 * poll queue one message per invocation (BatchSize 1), the fetch queue up to 4 (BatchSize 4); it deletes what the
 * handler did not report as a batch item failure and leaves the rest to reappear after the visibility timeout. One
 * dispatcher tick starts a run; it ends when both queues are empty (visible, in flight and delayed) and every worker
 * is idle. Runs at 1, 2 and 4 workers, each on fresh emulators.
 */
final class ScaleBench {

    static final int DEFAULT_SOURCES = 1000;
    static final int DEFAULT_HOSTS = 50;
    static final int DEFAULT_ITEMS = 3;
    /** Visibility timeout of a reported failure in this run (Lambda's queues: six times the function timeout). */
    static final int RETRY_VISIBILITY_SECONDS = 2;
    static final long RUN_TIMEOUT_MILLIS = 30 * 60_000L;
    static final long IDLE_PAUSE_MILLIS = 100;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What one run at W workers measured. */
    record Run(int workers, int expected, int stored, int storedTwice, int maxSourcesPerInvocation,
               long longestInvocationMs, int maxConcurrentPerHost, long wallMs, int pollInvocations,
               int fetchInvocations, double busiestHostRequestsPerSecond, long smallestCrawlDelayGapMs) {
    }

    /** All runs, and the must-holds over them. */
    record Figures(int sources, int hosts, int itemsPerFeed, List<Run> runs) {

        int expected() {
            return runs.get(0).expected();
        }

        /** The fewest stored by any run (each must equal expected). */
        int stored() {
            return runs.stream().mapToInt(Run::stored).min().orElse(0);
        }

        int storedTwice() {
            return runs.stream().mapToInt(Run::storedTwice).sum();
        }

        int maxSourcesPerInvocation() {
            return runs.stream().mapToInt(Run::maxSourcesPerInvocation).max().orElse(0);
        }

        long longestInvocationMs() {
            return runs.stream().mapToLong(Run::longestInvocationMs).max().orElse(0);
        }

        int maxConcurrentPerHost() {
            return runs.stream().mapToInt(Run::maxConcurrentPerHost).max().orElse(0);
        }

        boolean everyRunStoredExactlyTheExpected() {
            return runs.stream().allMatch(r -> r.stored() == r.expected());
        }

        boolean wallTimeShrinks() {
            for (int i = 1; i < runs.size(); i++) {
                if (runs.get(i).wallMs() >= runs.get(i - 1).wallMs()) {
                    return false;
                }
            }
            return true;
        }

        boolean mustHoldsMet() {
            return everyRunStoredExactlyTheExpected() && storedTwice() == 0 && maxConcurrentPerHost() <= 1
                    && wallTimeShrinks();
        }

        /** The keys issue 12 names, for scripts. */
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sources", sources);
            json.put("expected", expected());
            json.put("stored", stored());
            json.put("storedTwice", storedTwice());
            json.put("maxSourcesPerInvocation", maxSourcesPerInvocation());
            json.put("longestInvocationMs", longestInvocationMs());
            json.put("maxConcurrentPerHost", maxConcurrentPerHost());
            Map<String, Long> wall = new LinkedHashMap<>();
            runs.forEach(r -> wall.put(Integer.toString(r.workers()), r.wallMs()));
            json.put("wallMsByWorkers", wall);
            return json;
        }

        void writeJson(Path file) throws IOException {
            Files.write(file, JSON.writeValueAsBytes(json()));
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "## Scale test: %d sources over %d loopback hosts, %d items each%n%n", sources,
                    hosts, itemsPerFeed);
            out.println("| workers | expected | stored | stored twice | max sources / invocation"
                    + " | longest invocation (ms) | max concurrent / host | poll / fetch invocations"
                    + " | busiest host (req/s) | smallest gap at a "
                    + "Crawl-delay host (ms, delay " + Math.round(ScaleOrigin.CRAWL_DELAY_SECONDS * 1000) + ") "
                    + "| wall (ms) |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Run r : runs) {
                out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d / %d | %.1f | %s | %d |%n",
                        r.workers(), r.expected(), r.stored(), r.storedTwice(), r.maxSourcesPerInvocation(),
                        r.longestInvocationMs(), r.maxConcurrentPerHost(), r.pollInvocations(), r.fetchInvocations(),
                        r.busiestHostRequestsPerSecond(),
                        r.smallestCrawlDelayGapMs() < 0 ? "-" : Long.toString(r.smallestCrawlDelayGapMs()), r.wallMs());
            }
            out.println();
            out.println("Must-holds: stored == expected in every run: " + yes(everyRunStoredExactlyTheExpected())
                    + "; none stored twice: " + yes(storedTwice() == 0) + "; max concurrent requests per host <= 1: "
                    + yes(maxConcurrentPerHost() <= 1) + "; wall time shrinks with more workers: "
                    + yes(wallTimeShrinks()) + ".");
        }

        private static String yes(boolean met) {
            return met ? "met" : "MISSED";
        }
    }

    private final Path template;
    private final Path work;
    private final PrintStream progress;

    ScaleBench(Path template, Path work, PrintStream progress) {
        this.template = template;
        this.work = work;
        this.progress = progress;
    }

    Figures run(int sources, int hosts, int itemsPerFeed, List<Integer> workerCounts) throws IOException {
        // the production wiring reads credentials through the SDK's default chain: give it the emulators' ones
        System.setProperty("aws.accessKeyId", LocalStack.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalStack.ACCESS_KEY);
        List<Run> runs = new ArrayList<>();
        // the handlers log one JSON line per event to standard output, as on Lambda: into a file, not the table
        PrintStream stdout = System.out;
        Path log = work.resolve("functions.log");
        try (PrintStream functions = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            System.setOut(functions);
            for (int workers : workerCounts) {
                progress.printf(Locale.ROOT, "  scale: %d sources, %d worker(s)%n", sources, workers);
                runs.add(runOnce(sources, hosts, itemsPerFeed, workers));
            }
        } finally {
            System.setOut(stdout);
        }
        return new Figures(sources, hosts, itemsPerFeed, runs);
    }

    private Run runOnce(int sources, int hosts, int itemsPerFeed, int workers) throws IOException {
        Path logs = Files.createDirectories(work.resolve("emulators-" + workers));
        try (ScaleOrigin origin = new ScaleOrigin(sources, hosts, itemsPerFeed);
             LocalStack stack = LocalStack.start(template, "scale", 0, 0, logs)) {
            Map<String, String> env = new HashMap<>(stack.environment());
            env.put("SOURCES_KEY", "config/sources.yaml");
            env.put("NEWSROOM_FETCH_CONTACT_URL", "https://newsroom.example/bot");
            env.put("NEWSROOM_FETCH_ALLOWED_NETWORKS", origin.allowedNetworks());
            // no blanket per-host delay: the hosts' own Crawl-delay and Retry-After are what must be honoured
            env.put("NEWSROOM_FETCH_HOST_DELAY_MS", "0");
            env.put("AWS_LAMBDA_LOG_LEVEL", "ERROR");
            AwsClients clients = AwsClients.withCredentials(AwsConfig.fromEnvironment(env),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalStack.ACCESS_KEY,
                            LocalStack.ACCESS_KEY)));
            String bucket = env.get("CONTENT_BUCKET");
            clients.s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
            clients.s3().putObject(b -> b.bucket(bucket).key("config/sources.yaml"),
                    RequestBody.fromString(origin.sourcesFile(), StandardCharsets.UTF_8));
            String pollQueue = env.get("POLL_QUEUE_URL");
            String fetchQueue = env.get("FETCH_QUEUE_URL");

            long started = System.nanoTime();
            ConcurrentLinkedQueue<long[]> invocations = new ConcurrentLinkedQueue<>();
            FeedPollerInstances.dispatcher(env).handleRequest(new ScheduledEvent(),
                    new DeadlineContext("PollDispatcherFunction", Duration.ofSeconds(120)));
            invocations.add(new long[] {0, (System.nanoTime() - started) / 1_000_000, 0});
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger busy = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            List<RuntimeException> failures = new CopyOnWriteArrayList<>();
            for (int w = 0; w < workers; w++) {
                FeedPollerHandler poller = FeedPollerInstances.worker(env);
                ArticleFetcherHandler fetcher = ArticleFetcherInstances.fromEnvironment(env);
                Thread thread = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            busy.incrementAndGet();
                            boolean worked;
                            try {
                                worked = deliver(clients.sqs(), pollQueue, 1, 180, poller::handleRequest,
                                                invocations, 1)
                                        | deliver(clients.sqs(), fetchQueue, 4, 120, fetcher::handleRequest,
                                                invocations, 2);
                            } finally {
                                busy.decrementAndGet();
                            }
                            if (!worked) {
                                // an idle Lambda poller long-polls; here a pause keeps idle workers off the emulator
                                Thread.sleep(IDLE_PAUSE_MILLIS);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }, "scale-worker-" + w);
                threads.add(thread);
                thread.start();
            }
            int quiet = 0;
            long deadline = System.currentTimeMillis() + RUN_TIMEOUT_MILLIS;
            while (quiet < 3 && failures.isEmpty()) {
                if (System.currentTimeMillis() > deadline) {
                    stop.set(true);
                    throw new IllegalStateException("the run did not finish within " + RUN_TIMEOUT_MILLIS + " ms");
                }
                sleep(300);
                boolean empty = busy.get() == 0 && queueEmpty(clients.sqs(), pollQueue)
                        && queueEmpty(clients.sqs(), fetchQueue);
                quiet = empty ? quiet + 1 : 0;
            }
            long wallMs = (System.nanoTime() - started) / 1_000_000;
            stop.set(true);
            for (Thread thread : threads) {
                try {
                    thread.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            Map<String, Integer> versions = new HashMap<>();
            clients.s3().listObjectVersionsPaginator(b -> b.bucket(bucket).prefix("content/")).versions()
                    .stream().map(ObjectVersion::key).filter(k -> k.endsWith(".md"))
                    .forEach(k -> versions.merge(k, 1, Integer::sum));
            int stored = versions.size();
            int storedTwice = (int) versions.values().stream().filter(v -> v > 1).count();
            int maxSources = invocations.stream().filter(i -> i[0] == 1).mapToInt(i -> (int) i[2]).max().orElse(0);
            long longest = invocations.stream().mapToLong(i -> i[1]).max().orElse(0);
            int polls = (int) invocations.stream().filter(i -> i[0] == 1).count();
            int fetches = (int) invocations.stream().filter(i -> i[0] == 2).count();
            return new Run(workers, origin.expectedArticles(), stored, storedTwice, maxSources, longest,
                    origin.maxConcurrentPerHost(), wallMs, polls, fetches, busiestHostRate(origin.hits()),
                    smallestCrawlDelayGap(origin.hits()));
        }
    }

    /**
     * One receive and, when it got messages, one invocation with them, as Lambda's poller does; deletes the messages
     * the handler did not report, and makes the reported ones visible again after {@link #RETRY_VISIBILITY_SECONDS}.
     *
     * @param kind recorded with the invocation: 1 poll worker, 2 article fetcher
     * @return whether there was anything to do
     */
    private static boolean deliver(SqsClient sqs, String queue, int batchSize, int timeoutSeconds,
                                   BiFunction<SQSEvent, Context, SQSBatchResponse> handler,
                                   ConcurrentLinkedQueue<long[]> invocations, int kind) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(batchSize)
                .visibilityTimeout(timeoutSeconds * 6).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        if (messages.isEmpty()) {
            return false;
        }
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setAttributes(new HashMap<>(m.attributesAsStrings()));
            records.add(record);
        }
        event.setRecords(records);
        long start = System.nanoTime();
        SQSBatchResponse response = handler.apply(event,
                new DeadlineContext("scale", Duration.ofSeconds(timeoutSeconds)));
        invocations.add(new long[] {kind, (System.nanoTime() - start) / 1_000_000, messages.size()});
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                sqs.changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(RETRY_VISIBILITY_SECONDS));
            } else {
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        }
        return true;
    }

    private static boolean queueEmpty(SqsClient sqs, String queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

    /** Requests per second of the host that saw the most, over the span from its first to its last request. */
    static double busiestHostRate(List<ScaleOrigin.Hit> hits) {
        Map<String, List<ScaleOrigin.Hit>> byHost = group(hits, ScaleOrigin.Hit::host);
        double best = 0;
        for (List<ScaleOrigin.Hit> list : byHost.values()) {
            long first = list.stream().mapToLong(ScaleOrigin.Hit::startNanos).min().orElse(0);
            long last = list.stream().mapToLong(ScaleOrigin.Hit::endNanos).max().orElse(0);
            double seconds = Math.max(1e-3, (last - first) / 1e9);
            best = Math.max(best, list.size() / seconds);
        }
        return best;
    }

    /** The smallest time between the end of a request and the start of the next at a Crawl-delay host; -1: none. */
    static long smallestCrawlDelayGap(List<ScaleOrigin.Hit> hits) {
        long smallest = Long.MAX_VALUE;
        for (Map.Entry<String, List<ScaleOrigin.Hit>> host : group(hits, ScaleOrigin.Hit::host).entrySet()) {
            String address = host.getKey();
            int index = Integer.parseInt(address.substring(address.lastIndexOf('.') + 1)) - 1;
            if (!ScaleOrigin.crawlDelayHost(index)) {
                continue;
            }
            List<ScaleOrigin.Hit> list = new ArrayList<>(host.getValue());
            list.sort(Comparator.comparingLong(ScaleOrigin.Hit::startNanos));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i - 1).path().equals("/robots.txt")) {
                    continue; // the robots.txt answer is read before its Crawl-delay is known
                }
                smallest = Math.min(smallest, (list.get(i).startNanos() - list.get(i - 1).endNanos()) / 1_000_000);
            }
        }
        return smallest == Long.MAX_VALUE ? -1 : smallest;
    }

    private static <K> Map<K, List<ScaleOrigin.Hit>> group(List<ScaleOrigin.Hit> hits,
                                                           Function<ScaleOrigin.Hit, K> key) {
        Map<K, List<ScaleOrigin.Hit>> groups = new HashMap<>();
        hits.forEach(h -> groups.computeIfAbsent(key.apply(h), k -> new ArrayList<>()).add(h));
        return groups;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
