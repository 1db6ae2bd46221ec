package newsroom.core.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The edge form of the date-times the domain holds as {@link OffsetDateTime} and {@link Instant}: how adapters write
 * them into index attributes, event details and API responses, and read them back. Lossless: seconds always, a
 * fraction only when there is one ({@code 2025-02-12T15:10:00Z}, {@code 2025-02-12T15:10:00.5+01:00}), so a value
 * the front matter wrote (whole seconds) reads back and writes again byte for byte.
 */
public final class Rfc3339 {

    private Rfc3339() {
    }

    public static String format(OffsetDateTime dateTime) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
    }

    /** An instant in UTC ({@code 2025-02-12T15:10:00Z}), as {@link Instant#toString()} writes it. */
    public static String format(Instant instant) {
        return instant.toString();
    }

    /** @throws DateTimeParseException when {@code text} is not an RFC 3339 date-time with an offset */
    public static OffsetDateTime parse(String text) {
        return OffsetDateTime.parse(text);
    }

    /**
     * An RFC 3339 date-time with any offset as an instant; also the minute-precision form earlier versions wrote
     * ({@code 2025-03-01T00:00Z}).
     *
     * @throws DateTimeParseException when {@code text} is not one
     */
    public static Instant parseInstant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
