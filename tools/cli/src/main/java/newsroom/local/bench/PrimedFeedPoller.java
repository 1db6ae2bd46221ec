package newsroom.local.bench;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import newsroom.feedpoller.FeedPollerHandler;

/** Benchmark entry point: {@link FeedPollerHandler} as Lambda builds it, primed first when {@link Priming} says so. */
public final class PrimedFeedPoller implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final FeedPollerHandler handler = Priming.prepare(new FeedPollerHandler());

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return handler.handleRequest(event, context);
    }
}
