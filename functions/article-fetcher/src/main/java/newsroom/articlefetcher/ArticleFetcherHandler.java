package newsroom.articlefetcher;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.jspecify.annotations.Nullable;

import newsroom.aws.AwsPriming;
import newsroom.aws.LambdaInvocation;
import newsroom.aws.SnapStartHandler;
import newsroom.aws.SqsBatch;
import newsroom.core.config.SiteConfig;
import newsroom.core.ingest.ArticleFetchService;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.FetchQueue;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.prime.SnapStartPriming;
import newsroom.extract.ArticleExtractor;

/**
 * ArticleFetcherFunction: one fetch-queue message ({@code {"url","source"}}) → {@link ArticleFetchService}
 * (fetch → extract → normalize → store → emit). Each message gets one deadline from the invocation's remaining time
 * ({@link MessageBudget}); a message that could not finish before the Lambda timeout is not started. Reports partial
 * batch failures (ReportBatchItemFailures):
 * <ul>
 *   <li>a message not started for lack of time: reported as failed (SQS delivers it again), logged
 *       {@code message.not-started}, or {@code message.dead-lettered} on its last receive;</li>
 *   <li>stored / updated / unchanged, or a permanent rejection (logged and counted, never retried): acknowledged;</li>
 *   <li>a retryable fetch failure with Retry-After: the URL is re-queued with that delay and the original is
 *       acknowledged; without Retry-After, or when re-queueing fails: reported as failed so SQS redelivers;</li>
 *   <li>an infrastructure failure (store, index, bus): reported as failed; after {@link #MAX_RECEIVE_COUNT}
 *       receives SQS moves it to the dead-letter queue, logged with its reason and counted as DlqSends.</li>
 * </ul>
 * The batch loop and the logging of failed, not started and dead-lettered messages are {@link SqsBatch}'s.
 */
