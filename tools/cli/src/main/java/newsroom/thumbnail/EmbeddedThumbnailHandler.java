package newsroom.thumbnail;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.local.invoke.EmbeddedSite;
import newsroom.media.ThumbnailService;

/**
 * {@link ThumbnailHandler} wired to the embedded default, for {@code newsroom invoke} without {@code --env}: the
 * image is fetched through the SSRF-guarded fetcher, variants land under {@code static/thumbnails/} in the site
 * folder. In the function's package (CLI module) for its package-private constructors.
 */
public final class EmbeddedThumbnailHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final ThumbnailHandler handler;

    public EmbeddedThumbnailHandler() {
        EmbeddedSite site = EmbeddedSite.fromEnvironment(System.getenv(), "thumbnail", null);
        ThumbnailService service = new ThumbnailService(site.fetcher(), site.pipeline().store(),
                site.pipeline().index(), site.pipeline().bus(), site.config().thumbnails());
        this.handler = new ThumbnailHandler(ThumbnailWiring.of(service, site.telemetry()));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
