package newsroom.core.ingest;

import java.util.Objects;

import newsroom.core.model.ArticleId;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.Rejection;

/**
 * What ingesting one input did. Exactly one of: a stored/updated/unchanged article (with its id and version), or a
 * rejection with its reason.
 *
 * @param article     the normalized article (null when rejected)
 * @param duplicateOf when the same story was already stored under another URL: that article's id (status UNCHANGED)
 */
public record IngestOutcome(Status status, ArticleId id, long version, String objectKey, String location,
                            NormalizedArticle article, Rejection rejection, ArticleId duplicateOf) {

    public enum Status {
        /** New article: version 1 stored, ArticleStored emitted. */
        STORED,
        /** Changed content: a new version stored, ArticleUpdated emitted. */
        UPDATED,
        /** Same content as the current version (or as another article's): nothing stored, nothing emitted. */
        UNCHANGED,
        /** Refused; nothing stored. */
        REJECTED;

        /** The word the CLI and the API print: stored, updated, unchanged, rejected. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public IngestOutcome {
        Objects.requireNonNull(status, "status");
        if ((status == Status.REJECTED) != (rejection != null)) {
            throw new IllegalArgumentException("a rejection reason goes with status REJECTED and only with it");
        }
    }

    public static IngestOutcome rejected(Rejection rejection) {
        return new IngestOutcome(Status.REJECTED, null, 0, null, null, null, rejection, null);
    }

    /** One line for people: {@code stored}, {@code updated (v2)}, {@code rejected: MISSING_TITLE (…)}. */
    public String summary() {
        return switch (status) {
            case STORED -> "stored";
            case UPDATED -> "updated (v" + version + ")";
            case UNCHANGED -> duplicateOf == null ? "unchanged" : "unchanged (same story as " + duplicateOf + ")";
            case REJECTED -> "rejected: " + rejection;
        };
    }
}
