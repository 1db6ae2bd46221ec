package newsroom.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import newsroom.core.model.ArticleId;
import newsroom.core.text.LanguageTags;

/**
 * The metadata index (DynamoDB on AWS, an embedded crash-safe store locally).
 *
 * <p>Contract, shared by every adapter and pinned by the port's contract test suite:
 * <ul>
 *   <li>{@link #commit} is a conditional write: it succeeds only if the stored version equals
 *       {@code expectedVersion} (0 = the article must not exist yet), else throws {@link ConcurrentUpdateException}.
 *       It replaces the content fields; translations and thumbnails recorded for the article are kept.</li>
 *   <li>{@link #relink} replaces only the content hash of the current version, and only when the record is still at
 *       {@code version} with {@code expectedHash}; else throws {@link ConcurrentUpdateException}. The version, the
 *       pending mark and everything else are kept: the same content, with thumbnail links, is no new version.</li>
 *   <li>{@link #clearPending} clears the pending-event mark only when the stored version is still {@code version}.</li>
 *   <li>{@link #claim} atomically binds a unique name (an object key, a content fingerprint) to one article and
 *       returns the owner: the caller's id if it was free or already its own, else the other article's id.</li>
 *   <li>{@link #recordTranslation} and {@link #recordThumbnails} update only their own map entry; repeating them
 *       is harmless.</li>
 *   <li>{@link #list} filters as {@link ListQuery} defines: language and tag match case-insensitively, and
 *       {@code since} takes a date-time or a plain date.</li>
 * </ul>
 */
public interface ArticleIndex {

    Optional<ArticleRecord> find(ArticleId id);

    void commit(ArticleRecord record, long expectedVersion) throws ConcurrentUpdateException;

    void clearPending(ArticleId id, long version);

    /**
     * The stored file of {@code version} is about to be rewritten with thumbnail links (same content, other bytes):
     * records their hash, conditionally on the record still being at {@code version} with {@code expectedHash}.
     *
     * @throws ConcurrentUpdateException when the record moved on (a new version, or another relink)
     */
    void relink(ArticleId id, long version, String expectedHash, String linkedHash)
            throws ConcurrentUpdateException;

    ArticleId claim(String name, ArticleId id);

    void recordTranslation(ArticleId id, String language, long fromVersion, String objectKey);

    void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys);

    /** Adds a URL under which the same content was seen (idempotent). */
    void addSourceUrl(ArticleId id, String url);

    /**
     * Articles newest first by the instant of their date (ties in an order of the adapter's choosing), at most
     * {@code limit} of them, kept only when they pass every filter of the query as {@link ListQuery} defines it.
     * {@code cursor} is the opaque {@code nextCursor} of a previous page of the same query; a cursor the index did not
     * issue is refused with an {@link IllegalArgumentException} whose message mentions the cursor.
     */
    Page list(ListQuery query);

    /**
     * Filters for {@link #list}; null means "any". The matching rules every adapter applies:
     * <ul>
     *   <li>{@code lang} matches as a BCP 47 tag, case-insensitively: both the query's value and the article's
     *       language are compared in their {@link #languageKey canonical spelling}, so {@code en-gb}, {@code EN_GB}
     *       and {@code en-GB} all find articles in {@code en-GB} (and {@code iw} finds {@code he}). A value that
     *       is not a tag is compared as lower-case text.</li>
     *   <li>{@code tag} matches one whole tag of the article, case-insensitively ({@link #tagKey}): {@code AI}
     *       finds an article tagged {@code ai}, {@code apple} does not find {@code apple-pie}.</li>
     *   <li>{@code since} is inclusive and is either an RFC 3339 date-time ({@code 2025-02-12T15:10:00+01:00}) or a
     *       date {@code yyyy-MM-dd}, meaning 00:00 UTC of that day ({@link #sinceInstant}). Anything else is
     *       refused by this constructor with an {@link IllegalArgumentException} that quotes the value.</li>
     * </ul>
     */
    record ListQuery(@Nullable String lang, @Nullable String tag, @Nullable String since, int limit,
                     @Nullable String cursor) {

        private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
        private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

        public ListQuery {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("limit must be 1..100, was " + limit);
            }
            if (since != null) {
                parseSince(since);
            }
        }

        /** {@code since} as an instant, or null when the query has none. */
        public @Nullable Instant sinceInstant() {
            return since == null ? null : parseSince(since);
        }

        /**
         * The form in which a language is compared: the canonical BCP 47 tag ({@link LanguageTags#normalize}),
         * or, for a value that is not a tag, its lower-case text. Null for null.
         */
        public static @Nullable String languageKey(@Nullable String lang) {
            return lang == null ? null : LanguageTags.normalize(lang).orElse(lang.toLowerCase(Locale.ROOT));
        }

        /** The form in which a tag is compared: lower case in the root locale (as tags are de-duplicated). */
        public static @Nullable String tagKey(@Nullable String tag) {
            return tag == null ? null : tag.toLowerCase(Locale.ROOT);
        }

        /**
         * An RFC 3339 date-time, or a date {@code yyyy-MM-dd} read as 00:00 UTC, as an instant between the years
         * 0000 and 9999.
         *
         * @throws IllegalArgumentException naming the value when it is neither, or out of that range
         */
        public static Instant parseSince(String since) {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(since).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    instant = LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("since must be an RFC 3339 date-time such as "
                            + "2025-02-12T15:10:00Z or a date such as 2025-02-12, was '" + since + "'");
                }
            }
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new IllegalArgumentException("since must be within the years 0000 to 9999, was '"
                        + since + "'");
            }
            return instant;
        }
    }

    /** One page of a listing; {@code nextCursor} is null on the last page. */
    record Page(List<ArticleRecord> items, @Nullable String nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** The record changed since it was read: re-read and decide again (or let the platform retry). */
    class ConcurrentUpdateException extends RuntimeException {
        public ConcurrentUpdateException(String message) {
            super(message);
        }
    }
}
