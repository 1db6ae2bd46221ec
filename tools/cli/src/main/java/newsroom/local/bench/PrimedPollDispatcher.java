package newsroom.local.bench;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.feedpoller.PollDispatcherHandler;

/**
 * Benchmark entry point: {@link PollDispatcherHandler} as Lambda builds it, primed first when {@link Priming} says so.
 */
public final class PrimedPollDispatcher implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final PollDispatcherHandler handler = Priming.prepare(new PollDispatcherHandler());

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
