package newsroom.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import newsroom.core.observe.Telemetry;

/**
 * SnapStart priming of a function's SDK clients: one request per client that walks the whole request path
 * (marshaller, endpoint resolution, signer, HTTP client, unmarshaller) so the snapshot holds it warm. Every step is
 * read-only or never sent: S3 {@code HeadObject} of a key that does not exist, DynamoDB {@code GetItem} of a
 * sentinel key, SQS {@code GetQueueAttributes}, and for the write-only APIs (EventBridge {@code PutEvents}, Translate
 * {@code TranslateText}, DynamoDB {@code BatchWriteItem}) a dry run stopped before transmission. No step writes; a
 * failing step is logged as {@code priming.incomplete} and never thrown, since priming only saves time.
 */
public final class AwsPriming {

    /** The key every S3 priming step reads under its prefix; no object is ever stored under it. */
    public static final String SENTINEL_OBJECT = ".priming-sentinel";

    private final Map<String, Runnable> steps;

    private AwsPriming(Map<String, Runnable> steps) {
        this.steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /** No step: for handlers built with in-memory ports (tests, the local runner). */
    public static AwsPriming none() {
        return new AwsPriming(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The names of the steps, in the order they run. */
    public List<String> steps() {
        return new ArrayList<>(steps.keySet());
    }

    /**
     * Runs every step; a step that fails is logged ({@code priming.incomplete} with the step and the reason) and
     * the next one runs. Never throws.
     *
     * @return the number of steps that failed
     */
    public int run(Telemetry telemetry) {
        int failed = 0;
        for (Map.Entry<String, Runnable> step : steps.entrySet()) {
            try {
                step.getValue().run();
            } catch (RuntimeException e) {
                failed++;
                telemetry.warn("priming.incomplete", Map.of("step", step.getKey()), e);
            }
        }
        return failed;
    }

    /** Collects the steps of one function, each from the adapter that knows its bucket, table or queue. */
    public static final class Builder {

        private final Map<String, Runnable> steps = new LinkedHashMap<>();

        private Builder() {
        }

        /** S3 {@code HeadObject} of {@code key} (give one under a prefix the function may read). */
        public Builder headObject(S3ObjectStore store, String key) {
            Objects.requireNonNull(store, "store");
            ObjectKeys.requireValid(key);
            return add("s3 HeadObject " + key, () -> store.primeHead(key));
        }

        /** DynamoDB {@code GetItem} of the article index's sentinel key. */
        public Builder getItem(DynamoArticleIndex index) {
            Objects.requireNonNull(index, "index");
            return add("dynamodb GetItem " + DynamoArticleIndex.PRIMING_PK, index::primeGetItem);
        }

        /** DynamoDB {@code GetItem} of the source-state sentinel key (inside the poller's {@code SOURCE#} keys). */
        public Builder getItem(DynamoSourceStateStore states) {
            Objects.requireNonNull(states, "states");
            return add("dynamodb GetItem " + DynamoSourceStateStore.PRIMING_PK, states::primeGetItem);
        }

        /** DynamoDB {@code BatchGetItem} of the source-state sentinel's schedule: the poll dispatcher's one read. */
        public Builder scheduleReads(DynamoSourceStateStore states) {
            Objects.requireNonNull(states, "states");
            return add("dynamodb BatchGetItem " + DynamoSourceStateStore.PRIMING_PK, states::primeScheduleReads);
        }

        /**
         * The poll worker's seen-mark calls on the source-state sentinel: {@code BatchGetItem} and {@code Query}
         * (read-only, they find nothing) and {@code BatchWriteItem} as a dry run, never sent.
         */
        public Builder seenMarks(DynamoSourceStateStore states) {
            Objects.requireNonNull(states, "states");
            add("dynamodb BatchGetItem " + DynamoSourceStateStore.PRIMING_PK + " seen marks", states::primeSeenGets);
            add("dynamodb Query " + DynamoSourceStateStore.PRIMING_PK + " seen marks", states::primeSeenQuery);
            return add("dynamodb BatchWriteItem (dry run)", states::primeMarkSeenDryRun);
        }

        /** SQS {@code GetQueueAttributes} of the queue. */
        public Builder queueAttributes(SqsFetchQueue queue) {
            Objects.requireNonNull(queue, "queue");
            return add("sqs GetQueueAttributes", queue::primeGetQueueAttributes);
        }

        /** SQS {@code GetQueueAttributes} of the poll queue. */
        public Builder queueAttributes(SqsPollQueue queue) {
            Objects.requireNonNull(queue, "queue");
            return add("sqs GetQueueAttributes (poll queue)", queue::primeGetQueueAttributes);
        }

        /** EventBridge {@code PutEvents}, marshalled and signed but never sent. */
        public Builder putEventsDryRun(EventBridgePublisher publisher) {
            Objects.requireNonNull(publisher, "publisher");
            return add("eventbridge PutEvents (dry run)", publisher::primeDryRun);
        }

        /** Translate {@code TranslateText}, marshalled and signed but never sent. */
        public Builder translateDryRun(AmazonTranslateTranslator translator) {
            Objects.requireNonNull(translator, "translator");
            return add("translate TranslateText (dry run)", translator::primeDryRun);
        }

        private Builder add(String name, Runnable step) {
            steps.put(name, step);
            return this;
        }

        public AwsPriming build() {
            return new AwsPriming(steps);
        }
    }
}
