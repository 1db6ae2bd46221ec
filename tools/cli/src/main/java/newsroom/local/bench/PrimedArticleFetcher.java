package newsroom.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import newsroom.articlefetcher.ArticleFetcherHandler;

/**
 * Benchmark entry point: {@link ArticleFetcherHandler} as Lambda builds it, primed first when {@link Priming} says so.
 */
public final class PrimedArticleFetcher implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ArticleFetcherHandler handler = Priming.prepare(new ArticleFetcherHandler());

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
