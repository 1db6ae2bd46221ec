package newsroom.extract;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import newsroom.core.date.WrittenDate;

/**
 * A date-time read from a page. Pages often state the zone ({@code 2019-11-19T10:00:00-05:00}) but sometimes do not;
 * a zone-less value is kept as it was written, never guessed, so the normalizer can apply the site's zone.
 *
 * @param dateTime the wall-clock date-time as written
 * @param offset   the offset the page gave, or null when it gave none
 */
public record ArticleDate(LocalDateTime dateTime, @Nullable ZoneOffset offset) {
    public ArticleDate {
        Objects.requireNonNull(dateTime, "dateTime");
    }

    /** A date with a known offset. */
    public static ArticleDate of(OffsetDateTime dateTime) {
        return new ArticleDate(dateTime.toLocalDateTime(), dateTime.getOffset());
    }

    /** The date as the page wrote it (read by {@code newsroom.core.date.DateParser}). */
    public static ArticleDate of(WrittenDate written) {
        return new ArticleDate(written.dateTime(), written.offset());
    }

    /**
     * The typed value handed to the normalizer: an {@link OffsetDateTime} when the page stated the offset, else the
     * {@link LocalDateTime} as written (no text in between to parse again).
     */
    public Temporal temporal() {
        return offset == null ? dateTime : dateTime.atOffset(offset);
    }

    /** The instant with its offset, when the page stated one. */
    public Optional<OffsetDateTime> offsetDateTime() {
        return offset == null ? Optional.empty() : Optional.of(dateTime.atOffset(offset));
    }

    /**
     * RFC 3339 ({@code 2019-11-19T10:00:00-05:00}) when the offset is known, else ISO local date-time
     * ({@code 2019-11-19T10:00:00}).
     */
    @Override
    public String toString() {
        return offset == null ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime)
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime.atOffset(offset));
    }
}
