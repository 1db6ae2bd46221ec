package newsroom.thumbnail;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.aws.AwsPriming;
import newsroom.aws.LambdaInvocation;
import newsroom.aws.SnapStartHandler;
import newsroom.core.event.StoredArticleDetail;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.media.ThumbnailService;

/**
 * ThumbnailFunction: an {@code ArticleStored} / {@code ArticleUpdated} event with a {@code thumbnail} URL (routed
 * by the rule in template.yaml) → {@link ThumbnailService#createThumbnails} for that article and image. Unusable
 * details and images that can never be fetched (not allowed, 404) are logged, counted and dropped; retryable fetch
 * failures and service failures are thrown so Lambda retries the asynchronous invocation, then sends it to the
 * dead-letter queue.
 */
public final class ThumbnailHandler extends SnapStartHandler
        implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    /** Variables this function reads besides the AWS resource and site variables of every function. */
    public static final List<String> FUNCTION_VARIABLES = List.of("NEWSROOM_FETCH_CONTACT_URL");

    private final ThumbnailService thumbnails;
    private final Telemetry telemetry;

    /** Production: wires the AWS adapters once per execution environment from the function's environment. */
    public ThumbnailHandler() {
        this(ThumbnailWiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        registerForSnapStart();
    }

    /** From a wiring: production's, or one of other adapters (tests, the local runner). */
    ThumbnailHandler(ThumbnailWiring wiring) {
        super(wiring);
        this.thumbnails = wiring.thumbnails();
        this.telemetry = wiring.telemetry();
    }

    /** Thrown so the platform retries: the image fetch may succeed later. */
    static final class RetryLaterException extends RuntimeException {
        RetryLaterException(String message) {
            super(message);
        }
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        LambdaInvocation.begin(telemetry, context);
        StoredArticleDetail.Read read = StoredArticleDetail.read(event == null ? null : event.getDetail());
        Map<String, Object> result = new LinkedHashMap<>();
        if (read instanceof StoredArticleDetail.Unusable unusable) {
            Object source = event == null || event.getDetail() == null ? null : event.getDetail().get("source");
            return rejected(result, source == null ? "unknown" : source.toString(), unusable.problem());
        }
        StoredArticleDetail detail = ((StoredArticleDetail.Usable) read).detail();
        String source = detail.source();
        String articleId = detail.articleId();
        String imageUrl = detail.thumbnail();
        if (imageUrl == null || !(imageUrl.startsWith("https://") || imageUrl.startsWith("http://"))) {
            return rejected(result, source, "detail.thumbnail is not an http(s) URL: "
                    + event.getDetail().get("thumbnail"));
        }
        try {
            ThumbnailService.Result created = thumbnails.createThumbnails(articleId, imageUrl);
            result.put("status", created.status().name());
            if (created.reason() != null) {
                result.put("reason", created.reason().name());
                result.put("detail", created.detail());
                telemetry.warn("thumbnail.skipped", Map.of("articleId", articleId, "source", source,
                        "imageUrl", imageUrl, "reason", created.reason().name(),
                        "detail", String.valueOf(created.detail())));
            }
            result.put("objectKeys", created.objectKeys());
            Map<String, String> linked = new LinkedHashMap<>();
            created.linked().forEach(f -> linked.put(f.objectKey(), f.status().name()));
            result.put("linked", linked);
        } catch (FetchException e) {
            telemetry.count("FetchErrors", source);
            if (e.retryable()) {
                telemetry.warn("thumbnail.retry", Map.of("articleId", articleId, "source", source,
                        "imageUrl", imageUrl, "reason", e.reason()));
                throw new RetryLaterException("image fetch failed, retrying: " + e.getMessage());
            }
            telemetry.warn("thumbnail.skipped", Map.of("articleId", articleId, "source", source,
                    "imageUrl", imageUrl, "reason", e.reason(), "detail", String.valueOf(e.getMessage())));
            result.put("status", "SKIPPED");
            result.put("reason", e.getMessage());
            return result;
        }
        telemetry.info("thumbnail.done", Map.of("articleId", articleId, "source", source, "imageUrl", imageUrl,
                "status", String.valueOf(result.get("status")), "linked", String.valueOf(result.get("linked"))));
        return result;
    }

    private Map<String, Object> rejected(Map<String, Object> result, String source, String problem) {
        telemetry.warn("thumbnail.rejected", Map.of("source", source, "reason", problem));
        telemetry.count("ArticlesRejected", source);
        result.put("rejected", problem);
        return result;
    }

    /**
     * SnapStart: load the image codecs; then {@link SnapStartHandler} warms the request path of every SDK client with
     * reads and dry runs only ({@link AwsPriming}); no fetch, no store.
     */
    @Override
    protected Map<String, Runnable> warmUps() {
        return Map.of("image codecs", () -> {
            ImageIO.getReaderFormatNames();
            ImageIO.getWriterFormatNames();
        });
    }

}
