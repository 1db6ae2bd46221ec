package newsroom.core.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsroom.core.model.ArticleId;

/**
 * The detail of {@code ArticleStored} / {@code ArticleUpdated} (docs/events.md): pointers and small metadata, never
 * the body. {@code IngestService} writes it ({@link #toMap()} is the wire form), and the translator, the thumbnailer
 * and the local bus read it back with {@link #read}, so the shape is written down once.
 *
 * @param articleId          24 lower-case hex digits
 * @param version            1 or more
 * @param date               RFC 3339 with offset, as in the front matter
 * @param thumbnail          an absolute http(s) image URL, or null (then the thumbnail rule does not match)
 * @param translationTargets languages other than the article's; empty when none (then the translation rule does not
 *                           match)
 * @param source             the source name (a name of the sources file, {@code api}, {@code cli})
 * @param url                the canonical URL of a web article, or null for posted Markdown and files
 */
public record StoredArticleDetail(String articleId, long version, String contentHash, String lang, String slug,
                                  String title, String date, String objectKey, String location, String thumbnail,
                                  List<String> translationTargets, String source, String url) {

    public StoredArticleDetail {
        translationTargets = List.copyOf(translationTargets);
    }

    /** A detail read from an event: usable, or the reason it is not. */
    public sealed interface Read {
    }

    /** A detail with a valid article id and version; other fields as the event carries them (null when absent). */
    public record Usable(StoredArticleDetail detail) implements Read {
    }

    /** A detail that can never be processed (retrying cannot help): {@code problem} says why, for logs. */
    public record Unusable(String problem) implements Read {
    }

    /** The map EventBridge carries, keys in the documented order; absent optional fields are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("articleId", articleId);
        detail.put("version", version);
        detail.put("contentHash", contentHash);
        detail.put("lang", lang);
        detail.put("slug", slug);
        detail.put("title", title);
        detail.put("date", date);
        detail.put("objectKey", objectKey);
        detail.put("location", location);
        if (thumbnail != null) {
            detail.put("thumbnail", thumbnail);
        }
        if (!translationTargets.isEmpty()) {
            detail.put("translationTargets", translationTargets);
        }
        detail.put("source", source);
        if (url != null) {
            detail.put("url", url);
        }
        return detail;
    }

    /**
     * Reads a delivered detail. The article id and version are checked (every consumer needs both); the other
     * fields are taken as they come: a string field that is absent or not a string is null, {@code source} is
     * {@code unknown} when absent, and {@code translationTargets} keeps its non-blank strings. Never throws.
     */
    public static Read read(Map<String, ?> detail) {
        if (detail == null) {
            return new Unusable("the event has no detail");
        }
        Object id = detail.get("articleId");
        if (!(id instanceof String articleId) || !ArticleId.isValid(articleId)) {
            return new Unusable("detail.articleId is not an article id: " + id);
        }
        Object version = detail.get("version");
        if (!(version instanceof Number number) || number.longValue() < 1) {
            return new Unusable("detail.version is not a version number: " + version);
        }
        List<String> targets = new ArrayList<>();
        if (detail.get("translationTargets") instanceof List<?> list) {
            for (Object t : list) {
                if (t instanceof String tag && !tag.isBlank()) {
                    targets.add(tag);
                }
            }
        }
        Object source = detail.get("source");
        return new Usable(new StoredArticleDetail(articleId, number.longValue(), text(detail, "contentHash"),
                text(detail, "lang"), text(detail, "slug"), text(detail, "title"), text(detail, "date"),
                text(detail, "objectKey"), text(detail, "location"), text(detail, "thumbnail"), targets,
                source == null ? "unknown" : source.toString(), text(detail, "url")));
    }

    private static String text(Map<String, ?> detail, String key) {
        return detail.get(key) instanceof String s ? s : null;
    }
}
