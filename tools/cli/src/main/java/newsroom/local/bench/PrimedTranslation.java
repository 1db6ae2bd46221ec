package newsroom.local.bench;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.translation.TranslationHandler;

/** Benchmark entry point: {@link TranslationHandler} as Lambda builds it, primed first when {@link Priming} says so. */
public final class PrimedTranslation implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final TranslationHandler handler = Priming.prepare(new TranslationHandler());

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
