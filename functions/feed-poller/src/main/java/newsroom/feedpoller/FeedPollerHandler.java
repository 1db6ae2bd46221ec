package newsroom.feedpoller;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.crac.Core;
import org.crac.Resource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import newsroom.aws.AwsPriming;
import newsroom.aws.LambdaInvocation;
import newsroom.core.observe.Telemetry;

/**
 * FeedPollerFunction: on each EventBridge Scheduler tick, polls every enabled source once
 * ({@link FeedPollService#pollAll()}) and returns what was queued. The Scheduler input is ignored: the sources file
 * decides what is polled. A queue failure is thrown so the Scheduler's retry policy (then its dead-letter queue)
 * takes over.
 */
public final class FeedPollerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Resource {

    /** Variables this function reads besides the AWS resource and site variables of every function. */
    public static final List<String> FUNCTION_VARIABLES = List.of(FeedPollerWiring.SOURCES_KEY, "NEWSROOM_FETCH_CONTACT_URL");

    private final FeedPollService service;
    private final AwsPriming priming;
    private final Telemetry telemetry;

    /** Production: wires the AWS adapters once per execution environment from the function's environment. */
    public FeedPollerHandler() {
        this(FeedPollerWiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        Core.getGlobalContext().register(this);
    }

    private FeedPollerHandler(FeedPollerWiring wiring) {
        this(wiring.service(), wiring.priming(), wiring.telemetry());
    }

    FeedPollerHandler(FeedPollService service, Telemetry telemetry) {
        this(service, AwsPriming.none(), telemetry);
    }

    FeedPollerHandler(FeedPollService service, AwsPriming priming, Telemetry telemetry) {
        this.service = Objects.requireNonNull(service, "service");
        this.priming = Objects.requireNonNull(priming, "priming");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        LambdaInvocation.begin(telemetry, context);
        FeedPollService.Summary summary = service.pollAll();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("queued", summary.queued());
        result.put("failed", summary.failed());
        telemetry.info("poll.done", Map.of("sources", summary.queued().size() + summary.failed().size(),
                "queued", summary.queued().values().stream().mapToInt(Integer::intValue).sum(),
                "failed", summary.failed().size()));
        return result;
    }

    /**
     * SnapStart: warm the request path of the S3, DynamoDB and SQS clients with one read each ({@link AwsPriming});
     * polling itself writes to the queue, so it is never run here.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        priming.run(telemetry);
        telemetry.info("priming.done", Map.of());
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: SDK credentials are resolved per request
    }
}
