package newsroom.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import newsroom.feedpoller.FeedPollerHandler;

/** Benchmark entry point: {@link FeedPollerHandler} as Lambda builds it, primed first when {@link Priming} says so. */
public final class PrimedFeedPoller implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FeedPollerHandler handler = Priming.prepare(new FeedPollerHandler());

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
