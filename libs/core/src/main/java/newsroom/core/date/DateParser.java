package newsroom.core.date;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the dates that front matter and feeds carry and writes them as RFC 3339 with seconds and an offset
 * ({@code 2025-02-12T15:10:00Z}, {@code 2025-02-12T15:10:00+01:00}). Accepted: RFC 3339 and ISO 8601 forms with or
 * without fractional seconds and offset (a {@code T} or a space between date and time, so YAML timestamps too),
 * {@code yyyy-MM-dd}, RFC 1123 and RFC 822 ({@code Wed, 12 Feb 2025 15:10:00 GMT}, {@code +0100}, {@code EST}),
 * English forms ({@code Feb 12, 2025}, {@code 12 February 2025 3:10 PM}), epoch seconds and epoch milliseconds
 * (numbers or digit strings, told apart by magnitude) and {@code java.time} values. A date without an offset is
 * placed in the given zone. Years outside 0000–9999 are refused. Thread-safe.
 */
public final class DateParser {

    /** Epoch values at or above this magnitude are milliseconds (10^11 seconds would be the year 5138). */
    static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private static final String NUMERIC_OFFSET = "[+-]\\d{1,2}(?::?\\d{2})?";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:(?:[Tt]|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
                    + "\\s*([Zz]|UTC|GMT|" + NUMERIC_OFFSET + ")?)?");
    private static final String MONTH = "([A-Za-z]{3,9})\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final Pattern ENGLISH = Pattern.compile(
            "(?:[A-Za-z]{3,9}\\.?,?\\s+)?"
                    + "(?:" + DAY + "\\s+" + MONTH + ",?\\s+(\\d{4}|\\d{2})"
                    + "|" + MONTH + "\\s+" + DAY + ",?\\s+(\\d{4}))"
                    + "(?:(?:\\s*,\\s*|\\s+at\\s+|\\s+)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?)?"
                    + "(?:\\s*\\(?([A-Za-z]{1,4}|" + NUMERIC_OFFSET + ")\\)?)?");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,19}");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final Map<String, ZoneOffset> ZONE_NAMES = Map.ofEntries(
            Map.entry("Z", ZoneOffset.UTC), Map.entry("UT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)));

    /** The earliest date taken as an article's date; earlier ones are CMS placeholders (epoch 0) or typos. */
    public static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1990-01-01T00:00:00Z");
    /** How far after now a date may lie (time zones, clocks a little ahead); later ones are placeholders. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    /** Dates in a URL path: {@code /2020/06/04/}, {@code /2020/6/4}, {@code /2020-06-04-slug}, {@code /20200604/}. */
    private static final Pattern URL_YMD = Pattern.compile(
            "/((?:19|20)\\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
    private static final Pattern URL_COMPACT = Pattern.compile(
            "/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
    /** Year and month only ({@code /2020/06/slug}): the first of the month. */
    private static final Pattern URL_YM = Pattern.compile("/((?:19|20)\\d{2})/(0?[1-9]|1[0-2])/");

    private DateParser() {
    }

    /**
     * Why {@code date} cannot be an article's date, or null when it can: before {@link #EARLIEST_PLAUSIBLE} (epoch 0,
     * 1970-01-01 and other placeholders) or more than {@link #FUTURE_TOLERANCE} after {@code now} (9999-12-31).
     */
    public static @Nullable String implausibility(OffsetDateTime date, Instant now) {
        if (date.toInstant().isBefore(EARLIEST_PLAUSIBLE)) {
            return "it is before 1990, which no news article online is (a placeholder such as epoch 0?)";
        }
        if (date.toInstant().isAfter(now.plus(FUTURE_TOLERANCE))) {
            return "it is more than a day after now (" + format(now.atOffset(ZoneOffset.UTC)) + ")";
        }
        return null;
    }

    /**
     * The date written in a URL's path ({@code /2020/06/04/}, {@code /2020-06-04-title}, {@code /20200604/}; else
     * {@code /2020/06/} as the first of the month), at the start of that day in {@code zone}; empty when the path
     * holds none. The host and the query are not read.
     */
    public static Optional<OffsetDateTime> fromUrlPath(String url, ZoneId zone) {
        String path;
        try {
            path = url == null ? null : new URI(url).getRawPath();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (Pattern pattern : List.of(URL_YMD, URL_COMPACT, URL_YM)) {
            Matcher m = pattern.matcher(path);
            if (m.find()) {
                try {
                    LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            m.groupCount() >= 3 ? Integer.parseInt(m.group(3)) : 1);
                    return Optional.of(day.atStartOfDay(zone).toOffsetDateTime());
                } catch (DateTimeException e) {
                    // 2021/02/30: not a day; try the next form
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The date in {@code value} (a String, a Number, a {@code java.time} value or a {@link Date}); empty when it is
     * not a date in one of the accepted forms.
     */
    public static Optional<OffsetDateTime> parse(Object value, ZoneId zoneForLocalTimes) {
        try {
            OffsetDateTime parsed = parseOrNull(value, zoneForLocalTimes);
            if (parsed == null || parsed.getYear() < 0 || parsed.getYear() > 9999) {
                return Optional.empty();
            }
            return Optional.of(parsed.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** RFC 3339 with seconds and no fraction; {@code Z} for UTC. */
    public static String format(OffsetDateTime dateTime) {
        return RFC_3339.format(dateTime.truncatedTo(ChronoUnit.SECONDS));
    }

    private static OffsetDateTime parseOrNull(Object value, ZoneId zone) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        } else if (value instanceof ZonedDateTime zdt) {
            return zdt.toOffsetDateTime();
        } else if (value instanceof LocalDateTime ldt) {
            return ldt.atZone(zone).toOffsetDateTime();
        } else if (value instanceof LocalDate date) {
            return date.atStartOfDay(zone).toOffsetDateTime();
        } else if (value instanceof Instant instant) {
            return instant.atZone(zone).toOffsetDateTime();
        } else if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toOffsetDateTime();
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return fromEpoch(((Number) value).longValue(), value instanceof BigInteger big && big.bitLength() > 63, zone);
        } else if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            BigDecimal number = new BigDecimal(value.toString());
            return fromEpoch(number.longValue(), number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0, zone);
        } else if (value instanceof String text) {
            return fromText(text.strip(), zone);
        }
        return null;
    }

    private static OffsetDateTime fromEpoch(long epoch, boolean overflow, ZoneId zone) {
        if (overflow) {
            return null;
        }
        Instant instant = Math.abs(epoch) >= EPOCH_MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
        return instant.atZone(zone).toOffsetDateTime();
    }

    private static OffsetDateTime fromText(String text, ZoneId zone) {
        if (EPOCH.matcher(text).matches()) {
            return fromEpoch(Long.parseLong(text), false, zone);
        }
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)), number(iso.group(4)), number(iso.group(5)), number(iso.group(6)));
            return place(local, iso.group(7), zone);
        }
        Matcher english = ENGLISH.matcher(text);
        if (english.matches()) {
            boolean dayFirst = english.group(1) != null;
            int day = Integer.parseInt(dayFirst ? english.group(1) : english.group(5));
            int month = month(dayFirst ? english.group(2) : english.group(4));
            int year = year(dayFirst ? english.group(3) : english.group(6));
            int hour = hour(number(english.group(7)), english.group(10));
            if (month < 0 || hour < 0) {
                return null;
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, number(english.group(8)),
                    number(english.group(9)));
            return place(local, english.group(11), zone);
        }
        return null;
    }

    private static OffsetDateTime place(LocalDateTime local, String zoneText, ZoneId zone) {
        if (zoneText == null) {
            return local.atZone(zone).toOffsetDateTime();
        }
        ZoneOffset offset = ZONE_NAMES.get(zoneText.toUpperCase(Locale.ROOT));
        if (offset == null) {
            offset = numericOffset(zoneText);
        }
        return offset == null ? null : local.atOffset(offset);
    }

    /** {@code +01:00}, {@code +0100}, {@code +01}, {@code -5} (YAML); null when it is none of these. */
    private static ZoneOffset numericOffset(String text) {
        if (!text.matches(NUMERIC_OFFSET)) {
            return null;
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String digits = text.substring(1).replace(":", "");
        int hours;
        int minutes = 0;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** 1–12 for a month name or its abbreviation of at least three letters ({@code Sept} too); -1 otherwise. */
    private static int month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).startsWith(lower)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** RFC 822 two-digit years: 00–49 are 20xx, 50–99 are 19xx. */
    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() == 2) {
            return year < 50 ? 2000 + year : 1900 + year;
        }
        return year;
    }

    /** The 24-hour value; -1 when a 12-hour clock value is out of range. */
    private static int hour(int hour, String amPm) {
        if (amPm == null) {
            return hour;
        }
        if (hour < 1 || hour > 12) {
            return -1;
        }
        boolean pm = Character.toLowerCase(amPm.charAt(0)) == 'p';
        return hour % 12 + (pm ? 12 : 0);
    }
}
