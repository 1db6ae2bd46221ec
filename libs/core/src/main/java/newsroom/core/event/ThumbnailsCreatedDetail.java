package newsroom.core.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.model.ArticleId;

/**
 * The detail of {@code ThumbnailsCreated} (docs/events.md): the variants of one image of one article written.
 * {@code ThumbnailService} writes it ({@link #toEvent()}), readers (the local bus's consumers, tests) read it back
 * with {@link #read}, so the shape is written down once, as {@link StoredArticleDetail} does for
 * {@code ArticleStored}.
 *
 * @param articleId  the article the image belongs to
 * @param imageUrl   the image the variants were made from
 * @param thumbnails the variants written, narrowest first
 */
public record ThumbnailsCreatedDetail(String articleId, String imageUrl, List<Variant> thumbnails) {

    /** One variant: its pixel size and where it is stored. */
    public record Variant(int width, int height, String objectKey) {
        public Variant {
            Objects.requireNonNull(objectKey, "objectKey");
        }
    }

    public ThumbnailsCreatedDetail {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(imageUrl, "imageUrl");
        thumbnails = List.copyOf(thumbnails);
    }

    /** The map EventBridge carries, keys in the documented order. */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (Variant v : thumbnails) {
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("width", v.width());
            variant.put("height", v.height());
            variant.put("objectKey", v.objectKey());
            variants.add(variant);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("articleId", articleId);
        detail.put("imageUrl", imageUrl);
        detail.put("thumbnails", variants);
        return detail;
    }

    /** The event to publish. */
    public ArticleEvent toEvent() {
        return ArticleEvent.of(DetailType.THUMBNAILS_CREATED, toMap());
    }

    /**
     * Reads a delivered detail; empty unless it has a valid article id, an image URL and a list of variants each
     * with a width, a height and an object key. Never throws.
     */
    public static Optional<ThumbnailsCreatedDetail> read(Map<String, ?> detail) {
        if (!(detail.get("articleId") instanceof String id) || !ArticleId.isValid(id)
                || !(detail.get("imageUrl") instanceof String imageUrl)
                || !(detail.get("thumbnails") instanceof List<?> list)) {
            return Optional.empty();
        }
        List<Variant> variants = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> v) || !(v.get("width") instanceof Number width)
                    || !(v.get("height") instanceof Number height) || !(v.get("objectKey") instanceof String key)) {
                return Optional.empty();
            }
            variants.add(new Variant(width.intValue(), height.intValue(), key));
        }
        return Optional.of(new ThumbnailsCreatedDetail(id, imageUrl, variants));
    }
}