public final class ArticleFetcherHandler extends SnapStartHandler
        implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The queue's redrive {@code maxReceiveCount} in template.yaml (checked by the template tests). */
    public static final int MAX_RECEIVE_COUNT = 3;
    /** SQS's largest DelaySeconds. */
    static final int MAX_DELAY_SECONDS = 900;

    /** Variables this function reads besides the AWS resource and site variables of every function. */
    public static final List<String> FUNCTION_VARIABLES =
            List.of(ArticleFetcherWiring.SOURCES_KEY, "NEWSROOM_FETCH_CONTACT_URL");

    /**
     * The Lambda timeout a batch of this size needs so that every message of it can run to its own deadline:
     * {@code batchSize × 25 s + 2 s} with the production {@link MessageBudget} (template.yaml is checked against it).
     */
    public static Duration timeoutNeededFor(int batchSize) {
        MessageBudget b = MessageBudget.DEFAULT;
        return b.maxPerMessage().multipliedBy(batchSize).plus(b.safetyMargin());
    }

    private final ArticleFetchService service;
    private final FetchQueue queue;
    private final SourceContexts contexts;
    private final SiteConfig site;
    private final Telemetry telemetry;
    private final MessageBudget budget;
    private final SqsBatch batch;

    /** Production: wires the AWS adapters once per execution environment from the function's environment. */
    public ArticleFetcherHandler() {
        this(ArticleFetcherWiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        registerForSnapStart();
    }

    /** From a wiring: production's, or one of other adapters (tests, the local runner). */
    ArticleFetcherHandler(ArticleFetcherWiring wiring) {
        super(wiring);
        this.service = wiring.service();
        this.queue = wiring.queue();
        this.contexts = wiring.contexts();
        this.site = wiring.site();
        this.budget = wiring.budget();
        this.telemetry = wiring.telemetry();
        this.batch = new SqsBatch(MAX_RECEIVE_COUNT, telemetry);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        LambdaInvocation.begin(telemetry, context);
        return batch.process(event, context, this::process);
    }

    /** One message: not started when it could not finish in the time left, else fetched with its own deadline. */
    private SqsBatch.Outcome process(SQSEvent.SQSMessage message, long remainingMillis) {
        Optional<Duration> fetchBudget = budget.fetchBudget(remainingMillis);
        if (fetchBudget.isEmpty()) {
            FetchMessage request = FetchMessage.decode(message.getBody()) instanceof FetchMessage.Readable readable
                    ? readable.message() : null; // an unreadable one is logged as such when it is processed
            return new SqsBatch.NotStarted(fields(message, request), "NOT_STARTED (" + remainingMillis
                    + " ms left in this invocation; a message needs " + budget.minimumToStart().toMillis() + " ms)");
        }
        FetchMessage.Decoded decoded = FetchMessage.decode(message.getBody());
        if (decoded instanceof FetchMessage.Unreadable unreadable) {
            telemetry.warn("message.rejected", fields(message, null, "reason", "INVALID_MESSAGE",
                    "detail", unreadable.problem()));
            telemetry.count("ArticlesRejected", "unknown");
            return SqsBatch.done();
        }
        FetchMessage request = ((FetchMessage.Readable) decoded).message();
        SourceContext context = contexts.contextFor(request.source(), request.url())
                .withDateHints(request.dateHints());
        try {
            IngestOutcome outcome = service.fetchAndIngest(request.url(), context, fetchBudget.get());
            Map<String, Object> fields = fields(message, request, "status", outcome.status().word());
            if (outcome instanceof IngestOutcome.Rejected rejected) {
                fields.put("reason", rejected.rejection().code().name());
                fields.put("detail", rejected.rejection().detail());
                telemetry.warn("message.rejected", fields);
            } else {
                IngestOutcome.Ingested ingested = (IngestOutcome.Ingested) outcome;
                fields.put("articleId", ingested.id().value());
                fields.put("version", ingested.version());
                telemetry.info("message.done", fields);
            }
            return SqsBatch.done();
        } catch (FetchException e) {
            return retryLater(message, request, e);
        } catch (RuntimeException e) {
            return new SqsBatch.Failed(fields(message, request), e.getClass().getSimpleName(), e);
        }
    }

    private SqsBatch.Outcome retryLater(SQSEvent.SQSMessage message, FetchMessage request, FetchException e) {
        if (e.retryAfterSeconds() <= 0) {
            return new SqsBatch.Failed(fields(message, request), e.reason().name(), e);
        }
        int delay = (int) Math.min(MAX_DELAY_SECONDS, e.retryAfterSeconds());
        try {
            queue.enqueue(List.of(request.toRequest(delay)));
        } catch (RuntimeException enqueueFailure) {
            enqueueFailure.addSuppressed(e);
            return new SqsBatch.Failed(fields(message, request), "REQUEUE_FAILED", enqueueFailure);
        }
        telemetry.info("message.requeued", fields(message, request, "reason", e.reason(), "delaySeconds", delay));
        return SqsBatch.done();
    }

    private static Map<String, Object> fields(SQSEvent.SQSMessage message, @Nullable FetchMessage request,
                                              Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", message.getMessageId());
        if (request != null) {
            fields.put("source", request.source());
            fields.put("url", request.url());
        }
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /**
     * SnapStart: warm the front matter pipeline, the extractor (and its language profiles) and message decoding;
     * then {@link SnapStartHandler} warms the request path of every SDK client with reads and dry runs only
     * ({@link AwsPriming}); nothing is fetched, stored, published or queued.
     */
    @Override
    protected Map<String, Runnable> warmUps() {
        Map<String, Runnable> steps = new LinkedHashMap<>();
        steps.put("front matter", () -> SnapStartPriming.frontMatterRoundTrip(site));
        steps.put("extractor", ArticleExtractor::warmUp);
        steps.put("fetch message",
                () -> FetchMessage.decode("{\"url\":\"https://example.com/a\",\"source\":\"priming\"}"));
        return steps;
    }

}
