package newsroom.local.bench;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.thumbnail.ThumbnailHandler;

/** Benchmark entry point: {@link ThumbnailHandler} as Lambda builds it, primed first when {@link Priming} says so. */
public final class PrimedThumbnail implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final ThumbnailHandler handler = Priming.prepare(new ThumbnailHandler());

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
