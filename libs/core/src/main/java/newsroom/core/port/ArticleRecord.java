package newsroom.core.port;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import newsroom.core.event.DetailType;
import newsroom.core.model.ArticleId;

/**
 * What the index knows of one article, in four groups and the protocol state: where the current version's Markdown
 * is ({@link StoredFile}), what listing and filtering read ({@link Listing}), where the content was seen
 * ({@link Origin}), and what downstream functions recorded ({@link Downstream}). A commit writes the first three;
 * only the downstream functions write the fourth.
 *
 * @param version      1 for the first stored content, +1 for each changed content
 * @param pendingEvent detail-type of an event committed but not yet confirmed published, or null
 * @param updatedAt    the last change to this record
 */
public record ArticleRecord(
        ArticleId id,
        long version,
        StoredFile file,
        Listing listing,
        Origin origin,
        Downstream downstream,
        @Nullable DetailType pendingEvent,
        Instant updatedAt) {

    /**
     * The Markdown of the current version.
     *
     * @param objectKey   key in the {@link ObjectStore}; stable for the article's whole life
     * @param contentHash SHA-256 hex of the stored Markdown bytes
     */
    public record StoredFile(String objectKey, String contentHash) {
        public StoredFile {
            Objects.requireNonNull(objectKey, "objectKey");
            Objects.requireNonNull(contentHash, "contentHash");
        }
    }

    /**
     * The current version's metadata that {@link ArticleIndex#list} sorts and filters on and the API shows.
     *
     * @param date      the publication date (the listing sort key)
     * @param thumbnail the front matter's thumbnail, or null
     */
    public record Listing(String title, String slug, String lang, OffsetDateTime date, List<String> tags,
                          List<String> categories, @Nullable String thumbnail) {
        public Listing {
            Objects.requireNonNull(date, "date");
            tags = List.copyOf(tags == null ? List.of() : tags);
            categories = List.copyOf(categories == null ? List.of() : categories);
        }
    }

    /**
     * Where the content came from.
     *
     * @param canonicalUrl the identity URL of a web article, or null for files and URL-less posts
     * @param sourceUrls   every URL this content was seen under (syndication, changed slugs); never shrinks
     * @param fingerprint  content fingerprint for same-story detection across URLs, or null
     */
    public record Origin(@Nullable String canonicalUrl, Set<String> sourceUrls, @Nullable String fingerprint) {
        public Origin {
            sourceUrls = Set.copyOf(sourceUrls == null ? Set.of() : sourceUrls);
        }

        Origin withSourceUrls(Set<String> urls) {
            return new Origin(canonicalUrl, urls, fingerprint);
        }
    }

    /**
     * What the downstream functions recorded; kept across commits ({@link ArticleIndex#commit}'s contract).
     *
     * @param translations       language -> translated object key, for translations made of the current version
     * @param translatedVersions language -> version it was translated from
     * @param thumbnails         image URL -> stored thumbnail keys
     */
    public record Downstream(Map<String, String> translations, Map<String, Long> translatedVersions,
                             Map<String, List<String>> thumbnails) {
        /** Nothing recorded yet: a new article's. */
        public static final Downstream NONE = new Downstream(Map.of(), Map.of(), Map.of());

        public Downstream {
            translations = Map.copyOf(translations == null ? Map.of() : translations);
            translatedVersions = Map.copyOf(translatedVersions == null ? Map.of() : translatedVersions);
            thumbnails = Map.copyOf(thumbnails == null ? Map.of() : thumbnails);
        }
    }

    public ArticleRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(downstream, "downstream");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A version as the ingest commits it: nothing recorded downstream yet (the index keeps what is already
     * recorded, see {@link #committedOver}).
     */
    public static ArticleRecord newVersion(ArticleId id, long version, StoredFile file, Listing listing,
                                           Origin origin, @Nullable DetailType pendingEvent, Instant updatedAt) {
        return new ArticleRecord(id, version, file, listing, origin, Downstream.NONE, pendingEvent, updatedAt);
    }

    public boolean isPending() {
        return pendingEvent != null;
    }

    public ArticleRecord withPendingEvent(@Nullable DetailType detailType) {
        return new ArticleRecord(id, version, file, listing, origin, downstream, detailType, updatedAt);
    }

    /**
     * This record committed over {@code current}: the content fields are this record's, while what downstream
     * functions recorded is kept and the source URLs are the union of both ({@link ArticleIndex#commit}'s contract).
     */
    public ArticleRecord committedOver(ArticleRecord current) {
        Set<String> urls = new LinkedHashSet<>(current.origin.sourceUrls());
        urls.addAll(origin.sourceUrls());
        return new ArticleRecord(id, version, file, listing, origin.withSourceUrls(urls), current.downstream,
                pendingEvent, updatedAt);
    }

    /**
     * With a translation into {@code language} made from {@code fromVersion}; unchanged when a newer version's
     * translation is already recorded (a late translation of an older version never replaces it).
     */
    public ArticleRecord withTranslation(String language, long fromVersion, String translationKey) {
        if (fromVersion < downstream.translatedVersions().getOrDefault(language, 0L)) {
            return this;
        }
        Map<String, String> keys = new HashMap<>(downstream.translations());
        Map<String, Long> versions = new HashMap<>(downstream.translatedVersions());
        keys.put(language, translationKey);
        versions.put(language, fromVersion);
        return withDownstream(new Downstream(keys, versions, downstream.thumbnails()));
    }

    /** With the thumbnail keys made from {@code imageUrl} (replacing any recorded for that image). */
    public ArticleRecord withThumbnails(String imageUrl, List<String> objectKeys) {
        Map<String, List<String>> all = new HashMap<>(downstream.thumbnails());
        all.put(imageUrl, List.copyOf(objectKeys));
        return withDownstream(new Downstream(downstream.translations(), downstream.translatedVersions(), all));
    }

    /** The same version with its stored file's hash replaced (the file rewritten with thumbnail links). */
    public ArticleRecord withContentHash(String hash) {
        return new ArticleRecord(id, version, new StoredFile(file.objectKey(), hash), listing, origin, downstream,
                pendingEvent, updatedAt);
    }

    /** With one more URL this content was seen under. */
    public ArticleRecord withSourceUrl(String url) {
        Set<String> urls = new LinkedHashSet<>(origin.sourceUrls());
        urls.add(url);
        return new ArticleRecord(id, version, file, listing, origin.withSourceUrls(urls), downstream, pendingEvent,
                updatedAt);
    }

    private ArticleRecord withDownstream(Downstream recorded) {
        return new ArticleRecord(id, version, file, listing, origin, recorded, pendingEvent, updatedAt);
    }
}
