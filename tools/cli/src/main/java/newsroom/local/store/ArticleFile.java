package newsroom.local.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import newsroom.core.event.DetailType;
import newsroom.core.model.ArticleId;
import newsroom.core.model.Rfc3339;
import newsroom.core.port.ArticleRecord;

/**
 * The JSON shape of one article file of the {@link EmbeddedArticleIndex}: the {@link ArticleRecord} flat, dates as
 * RFC 3339 text, in the field order files have always had (so an existing site's index reads and rewrites as before).
 */
record ArticleFile(
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
        @Nullable String thumbnail,
        @Nullable String canonicalUrl,
        Set<String> sourceUrls,
        @Nullable String fingerprint,
        @Nullable DetailType pendingEvent,
        Map<String, String> translations,
        Map<String, Long> translatedVersions,
        Map<String, List<String>> thumbnails,
        String updatedAt) {

    static ArticleFile of(ArticleRecord r) {
        ArticleRecord.Listing listing = r.listing();
        ArticleRecord.Downstream downstream = r.downstream();
        return new ArticleFile(r.id(), r.version(), r.file().contentHash(), r.file().objectKey(), listing.title(),
                listing.slug(), listing.lang(), Rfc3339.format(listing.date()), listing.tags(), listing.categories(),
                listing.thumbnail(), r.origin().canonicalUrl(), r.origin().sourceUrls(), r.origin().fingerprint(),
                r.pendingEvent(), downstream.translations(), downstream.translatedVersions(), downstream.thumbnails(),
                Rfc3339.format(r.updatedAt()));
    }

    ArticleRecord toRecord() {
        return new ArticleRecord(id, version, new ArticleRecord.StoredFile(objectKey, contentHash),
                new ArticleRecord.Listing(title, slug, lang, Rfc3339.parse(date), tags, categories, thumbnail),
                new ArticleRecord.Origin(canonicalUrl, sourceUrls, fingerprint),
                new ArticleRecord.Downstream(translations, translatedVersions, thumbnails), pendingEvent,
                Rfc3339.parseInstant(updatedAt));
    }
}
