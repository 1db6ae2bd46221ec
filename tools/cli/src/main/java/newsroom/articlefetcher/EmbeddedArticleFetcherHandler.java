package newsroom.articlefetcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import newsroom.core.ingest.ArticleFetchService;
import newsroom.extract.ArticleExtractor;
import newsroom.local.invoke.EmbeddedSite;

/**
 * {@link ArticleFetcherHandler} wired to the embedded default, for {@code newsroom invoke} without {@code --env}:
 * pages are fetched through the SSRF-guarded fetcher, articles land in the site folder, re-queued requests in
 * {@code .newsroom/fetch-queue.jsonl}. In the function's package (CLI module) for its package-private constructors.
 */
public final class EmbeddedArticleFetcherHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ArticleFetcherHandler handler;

    public EmbeddedArticleFetcherHandler() {
        EmbeddedSite site = EmbeddedSite.fromEnvironment(System.getenv(), "article-fetcher", new ArticleExtractor());
        ArticleFetchService service = new ArticleFetchService(site.fetcher(), site.pipeline().ingest(),
                site.telemetry());
        SourceContexts contexts = new SourcesFileContexts(site.pipeline().store(),
                System.getenv().getOrDefault(ArticleFetcherWiring.SOURCES_KEY, "config/sources.yaml"), site.config(),
                site.telemetry());
        this.handler = new ArticleFetcherHandler(ArticleFetcherWiring.of(service, site.queue(), contexts,
                site.config(), site.telemetry()));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
