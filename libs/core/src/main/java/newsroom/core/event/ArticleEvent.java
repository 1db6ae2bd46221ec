package newsroom.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event for the bus. {@code detail} carries pointers (ids, object keys, URLs), never article bodies; see
 * {@code docs/events.md} for every detail-type and its fields ({@link StoredArticleDetail} is the typed form of the
 * ArticleStored / ArticleUpdated detail).
 */
public record ArticleEvent(String source, DetailType detailType, Map<String, Object> detail) {

    /** The {@code source} of every event this product emits. */
    public static final String SOURCE = "newsroom.ingest";

    public ArticleEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public static ArticleEvent of(DetailType detailType, Map<String, Object> detail) {
        return new ArticleEvent(SOURCE, detailType, detail);
    }

    /** The article id in the detail, for logs. */
    public String articleId() {
        return String.valueOf(detail.get("articleId"));
    }
}
