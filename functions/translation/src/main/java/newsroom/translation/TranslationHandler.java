package newsroom.translation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import newsroom.aws.AwsPriming;
import newsroom.aws.LambdaInvocation;
import newsroom.aws.SnapStartHandler;
import newsroom.core.config.SiteConfig;
import newsroom.core.event.StoredArticleDetail;
import newsroom.core.observe.Telemetry;
import newsroom.core.prime.SnapStartPriming;
import newsroom.core.translation.TranslationService;

/**
 * TranslationFunction: an {@code ArticleStored} / {@code ArticleUpdated} event with {@code translationTargets}
 * (routed by the rule in template.yaml) → {@link TranslationService#translate} for that article version. Returns the
 * outcome per language. An unusable detail is logged, counted (ArticlesRejected) and dropped, since retrying cannot
 * help; service failures are thrown so Lambda retries the asynchronous invocation, then sends it to the dead-letter
 * queue.
 */
public final class TranslationHandler extends SnapStartHandler
        implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    /** Variables this function reads besides the AWS resource and site variables of every function (none). */
    public static final List<String> FUNCTION_VARIABLES = List.of();

    private final TranslationService translations;
    private final SiteConfig site;
    private final Telemetry telemetry;

    /** Production: wires the AWS adapters once per execution environment from the function's environment. */
    public TranslationHandler() {
        this(TranslationWiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        registerForSnapStart();
    }

    /** From a wiring: production's, or one of other adapters (tests, the local runner). */
    TranslationHandler(TranslationWiring wiring) {
        super(wiring);
        this.translations = wiring.translations();
        this.site = wiring.site();
        this.telemetry = wiring.telemetry();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        LambdaInvocation.begin(telemetry, context);
        StoredArticleDetail.Read read = StoredArticleDetail.read(event == null ? null : event.getDetail());
        if (read instanceof StoredArticleDetail.Unusable unusable) {
            return rejected(event, unusable.problem());
        }
        StoredArticleDetail detail = ((StoredArticleDetail.Usable) read).detail();
        if (detail.translationTargets().isEmpty()) {
            return rejected(event, "detail.translationTargets names no language");
        }
        TranslationService.Result translated = translations.translate(detail, site.languages().targets());
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (TranslationService.Outcome o : translated.outcomes()) {
            outcomes.put(o.language(), o.status() + (o.objectKey() == null ? "" : " " + o.objectKey())
                    + (o.reason() == null ? "" : ": " + o.reason()));
        }
        telemetry.info("translation.done", Map.of("articleId", detail.articleId(), "version", detail.version(),
                "source", detail.source(), "outcomes", outcomes));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("articleId", detail.articleId());
        result.put("version", detail.version());
        result.put("outcomes", outcomes);
        return result;
    }

    /** Unusable: logged, counted and dropped, since retrying cannot help. */
    private Map<String, Object> rejected(ScheduledEvent event, String problem) {
        Object source = event == null || event.getDetail() == null ? null : event.getDetail().get("source");
        telemetry.warn("translation.rejected", Map.of("eventId", String.valueOf(event == null ? null : event.getId()),
                "reason", problem));
        telemetry.count("ArticlesRejected", source == null ? "unknown" : source.toString());
        return Map.of("rejected", problem);
    }

    /**
     * SnapStart: warm the front matter pipeline; then {@link SnapStartHandler} warms the request path of every SDK
     * client with reads and dry runs only ({@link AwsPriming}): Translate is never called, nothing is stored or
     * published.
     */
    @Override
    protected Map<String, Runnable> warmUps() {
        return Map.of("front matter", () -> SnapStartPriming.frontMatterRoundTrip(site));
    }

}
