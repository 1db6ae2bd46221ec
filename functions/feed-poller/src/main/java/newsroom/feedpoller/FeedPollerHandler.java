package newsroom.feedpoller;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;


import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import newsroom.aws.AwsPriming;
import newsroom.aws.LambdaInvocation;
import newsroom.aws.SnapStartHandler;
import newsroom.core.observe.Telemetry;

/**
 * FeedPollerFunction: on each EventBridge Scheduler tick, polls every enabled source once
 * ({@link FeedPollService#pollAll()}) and returns what was queued. The Scheduler input is ignored: the sources file
 * decides what is polled. A queue failure is thrown so the Scheduler's retry policy (then its dead-letter queue)
 * takes over. SnapStart: only the AWS priming (a read per client); polling writes to the queue, so it never runs
 * before the snapshot.
 */
public final class FeedPollerHandler extends SnapStartHandler
        implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Variables this function reads besides the AWS resource and site variables of every function. */
    public static final List<String> FUNCTION_VARIABLES = List.of(FeedPollerWiring.SOURCES_KEY, "NEWSROOM_FETCH_CONTACT_URL");

    private final FeedPollService service;
    private final Telemetry telemetry;

    /** Production: wires the AWS adapters once per execution environment from the function's environment. */
    public FeedPollerHandler() {
        this(FeedPollerWiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        registerForSnapStart();
    }

    private FeedPollerHandler(FeedPollerWiring wiring) {
        this(wiring.service(), wiring.priming(), wiring.telemetry());
    }

    FeedPollerHandler(FeedPollService service, Telemetry telemetry) {
        this(service, AwsPriming.none(), telemetry);
    }

    FeedPollerHandler(FeedPollService service, AwsPriming priming, Telemetry telemetry) {
        super(priming, telemetry);
        this.service = Objects.requireNonNull(service, "service");
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
}
