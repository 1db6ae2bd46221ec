package newsroom.translator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import newsroom.core.model.ArticleId;

/**
 * The fields of an {@code ArticleStored} / {@code ArticleUpdated} detail this function uses, checked: a detail that
 * lacks them can never be processed, so it is refused with the reason instead of being retried.
 */
record EventDetail(String articleId, long version, List<String> targets, String source) {

    /** A checked detail, or the reason it is unusable (exactly one is non-null). */
    record Checked(EventDetail detail, String problem) {
    }

    static Checked check(Map<String, Object> detail) {
        if (detail == null) {
            return new Checked(null, "the event has no detail");
        }
        Object id = detail.get("articleId");
        if (!(id instanceof String s) || !ArticleId.isValid(s)) {
            return new Checked(null, "detail.articleId is not an article id: " + id);
        }
        Object version = detail.get("version");
        if (!(version instanceof Number n) || n.longValue() < 1) {
            return new Checked(null, "detail.version is not a version number: " + version);
        }
        List<String> targets = new ArrayList<>();
        if (detail.get("translationTargets") instanceof List<?> list) {
            for (Object t : list) {
                if (t instanceof String tag && !tag.isBlank()) {
                    targets.add(tag);
                }
            }
        }
        if (targets.isEmpty()) {
            return new Checked(null, "detail.translationTargets names no language");
        }
        Object source = detail.get("source");
        return new Checked(new EventDetail(s, n.longValue(), targets, source == null ? "unknown" : source.toString()),
                null);
    }
}
