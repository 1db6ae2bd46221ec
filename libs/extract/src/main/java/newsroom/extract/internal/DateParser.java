package newsroom.extract.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.extract.ArticleDate;

/**
 * Parses the date formats pages put in metadata: ISO 8601 / RFC 3339 with or without offset (also {@code +0000}
 * offsets, a space instead of {@code T}, fractions), plain dates, and RFC 1123 ({@code Tue, 19 Nov 2019 10:00:00 GMT}).
 * Free-text dates ("3 hours ago", "November 19") are not guessed.
 */
public final class DateParser {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?");
    private static final DateTimeFormatter RFC_1123 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .optionalStart().appendPattern("EEE, ").optionalEnd()
            .appendPattern("d MMM yyyy HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .appendPattern(" ")
            .optionalStart().appendOffset("+HHMM", "GMT").optionalEnd()
            .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .toFormatter(Locale.ENGLISH);

    private DateParser() {
    }

    /** Parses {@code raw}; empty when it is blank or not a format above, or names an impossible date. */
    public static Optional<ArticleDate> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.trim();
        if (text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.lookingAt()) {
                return Optional.of(fromIso(iso));
            }
            Matcher compact = COMPACT.matcher(text);
            if (compact.matches()) {
                return Optional.of(new ArticleDate(LocalDateTime.of(
                        Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                        Integer.parseInt(compact.group(3)), intOr(compact.group(4)), intOr(compact.group(5)),
                        intOr(compact.group(6))), null));
            }
            return parseRfc1123(text);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ArticleDate fromIso(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        LocalDateTime dateTime = date.atTime(intOr(m.group(4)), intOr(m.group(5)), intOr(m.group(6)),
                nanos(m.group(7)));
        String zone = m.group(8);
        if (zone == null || m.group(4) == null) {
            return new ArticleDate(dateTime, null);
        }
        String offset = switch (zone) {
            case "Z", "z", "UTC", "GMT" -> "Z";
            default -> normalizeOffset(zone);
        };
        return ArticleDate.of(OffsetDateTime.of(dateTime, java.time.ZoneOffset.of(offset)));
    }

    private static String normalizeOffset(String zone) {
        String digits = zone.substring(1).replace(":", "");
        String hours = digits.substring(0, 2);
        String minutes = digits.length() >= 4 ? digits.substring(2, 4) : "00";
        return zone.charAt(0) + hours + ":" + minutes;
    }

    private static Optional<ArticleDate> parseRfc1123(String text) {
        try {
            TemporalAccessor parsed = RFC_1123.parse(text);
            LocalDateTime local = LocalDateTime.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                    parsed.get(ChronoField.DAY_OF_MONTH), parsed.get(ChronoField.HOUR_OF_DAY),
                    parsed.get(ChronoField.MINUTE_OF_HOUR),
                    parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.of(ArticleDate.of(OffsetDateTime.of(local,
                        java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))));
            }
            try {
                return Optional.of(ArticleDate.of(ZonedDateTime.from(parsed).toOffsetDateTime()));
            } catch (DateTimeException noZone) {
                return Optional.of(new ArticleDate(local, null));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int intOr(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String padded = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(padded);
    }
}
