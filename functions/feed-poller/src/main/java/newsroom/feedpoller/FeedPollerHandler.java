package newsroom.feedpoller;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import newsroom.aws.LambdaInvocation;
import newsroom.aws.SnapStartHandler;
import newsroom.aws.SqsBatch;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.PollQueue.PollRequest;

/**
 * FeedPollerFunction, the poll worker: each poll-queue message ({@code {"source","dispatchedAt"}}, sent by the
 * {@link PollDispatcherHandler}) polls one source ({@link FeedPollService#poll}) and queues its new article URLs.
 * Reports partial batch failures (ReportBatchItemFailures):
 * <ul>
 *   <li>polled, failed at the origin (recorded in the source's state with a backoff, reported by the dispatcher),
 *       source gone from the file, or an undecodable body (logged {@code message.rejected}): acknowledged;</li>
 *   <li>the fetch queue or the state store failed, or too little time was left to start: reported as failed, so SQS
 *       delivers it again, and after {@value #MAX_RECEIVE_COUNT} receives moves it to the poll dead-letter queue.</li>
 * </ul>
 * A slow or broken source holds up only its own message. The batch loop and the logging of failed, not started and
 * dead-lettered messages are {@link SqsBatch}'s.
 */
public final class FeedPollerHandler extends SnapStartHandler
        implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The poll queue's redrive {@code maxReceiveCount} in template.yaml. */
    public static final int MAX_RECEIVE_COUNT = 3;
    /** A source is not started with less time left: a sitemap index poll reads up to six documents. */
    static final Duration MIN_TIME_TO_START = Duration.ofSeconds(60);

    /** Variables this function reads besides the AWS resource and site variables of every function. */
    public static final List<String> FUNCTION_VARIABLES = List.of(FeedPollerWiring.SOURCES_KEY,
            "NEWSROOM_FETCH_CONTACT_URL", FeedPollerWiring.POLL_INTERVAL_MINUTES, FeedPollerWiring.SEEN_URL_TTL_DAYS);

    private final FeedPollService service;
    private final Telemetry telemetry;
    private final SqsBatch batch;

    /** Production: wires the AWS adapters once per execution environment from the function's environment. */
    public FeedPollerHandler() {
        this(FeedPollerWiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        registerForSnapStart();
    }

    /** From a wiring: production's, or one of other adapters (tests, the local runner). */
    FeedPollerHandler(FeedPollerWiring wiring) {
        super(wiring);
        this.service = wiring.service();
        this.telemetry = wiring.telemetry();
        this.batch = new SqsBatch(MAX_RECEIVE_COUNT, telemetry);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        LambdaInvocation.begin(telemetry, context);
        return batch.process(event, context, this::process);
    }

    /** One message: an unreadable body is rejected at once; a readable one is polled if there is time for it. */
    private SqsBatch.Outcome process(SQSEvent.SQSMessage message, long remainingMillis) {
        PollRequests.Decoded decoded = PollRequests.decode(message.getBody());
        if (decoded instanceof PollRequests.Unreadable unreadable) {
            telemetry.warn("message.rejected", Map.of("messageId", String.valueOf(message.getMessageId()),
                    "reason", "INVALID_MESSAGE", "detail", unreadable.problem()));
            return SqsBatch.done();
        }
        PollRequest request = ((PollRequests.Readable) decoded).request();
        String source = request.source();
        if (remainingMillis < MIN_TIME_TO_START.toMillis()) {
            return new SqsBatch.NotStarted(fields(message, source), "NOT_STARTED (" + remainingMillis
                    + " ms left in this invocation; a poll needs " + MIN_TIME_TO_START.toMillis() + " ms)");
        }
        try {
            FeedPollService.Outcome outcome = service.poll(request);
            telemetry.info("message.done", fields(message, source, "status", outcome.status().name(),
                    "queued", outcome.queued()));
            return SqsBatch.done();
        } catch (RuntimeException e) {
            return new SqsBatch.Failed(fields(message, source), e.getClass().getSimpleName(), e);
        }
    }


    private static Map<String, Object> fields(SQSEvent.SQSMessage message, String source, Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", message.getMessageId());
        fields.put("source", source);
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** SnapStart: decoding a poll message; polling itself writes to the queue, so it is never run here. */
    @Override
    protected Map<String, Runnable> warmUps() {
        return Map.of("poll-message", () -> PollRequests.decode(
                "{\"source\":\"priming\",\"dispatchedAt\":\"2025-02-12T15:15:00Z\"}"));
    }
}
