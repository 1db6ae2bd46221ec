package newsroom.core.ingest;

import java.util.Locale;
import java.util.Objects;

import newsroom.core.model.ArticleId;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.Rejection;

/**
 * What ingesting one input did: an {@link Ingested} article (stored, updated or unchanged, with its id and version)
 * or a {@link Rejected} input with its reason.
 */
public sealed interface IngestOutcome {

    enum Status {
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
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Status status();

    /** One line for people: {@code stored}, {@code updated (v2)}, {@code rejected: MISSING_TITLE (…)}. */
    String summary();

    /**
     * This outcome as an {@link Ingested} one, for a caller that knows the input was accepted (tests, a replay).
     *
     * @throws IllegalStateException when it is a {@link Rejected} one; the message carries the rejection
     */
    default Ingested ingested() {
        if (this instanceof Ingested ingested) {
            return ingested;
        }
        throw new IllegalStateException("expected an ingested article, was " + summary());
    }

    static Rejected rejected(Rejection rejection) {
        return new Rejected(rejection);
    }

    /**
     * An article the index holds: stored, updated, or unchanged.
     *
     * @param location    where the Markdown is, for people and logs ({@code s3://…} or a file path)
     * @param article     the normalized input
     * @param duplicateOf when the same story was already stored under another URL: that article's id (then
     *                    {@code id} is that article too and the status UNCHANGED), otherwise null
     */
    record Ingested(Status status, ArticleId id, long version, String objectKey, String location,
                    NormalizedArticle article, ArticleId duplicateOf) implements IngestOutcome {
        public Ingested {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(id, "id");
            if (status == Status.REJECTED) {
                throw new IllegalArgumentException("a rejection is a Rejected outcome");
            }
        }

        @Override
        public String summary() {
            return switch (status) {
                case UPDATED -> "updated (v" + version + ")";
                case UNCHANGED -> duplicateOf == null ? "unchanged" : "unchanged (same story as " + duplicateOf + ")";
                default -> "stored";
            };
        }
    }

    /** An input refused with its reason; nothing was stored. */
    record Rejected(Rejection rejection) implements IngestOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public Status status() {
            return Status.REJECTED;
        }

        @Override
        public String summary() {
            return "rejected: " + rejection;
        }
    }
}
