package newsroom.feedpoller;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.aws.LambdaInvocation;
import newsroom.aws.SnapStartHandler;
import newsroom.core.observe.Telemetry;

/**
 * PollDispatcherFunction: on each EventBridge Scheduler tick, sends one poll-queue message per source that is due
 * ({@link PollDispatchService#dispatchDue()}) and returns what it sent and which sources are failing. The Scheduler
 * sends a {@link ScheduledEvent} (template.yaml writes its input in that shape, as EventBridge rules send it to the
 * other event-driven functions); its content is not used: the sources file and the sources' state decide. A queue
 * failure is thrown so the Scheduler's retry policy (then its dead-letter queue) takes over. SnapStart: only the AWS
 * priming (a read per client); nothing is sent before the snapshot.
 */
public final class PollDispatcherHandler extends SnapStartHandler
        implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    /** Variables this function reads besides the AWS resource and site variables of every function. */
    public static final List<String> FUNCTION_VARIABLES = List.of(FeedPollerWiring.SOURCES_KEY,
            PollDispatcherWiring.POLL_QUEUE_URL);

    private final PollDispatchService service;
    private final Telemetry telemetry;

    /** Production: wires the AWS adapters once per execution environment from the function's environment. */
    public PollDispatcherHandler() {
        this(PollDispatcherWiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        registerForSnapStart();
    }

    /** From a wiring: production's, or one of other adapters (tests, the local runner). */
    PollDispatcherHandler(PollDispatcherWiring wiring) {
        super(wiring);
        this.service = wiring.service();
        this.telemetry = wiring.telemetry();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        LambdaInvocation.begin(telemetry, context);
        PollDispatchService.Summary summary = service.dispatchDue();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dispatched", summary.dispatched());
        result.put("notDue", summary.notDue().size());
        result.put("failing", summary.failing());
        return result;
    }
}
