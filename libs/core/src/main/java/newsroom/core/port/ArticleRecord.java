package newsroom.core.port;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import newsroom.core.event.DetailType;
import newsroom.core.model.ArticleId;

/**
 * What the index knows of one article: its current version, where the Markdown is, enough metadata to list and
 * filter, and the state of the store/emit protocol.
 *
 * @param version        1 for the first stored content, +1 for each changed content
 * @param contentHash    SHA-256 hex of the stored Markdown bytes
 * @param objectKey      key in the {@link ObjectStore}; stable for the article's whole life
 * @param date           RFC 3339 publication date (the listing sort key)
 * @param sourceUrls     every URL this content was seen under (syndication, changed slugs)
 * @param fingerprint    content fingerprint for same-story detection across URLs, or null
 * @param pendingEvent   the event committed but not yet confirmed published (ARTICLE_STORED or ARTICLE_UPDATED),
 *                       or null
 * @param translations   language -> translated object key, for translations made of the current version
 * @param translatedVersions language -> version it was translated from
 * @param thumbnails     image URL -> stored thumbnail keys
 * @param updatedAt      RFC 3339 instant of the last change to this record
 */
public record ArticleRecord(
        ArticleId id,
        long version,
        String contentHash,
        String objectKey,
        String title,
        String slug,
        String lang,
        String date,
        List<String> tags,
        List<String> categories,
        String thumbnail,
        String canonicalUrl,
        Set<String> sourceUrls,
        String fingerprint,
        DetailType pendingEvent,
        Map<String, String> translations,
        Map<String, Long> translatedVersions,
        Map<String, List<String>> thumbnails,
        String updatedAt) {

    public ArticleRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(objectKey, "objectKey");
        tags = List.copyOf(tags == null ? List.of() : tags);
        categories = List.copyOf(categories == null ? List.of() : categories);
        sourceUrls = Set.copyOf(sourceUrls == null ? Set.of() : sourceUrls);
        translations = Map.copyOf(translations == null ? Map.of() : translations);
        translatedVersions = Map.copyOf(translatedVersions == null ? Map.of() : translatedVersions);
        thumbnails = Map.copyOf(thumbnails == null ? Map.of() : thumbnails);
    }

    public boolean isPending() {
        return pendingEvent != null;
    }

    public ArticleRecord withPendingEvent(DetailType detailType) {
        return new ArticleRecord(id, version, contentHash, objectKey, title, slug, lang, date, tags, categories,
                thumbnail, canonicalUrl, sourceUrls, fingerprint, detailType, translations, translatedVersions,
                thumbnails, updatedAt);
    }

    /**
     * This record committed over {@code current}: the content fields are this record's, while what downstream
     * functions recorded (translations, thumbnails) is kept and the source URLs are the union of both
     * ({@link ArticleIndex#commit}'s contract).
     */
    public ArticleRecord committedOver(ArticleRecord current) {
        Set<String> urls = new LinkedHashSet<>(current.sourceUrls);
        urls.addAll(sourceUrls);
        return with(current.translations, current.translatedVersions, current.thumbnails, urls);
    }

    /**
     * With a translation into {@code language} made from {@code fromVersion}; unchanged when a newer version's
     * translation is already recorded (a late translation of an older version never replaces it).
     */
    public ArticleRecord withTranslation(String language, long fromVersion, String translationKey) {
        if (fromVersion < translatedVersions.getOrDefault(language, 0L)) {
            return this;
        }
        Map<String, String> keys = new HashMap<>(translations);
        Map<String, Long> versions = new HashMap<>(translatedVersions);
        keys.put(language, translationKey);
        versions.put(language, fromVersion);
        return with(keys, versions, thumbnails, sourceUrls);
    }

    /** With the thumbnail keys made from {@code imageUrl} (replacing any recorded for that image). */
    public ArticleRecord withThumbnails(String imageUrl, List<String> objectKeys) {
        Map<String, List<String>> all = new HashMap<>(thumbnails);
        all.put(imageUrl, List.copyOf(objectKeys));
        return with(translations, translatedVersions, all, sourceUrls);
    }

    /** The same version with its stored file's hash replaced (the file rewritten with thumbnail links). */
    public ArticleRecord withContentHash(String hash) {
        return new ArticleRecord(id, version, hash, objectKey, title, slug, lang, date, tags, categories,
                thumbnail, canonicalUrl, sourceUrls, fingerprint, pendingEvent, translations, translatedVersions,
                thumbnails, updatedAt);
    }

    /** With one more URL this content was seen under. */
    public ArticleRecord withSourceUrl(String url) {
        Set<String> urls = new LinkedHashSet<>(sourceUrls);
        urls.add(url);
        return with(translations, translatedVersions, thumbnails, urls);
    }

    private ArticleRecord with(Map<String, String> newTranslations, Map<String, Long> newTranslatedVersions,
                               Map<String, List<String>> newThumbnails, Set<String> newSourceUrls) {
        return new ArticleRecord(id, version, contentHash, objectKey, title, slug, lang, date, tags, categories,
                thumbnail, canonicalUrl, newSourceUrls, fingerprint, pendingEvent, newTranslations,
                newTranslatedVersions, newThumbnails, updatedAt);
    }
}
