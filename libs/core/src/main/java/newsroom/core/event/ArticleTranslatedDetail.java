package newsroom.core.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import newsroom.core.model.ArticleId;

/**
 * The detail of {@code ArticleTranslated} (docs/events.md): one translation written. {@code TranslationService}
 * writes it ({@link #toEvent()}), readers (the local bus's consumers, tests) read it back with {@link #read}, so the
 * shape is written down once, as {@link StoredArticleDetail} does for {@code ArticleStored}.
 *
 * @param articleId  the translated article
 * @param version    the source version the translation was made from
 * @param lang       the language of the translation
 * @param sourceLang the language of the article
 * @param objectKey  where the translation is stored
 */
public record ArticleTranslatedDetail(String articleId, long version, String lang, String sourceLang,
                                      String objectKey) {

    public ArticleTranslatedDetail {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(sourceLang, "sourceLang");
        Objects.requireNonNull(objectKey, "objectKey");
    }

    /** The map EventBridge carries, keys in the documented order. */
    public Map<String, Object> toMap() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("articleId", articleId);
        detail.put("version", version);
        detail.put("lang", lang);
        detail.put("sourceLang", sourceLang);
        detail.put("objectKey", objectKey);
        return detail;
    }

    /** The event to publish. */
    public ArticleEvent toEvent() {
        return ArticleEvent.of(DetailType.ARTICLE_TRANSLATED, toMap());
    }

    /**
     * Reads a delivered detail; empty unless it has a valid article id, a version of 1 or more and the three
     * string fields. Never throws.
     */
    public static Optional<ArticleTranslatedDetail> read(Map<String, ?> detail) {
        if (!(detail.get("articleId") instanceof String id) || !ArticleId.isValid(id)
                || !(detail.get("version") instanceof Number version) || version.longValue() < 1
                || !(detail.get("lang") instanceof String lang) || !(detail.get("sourceLang") instanceof String from)
                || !(detail.get("objectKey") instanceof String key)) {
            return Optional.empty();
        }
        return Optional.of(new ArticleTranslatedDetail(id, version.longValue(), lang, from, key));
    }
}
