package newsroom.local.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import newsroom.core.event.ArticleEvent;
import newsroom.core.event.StoredArticleDetail;
import newsroom.core.link.ArticleLinker;
import newsroom.core.port.Fetcher;
import newsroom.core.translation.TranslationService;
import newsroom.local.LocalPipeline;
import newsroom.media.ThumbnailService;

/**
 * Binds the event-driven functions to the local bus with the same services their Lambda handlers call, and keeps
 * what they skipped (e.g. "skipped: no translator configured") so the CLI can show it instead of pretending.
 */
final class Downstream {

    private final Map<String, Integer> skips = new TreeMap<>();

    private Downstream() {
    }

    /**
     * @param fetcher fetches images for thumbnails (the same SSRF-guarded fetcher as everything else)
     */
    static Downstream bind(LocalPipeline pipeline, Fetcher fetcher) {
        Downstream downstream = new Downstream();
        // No Translator runs locally: Amazon Translate needs an AWS account. The service records a visible skip.
        TranslationService translation = new TranslationService(pipeline.store(), pipeline.index(), pipeline.bus(),
                null, ArticleLinker.forSite(pipeline.store(), pipeline.index(), pipeline.config().thumbnails()));
        ThumbnailService thumbnails = new ThumbnailService(fetcher, pipeline.store(), pipeline.index(), pipeline.bus(),
                pipeline.config().thumbnails());
        pipeline.bus().subscribe("TranslationFunction", event -> {
            TranslationService.Result result = translation.translate(storedArticle(event),
                    pipeline.config().languages().targets());
            result.outcomes().stream().filter(o -> o.status() == TranslationService.Status.SKIPPED)
                    .forEach(o -> downstream.skip("TranslationFunction " + o.language() + ": " + o.reason()));
        });
        pipeline.bus().subscribe("ThumbnailFunction", event -> {
            StoredArticleDetail detail = storedArticle(event);
            try {
                ThumbnailService.Result result = thumbnails.createThumbnails(detail.articleId(), detail.thumbnail());
                if (result.status() == ThumbnailService.Status.SKIPPED) {
                    downstream.skip("ThumbnailFunction: skipped: " + result.reason() + " (" + result.detail() + ")");
                }
            } catch (Fetcher.FetchException e) {
                throw new IllegalStateException("image fetch failed: " + e.getMessage(), e);
            }
        });
        return downstream;
    }

    private void skip(String note) {
        skips.merge(note, 1, Integer::sum);
    }

    /** One line per distinct skip reason, with how many articles it concerned. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        skips.forEach((note, count) -> notes.add(note + (count > 1 ? " (" + count + " articles)" : "")));
        return notes;
    }

    /** The typed detail, or a failure the bus records as a failed delivery (as Lambda would dead-letter it). */
    private static StoredArticleDetail storedArticle(ArticleEvent event) {
        StoredArticleDetail.Read read = StoredArticleDetail.read(event.detail());
        if (read instanceof StoredArticleDetail.Unusable unusable) {
            throw new IllegalArgumentException(unusable.problem());
        }
        return ((StoredArticleDetail.Usable) read).detail();
    }
}
