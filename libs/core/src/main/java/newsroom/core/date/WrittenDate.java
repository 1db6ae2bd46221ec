package newsroom.core.date;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A date-time as a text wrote it: the wall-clock value, and the offset when the text stated one. A zone-less value
 * is kept as written, never guessed, so whoever knows the source's zone places it ({@link #in}).
 *
 * @param dateTime the wall-clock date-time as written (fraction of a second kept)
 * @param offset   the offset the text gave, or null when it gave none
 */
public record WrittenDate(LocalDateTime dateTime, @Nullable ZoneOffset offset) {
    public WrittenDate {
        Objects.requireNonNull(dateTime, "dateTime");
    }

    /** The date-time with its stated offset, else the wall-clock value placed in {@code zone} (DST included). */
    public OffsetDateTime in(ZoneId zone) {
        return offset != null ? dateTime.atOffset(offset) : dateTime.atZone(zone).toOffsetDateTime();
    }
}
