package newsroom.ingestapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import newsroom.local.invoke.EmbeddedSite;

/**
 * {@link IngestApiHandler} wired to the embedded default, for {@code newsroom invoke} without {@code --env}. It lives
 * in the function's package (in the CLI module) to reach the package-private constructors the tests use; the
 * function's jar never contains it.
 */
public final class EmbeddedIngestApiHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final IngestApiHandler handler;

    public EmbeddedIngestApiHandler() {
        EmbeddedSite site = EmbeddedSite.fromEnvironment(System.getenv(), "ingest-api", null);
        ArticleApi api = new ArticleApi(site.pipeline().ingest(), site.pipeline().index(), site.pipeline().store(),
                site.queue(), IngestApiWiring.publicUrlCheck(), site.config(), site.telemetry());
        this.handler = new IngestApiHandler(IngestApiWiring.of(api, site.config(), site.telemetry()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
