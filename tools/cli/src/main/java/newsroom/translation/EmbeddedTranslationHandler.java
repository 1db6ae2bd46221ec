package newsroom.translation;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.core.translation.TranslationService;
import newsroom.local.invoke.EmbeddedSite;

/**
 * {@link TranslationHandler} wired to the embedded default, for {@code newsroom invoke} without {@code --env}. No
 * translator runs locally (Amazon Translate needs an account): each target language is reported as skipped, as
 * {@code newsroom ingest} does. In the function's package (CLI module) for its package-private constructors.
 */
public final class EmbeddedTranslationHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final TranslationHandler handler;

    public EmbeddedTranslationHandler() {
        EmbeddedSite site = EmbeddedSite.fromEnvironment(System.getenv(), "translation", null);
        TranslationService service = new TranslationService(site.pipeline().store(), site.pipeline().index(),
                site.pipeline().bus(), null);
        this.handler = new TranslationHandler(TranslationWiring.of(service, site.config(), site.telemetry()));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
