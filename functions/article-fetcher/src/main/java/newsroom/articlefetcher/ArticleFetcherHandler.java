package newsroom.articlefetcher;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import newsroom.aws.AwsPriming;
import newsroom.aws.LambdaInvocation;
import newsroom.aws.SnapStartHandler;
import newsroom.aws.SqsDelivery;
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
 *       receives SQS moves it to the dead-letter queue, logged here with its reason and counted as DlqSends.</li>
 * </ul>
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
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        LambdaInvocation.begin(telemetry, context);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            long remaining = context == null ? Long.MAX_VALUE / 2 : context.getRemainingTimeInMillis();
            Optional<Duration> fetchBudget = budget.fetchBudget(remaining);
            boolean done = fetchBudget.isPresent() ? process(message, fetchBudget.get())
                    : notStarted(message, remaining);
            if (!done) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** Too little time left: SQS delivers the message again, to an invocation that has the time. */
    private boolean notStarted(SQSEvent.SQSMessage message, long remainingMillis) {
        FetchMessage request = FetchMessage.decode(message.getBody()) instanceof FetchMessage.Readable readable
                ? readable.message() : null; // an unreadable one is logged as such when it is processed
        String reason = "NOT_STARTED (" + remainingMillis + " ms left in this invocation; a message needs "
                + budget.minimumToStart().toMillis() + " ms)";
        if (SqsDelivery.receiveCount(message.getAttributes()) < MAX_RECEIVE_COUNT) {
            telemetry.warn("message.not-started", fields(message, request, "reason", reason,
                    "receiveCount", SqsDelivery.receiveCount(message.getAttributes())));
            return false;
        }
        return failed(message, request, reason, null);
    }

    /** @return true when the message is done with (acknowledge), false to have SQS deliver it again */
    private boolean process(SQSEvent.SQSMessage message, Duration fetchBudget) {
        FetchMessage.Decoded decoded = FetchMessage.decode(message.getBody());
        if (decoded instanceof FetchMessage.Unreadable unreadable) {
            telemetry.warn("message.rejected", fields(message, null, "reason", "INVALID_MESSAGE",
                    "detail", unreadable.problem()));
            telemetry.count("ArticlesRejected", "unknown");
            return true;
        }
        FetchMessage request = ((FetchMessage.Readable) decoded).message();
        SourceContext context = contexts.contextFor(request.source(), request.url())
                .withDateHints(request.dateHints());
        try {
            IngestOutcome outcome = service.fetchAndIngest(request.url(), context, fetchBudget);
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
            return true;
        } catch (FetchException e) {
            return retryLater(message, request, e);
        } catch (RuntimeException e) {
            return failed(message, request, e.getClass().getSimpleName(), e);
        }
    }

    private boolean retryLater(SQSEvent.SQSMessage message, FetchMessage request, FetchException e) {
        if (e.retryAfterSeconds() <= 0) {
            return failed(message, request, e.reason().name(), e);
        }
        int delay = (int) Math.min(MAX_DELAY_SECONDS, e.retryAfterSeconds());
        try {
            queue.enqueue(List.of(request.toRequest(delay)));
        } catch (RuntimeException enqueueFailure) {
            enqueueFailure.addSuppressed(e);
            return failed(message, request, "REQUEUE_FAILED", enqueueFailure);
        }
        telemetry.info("message.requeued", fields(message, request, "reason", e.reason(), "delaySeconds", delay));
        return true;
    }

    /** @param cause what failed, logged with its stack trace; null when nothing was thrown (not started) */
    private boolean failed(SQSEvent.SQSMessage message, FetchMessage request, String reason, Throwable cause) {
        int receives = SqsDelivery.receiveCount(message.getAttributes());
        boolean lastAttempt = receives >= MAX_RECEIVE_COUNT;
        telemetry.error(lastAttempt ? "message.dead-lettered" : "message.failed",
                fields(message, request, "reason", reason, "receiveCount", receives), cause);
        if (lastAttempt) {
            telemetry.count("DlqSends", request == null ? "unknown" : request.source());
        }
        return false;
    }


    private static Map<String, Object> fields(SQSEvent.SQSMessage message, FetchMessage request, Object... pairs) {
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
