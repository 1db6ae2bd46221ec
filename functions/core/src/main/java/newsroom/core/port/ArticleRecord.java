package newsroom.core.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * @param pendingEvent   detail-type of an event committed but not yet confirmed published, or null
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
        String pendingEvent,
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

    public ArticleRecord withPendingEvent(String detailType) {
        return new ArticleRecord(id, version, contentHash, objectKey, title, slug, lang, date, tags, categories,
                thumbnail, canonicalUrl, sourceUrls, fingerprint, detailType, translations, translatedVersions,
                thumbnails, updatedAt);
    }
}
