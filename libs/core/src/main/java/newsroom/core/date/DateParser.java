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
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The one date grammar of the project, read under two policies. Thread-safe; the instances are shared.
 *
 * <p>The grammar: RFC 3339 / ISO 8601 with or without seconds, fraction and offset ({@code T}, {@code t} or spaces
 * between date and time, so YAML timestamps too; offsets {@code Z}, {@code UTC}, {@code GMT}, {@code +01:00},
 * {@code +0100}, {@code +01}, {@code -5}); RFC 1123 / RFC 822 and English forms ({@code Wed, 12 Feb 2025 15:10:00
 * GMT}, {@code Feb 12, 2025}, {@code 12 February 2025 3:10 PM}, two-digit years, a zone abbreviation or offset);
 * compact {@code 20191119}; JavaScript's {@code Date.toString()}; dates as people write them in running text
 * ({@link #findInText}); epoch seconds and milliseconds (told apart by magnitude); {@code java.time} values. One
 * month table (English, German, French, Spanish, Italian, Dutch, Polish, Portuguese) and one zone table.
 *
 * <ul>
 *   <li>{@link #strict()}: for values a person or a CMS wrote on purpose (front matter, feeds, HTTP headers). The
 *   whole value must be one date: ISO, RFC 1123 / English (English month names, RFC 822 zones only), epoch values
 *   (digit strings too). Anything else is not a date, so the caller can refuse it.</li>
 *   <li>{@link #loose(boolean)}: for what is scraped from a page (meta values, {@code <time>}, visible text). A value
 *   may start with an ISO date and go on; compact dates, JavaScript date strings, month names in every language of
 *   the table, the common European zone abbreviations (CET, MESZ, BST …), and else the first date written in the
 *   value as in running text. Numeric day-month order follows {@code dayFirst}. Bare numbers are never dates (on a
 *   page they are ids and counts). Values over 200 characters are not read.</li>
 * </ul>
 * Both refuse impossible dates (2025-02-30) and years outside 0000–9999; neither guesses relative or incomplete
 * dates ("3 hours ago", "November 19"). Whether a date can be an article's is {@link #implausibility} /
 * {@link #plausibleDay}, the same 1990-to-tomorrow rule for both.
 */
public final class DateParser {

    /** Epoch values at or above this magnitude are milliseconds (10^11 seconds would be the year 5138). */
    static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

    /** The earliest day taken as an article's date; earlier ones are CMS placeholders (epoch 0) or typos. */
    public static final LocalDate EARLIEST_PLAUSIBLE_DAY = LocalDate.of(1990, 1, 1);
    /** {@link #EARLIEST_PLAUSIBLE_DAY} as an instant (its start in UTC). */
    public static final Instant EARLIEST_PLAUSIBLE = EARLIEST_PLAUSIBLE_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** How far after now a date may lie (time zones, clocks a little ahead); later ones are placeholders. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    /** Values longer than this are not read as one date (loose policy). */
    private static final int MAX_VALUE_CHARS = 64;
    /** Values longer than this are not searched for a date either (loose policy). */
    private static final int MAX_SEARCHED_CHARS = 200;

    private static final String NUMERIC_OFFSET = "[+-]\\d{1,2}(?::?\\d{2})?";
    private static final Pattern NUMERIC_OFFSET_PATTERN = Pattern.compile(NUMERIC_OFFSET);
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:(?:[Tt]|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?"
                    + "\\s*([Zz]|UTC|GMT|" + NUMERIC_OFFSET + ")?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?");
    private static final String MONTH = "([A-Za-z]{3,9})\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    /** RFC 1123 / 822 and English dates: an optional weekday, day-month or month-day, year, time, zone. */
    private static final Pattern ENGLISH = Pattern.compile(
            "(?:[A-Za-z]{3,9}\\.?,?\\s+)?"
                    + "(?:" + DAY + "\\s+" + MONTH + ",?\\s+(\\d{4}|\\d{2})"
                    + "|" + MONTH + "\\s+" + DAY + ",?\\s+(\\d{4}))"
                    + "(?:(?:\\s*,\\s*|\\s+at\\s+|\\s+)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?"
                    + "\\s*([AaPp]\\.?[Mm]\\.?)?)?"
                    + "(?:\\s*\\(?([A-Za-z]{1,4}|" + NUMERIC_OFFSET + ")\\)?)?");
    /** What JavaScript's {@code Date.toString()} writes: {@code Tue Feb 20 2018 01:00:00 GMT+0100 (CET)}. */
    private static final Pattern JS_DATE = Pattern.compile(
            "[A-Za-z]{3} ([A-Za-z]{3}) (\\d{1,2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT([+-]\\d{4})");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,19}");

    /** The longest word (in letters) where a month name may stand. */
    private static final int MAX_MONTH_WORD = 12;
    /** A word where a month name may stand; looked up in {@link #MONTHS} (faster than an alternation of names). */
    private static final String WORD = "\\p{L}{3," + MAX_MONTH_WORD + "}";
    /** A time after a date: {@code 07:47 PM EST}, {@code 10.19 Uhr}, {@code a las 21:25}, {@code 2:00 a. m.}. */
    private static final String TIME = "(?:\\s*(?:,|-|\u2013|\u2014|\\||/|um|at|à|a las|às|alle|om|o|godz\\.?)?\\s*"
            + "(?<hh>\\d{1,2})[:.h](?<mm>\\d{2})(?::(?<ss>\\d{2}))?(?!\\d)"
            + "(?:\\s*(?<ampm>[ap]\\.?\\s?m\\b\\.?))?(?:\\s*uhr\\b)?(?:\\s*(?<tz>[a-z]{3,4})\\b)?)?";
    /** Dates in running text: {@code 4. Juni 2020}, {@code June 4, 2020}, {@code 04.06.2020}, {@code 2020/06/04}. */
    static final Pattern TEXT_DATE = Pattern.compile("(?<![\\p{L}\\d])(?:"
            + "(?<d1>\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s*(?:de\\s+)?"
            + "(?<m1>" + WORD + ")\\.?,?\\s*(?:de\\s+)?(?<y1>\\d{4})"
            + "|(?<m2>" + WORD + ")\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>\\d{4})"
            + "|(?<a3>\\d{1,2})(?<s3>[./])\\s?(?<b3>\\d{1,2})\\k<s3>\\s?(?<y3>\\d{4}|\\d{2})"
            + "|(?<y4>\\d{4})(?<s4>[-/.])(?<m4>\\d{1,2})\\k<s4>(?<d4>\\d{1,2})"
            + ")(?![\\p{L}\\d])" + TIME, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final List<String> ENGLISH_MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    /** Month names and common abbreviations (lower case) of the languages above, to the month number. */
    private static final Map<String, Integer> MONTHS = months();
    /** Zone abbreviations, lower case, to their offset: RFC 822's, then the unambiguous common European ones. */
    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("z", ZoneOffset.UTC), Map.entry("ut", ZoneOffset.UTC), Map.entry("utc", ZoneOffset.UTC),
            Map.entry("gmt", ZoneOffset.UTC),
            Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
            Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)),
            Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)),
            Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)),
            Map.entry("cet", ZoneOffset.ofHours(1)), Map.entry("cest", ZoneOffset.ofHours(2)),
            Map.entry("mez", ZoneOffset.ofHours(1)), Map.entry("mesz", ZoneOffset.ofHours(2)),
            Map.entry("bst", ZoneOffset.ofHours(1)), Map.entry("eet", ZoneOffset.ofHours(2)),
            Map.entry("eest", ZoneOffset.ofHours(3)));
    /** The zones RFC 822 defines: the only abbreviations the strict policy takes ({@code CET} is refused there). */
    private static final Set<String> RFC_822_ZONES = Set.of("z", "ut", "utc", "gmt", "est", "edt", "cst", "cdt", "mst",
            "mdt", "pst", "pdt");

    /** Dates in a URL path: {@code /2020/06/04/}, {@code /2020/6/4}, {@code /2020-06-04-slug}, {@code /20200604/}. */
    private static final Pattern URL_YMD = Pattern.compile(
            "/((?:19|20)\\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
    private static final Pattern URL_COMPACT = Pattern.compile(
            "/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
    /** Year and month only ({@code /2020/06/slug}): the first of the month. */
    private static final Pattern URL_YM = Pattern.compile("/((?:19|20)\\d{2})/(0?[1-9]|1[0-2])/");

    private static final DateParser STRICT = new DateParser(true, false);
    private static final DateParser LOOSE_MONTH_FIRST = new DateParser(false, false);
    private static final DateParser LOOSE_DAY_FIRST = new DateParser(false, true);

    private final boolean strict;
    private final boolean dayFirst;

    private DateParser(boolean strict, boolean dayFirst) {
        this.strict = strict;
        this.dayFirst = dayFirst;
    }

    /** The policy for values a person or a CMS wrote on purpose: the whole value is one date, or it is none. */
    public static DateParser strict() {
        return STRICT;
    }

    /**
     * The policy for text scraped from a page.
     *
     * @param dayFirst whether {@code 04/06/2020} is the 4th of June (visible text on a non-English page) rather than
     *                 April 6th (machine-written values, English pages); dots are always day-first, and a number
     *                 above 12 decides by itself
     */
    public static DateParser loose(boolean dayFirst) {
        return dayFirst ? LOOSE_DAY_FIRST : LOOSE_MONTH_FIRST;
    }

    /** A date found in running text and where it stands ({@code start} inclusive, {@code end} exclusive). */
    public record TextDate(WrittenDate date, int start, int end) {
    }

    /**
     * The date in {@code value} (a String, a Number, a {@code java.time} value or a {@link Date}), a zone-less one
     * placed in {@code zoneForLocalTimes}, to the second; empty when it is not a date under this policy.
     */
    public Optional<OffsetDateTime> parse(@Nullable Object value, ZoneId zoneForLocalTimes) {
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

    /**
     * The date-time {@code text} writes, as written (offset only when stated, fraction kept); empty when it is blank
     * or not a date under this policy. Epoch values are instants, not written dates: {@link #parse} reads them.
     */
    public Optional<WrittenDate> read(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            WrittenDate date = strict ? wholeValue(value) : looseValue(value);
            return date == null || date.dateTime().getYear() > 9999 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Dates written in {@code text}, in order. Numbers with dots are day-first ({@code 04.06.2020}), with dashes
     * year-first; with slashes they follow the policy's {@code dayFirst} unless one of the two numbers exceeds 12. A
     * two-digit year is read only after dots ({@code 6.11.22}) and means 20xx. A time that follows the date is kept;
     * a zone only when written as a known abbreviation.
     *
     * @param max stop after this many dates
     */
    public List<TextDate> findInText(CharSequence text, int max) {
        List<TextDate> out = new ArrayList<>();
        Matcher m = TEXT_DATE.matcher(text);
        int from = 0;
        while (out.size() < max && from < text.length()) {
            int start = earliestDateStart(text, from);
            if (start < 0 || !m.find(start)) {
                break;
            }
            WrittenDate date = textDate(m);
            if (date != null) {
                out.add(new TextDate(date, m.start(), m.end()));
                from = m.end();
            } else {
                from = m.start() + 1; // a word that is no month may hide a date that starts inside the match
            }
        }
        return out;
    }

    /**
     * Where {@link #TEXT_DATE} can first match at or after {@code from}, or -1 when it cannot: every date in text holds
     * an ASCII digit, and starts either at its first digit or at a month word of at most 12 letters (24 chars as
     * surrogate pairs) followed by an optional dot and whitespace right before that digit. The regex is then not
     * tried at the positions of text that holds no date (most of a page's text), which is what its search costs.
     */
    static int earliestDateStart(CharSequence text, int from) {
        int digit = from;
        while (digit < text.length() && (text.charAt(digit) < '0' || text.charAt(digit) > '9')) {
            digit++;
        }
        if (digit == text.length()) {
            return -1;
        }
        int word = digit;
        while (word > from && isRegexSpace(text.charAt(word - 1))) {
            word--;
        }
        if (word == digit) {
            return digit;
        }
        if (word > from && text.charAt(word - 1) == '.') {
            word--;
        }
        return Math.max(from, word - 2 * MAX_MONTH_WORD);
    }

    /** What {@code \s} matches in {@link #TEXT_DATE} (no {@code UNICODE_CHARACTER_CLASS}). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** RFC 3339 with seconds and no fraction; {@code Z} for UTC: how front matter writes a date. */
    public static String format(OffsetDateTime dateTime) {
        return RFC_3339.format(dateTime.truncatedTo(ChronoUnit.SECONDS));
    }

    // ---- plausibility

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
     * The same rule for a calendar day whose zone may be unknown: not before {@link #EARLIEST_PLAUSIBLE_DAY} and not
     * after the day following {@code today}.
     */
    public static boolean plausibleDay(LocalDate day, LocalDate today) {
        return !day.isBefore(EARLIEST_PLAUSIBLE_DAY) && !day.isAfter(today.plusDays(FUTURE_TOLERANCE.toDays()));
    }

    // ---- URL paths

    /**
     * The day written in a URL's path ({@code /2020/06/04/}, {@code /2020/6/4}, {@code /2020-06-04-title},
     * {@code /2020_06_04/}, {@code /20200604/}); empty when the path names no day. The host, query and fragment are
     * not read.
     */
    public static Optional<LocalDate> dayInUrlPath(@Nullable String url) {
        return Optional.ofNullable(urlDate(url, false));
    }

    /**
     * The date in a URL's path as {@link #dayInUrlPath} reads it, else a year and month ({@code /2020/06/}) as the
     * first of the month; at the start of that day in {@code zone}. Empty when the path holds neither. A page's own
     * date candidates take only {@link #dayInUrlPath} (a month is no publication day); this is for a last-resort
     * fallback, where the month beats the time the article was first seen.
     */
    public static Optional<OffsetDateTime> fromUrlPath(@Nullable String url, ZoneId zone) {
        return Optional.ofNullable(urlDate(url, true)).map(day -> day.atStartOfDay(zone).toOffsetDateTime());
    }

    private static @Nullable LocalDate urlDate(@Nullable String url, boolean monthEnough) {
        String path = url == null ? null : pathOf(url);
        if (path == null || path.isEmpty()) {
            return null;
        }
        for (Pattern pattern : monthEnough ? List.of(URL_YMD, URL_COMPACT, URL_YM) : List.of(URL_YMD, URL_COMPACT)) {
            Matcher m = pattern.matcher(path);
            if (m.find()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            m.groupCount() >= 3 ? Integer.parseInt(m.group(3)) : 1);
                } catch (DateTimeException e) {
                    // 2021/02/30: not a day; try the next form
                }
            }
        }
        return null;
    }

    /** The raw path; for an address {@link URI} refuses (a space, a {@code |}), what lies between host and query. */
    private static @Nullable String pathOf(String url) {
        try {
            return new URI(url).getRawPath();
        } catch (URISyntaxException e) {
            int scheme = url.indexOf("://");
            int start = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
            if (start < 0) {
                return null;
            }
            int end = url.length();
            for (char stop : new char[] {'?', '#'}) {
                int at = url.indexOf(stop, start);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            return url.substring(start, end);
        }
    }

    // ---- the grammar

    private @Nullable OffsetDateTime parseOrNull(@Nullable Object value, ZoneId zone) {
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
        } else if (strict && (value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            return fromEpoch(((Number) value).longValue(),
                    value instanceof BigInteger big && big.bitLength() > 63, zone);
        } else if (strict && (value instanceof BigDecimal || value instanceof Double || value instanceof Float)) {
            BigDecimal number = new BigDecimal(value.toString());
            return fromEpoch(number.longValue(), number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0, zone);
        } else if (value instanceof String text) {
            if (strict && EPOCH.matcher(text.strip()).matches()) {
                return fromEpoch(Long.parseLong(text.strip()), false, zone);
            }
            return read(text).map(date -> date.in(zone)).orElse(null);
        }
        return null;
    }

    private static @Nullable OffsetDateTime fromEpoch(long epoch, boolean overflow, ZoneId zone) {
        if (overflow) {
            return null;
        }
        Instant instant = Math.abs(epoch) >= EPOCH_MILLIS_THRESHOLD
                ? Instant.ofEpochMilli(epoch)
                : Instant.ofEpochSecond(epoch);
        return instant.atZone(zone).toOffsetDateTime();
    }

    /** The strict policy: the whole value is an ISO or an English / RFC 1123 date. */
    private @Nullable WrittenDate wholeValue(String text) {
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            return iso(iso);
        }
        Matcher english = ENGLISH.matcher(text);
        return english.matches() ? english(english) : null;
    }

    /**
     * The loose policy: a value that starts with an ISO date, a compact or English / RFC 1123 date, JavaScript's
     * date string, else the first date written in the value as in running text.
     */
    private @Nullable WrittenDate looseValue(String text) {
        if (text.length() <= MAX_VALUE_CHARS) {
            Matcher iso = ISO.matcher(text);
            if (iso.lookingAt()) {
                WrittenDate date = orNull(() -> iso(iso));
                if (date != null) {
                    return date;
                }
            }
            Matcher compact = COMPACT.matcher(text);
            if (compact.matches()) {
                WrittenDate date = orNull(() -> new WrittenDate(LocalDateTime.of(Integer.parseInt(compact.group(1)),
                        Integer.parseInt(compact.group(2)), Integer.parseInt(compact.group(3)),
                        number(compact.group(4)), number(compact.group(5)), number(compact.group(6))), null));
                if (date != null) {
                    return date;
                }
            }
            Matcher english = ENGLISH.matcher(text);
            if (english.matches()) {
                WrittenDate date = orNull(() -> english(english));
                if (date != null) {
                    return date;
                }
            }
        }
        if (text.length() > MAX_SEARCHED_CHARS) {
            return null;
        }
        Matcher js = JS_DATE.matcher(text);
        if (js.find()) {
            Integer month = MONTHS.get(js.group(1).toLowerCase(Locale.ROOT));
            if (month != null) {
                return new WrittenDate(LocalDateTime.of(Integer.parseInt(js.group(3)), month,
                        Integer.parseInt(js.group(2)), Integer.parseInt(js.group(4)), Integer.parseInt(js.group(5)),
                        Integer.parseInt(js.group(6))), ZoneOffset.of(js.group(7)));
            }
        }
        List<TextDate> found = findInText(text, 1);
        return found.isEmpty() ? null : found.get(0).date();
    }

    /** The date a form reads, or null when it names an impossible one (2019-02-30): then the next form is tried. */
    private static @Nullable WrittenDate orNull(Supplier<@Nullable WrittenDate> form) {
        try {
            return form.get();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private @Nullable WrittenDate iso(Matcher iso) {
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3)), number(iso.group(4)), number(iso.group(5)), number(iso.group(6)),
                nanos(iso.group(7)));
        return written(local, iso.group(8));
    }

    private @Nullable WrittenDate english(Matcher english) {
        boolean dayFirstForm = english.group(1) != null;
        int day = Integer.parseInt(dayFirstForm ? english.group(1) : english.group(5));
        int month = month(dayFirstForm ? english.group(2) : english.group(4));
        int year = year(dayFirstForm ? english.group(3) : english.group(6));
        int hour = hour(number(english.group(7)), english.group(10));
        if (month < 1 || hour < 0) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, number(english.group(8)),
                number(english.group(9)));
        return written(local, english.group(11));
    }

    /** The date with the zone written after it; null when the zone is none this policy knows. */
    private @Nullable WrittenDate written(LocalDateTime local, @Nullable String zoneText) {
        if (zoneText == null) {
            return new WrittenDate(local, null);
        }
        ZoneOffset offset = zone(zoneText);
        if (offset == null) {
            offset = numericOffset(zoneText);
        }
        return offset == null ? null : new WrittenDate(local, offset);
    }

    @Nullable WrittenDate textDate(Matcher m) {
        try {
            int year;
            int month;
            int day;
            if (m.group("y1") != null) {
                year = Integer.parseInt(m.group("y1"));
                month = textMonth(m.group("m1"));
                day = Integer.parseInt(m.group("d1"));
            } else if (m.group("y2") != null) {
                year = Integer.parseInt(m.group("y2"));
                month = textMonth(m.group("m2"));
                day = Integer.parseInt(m.group("d2"));
            } else if (m.group("y3") != null) {
                String y = m.group("y3");
                if (y.length() == 2 && !m.group("s3").equals(".")) {
                    return null;
                }
                year = y.length() == 2 ? 2000 + Integer.parseInt(y) : Integer.parseInt(y);
                int a = Integer.parseInt(m.group("a3"));
                int b = Integer.parseInt(m.group("b3"));
                boolean first = m.group("s3").equals(".") || a > 12 || (dayFirst && b <= 12);
                day = first ? a : b;
                month = first ? b : a;
            } else {
                year = Integer.parseInt(m.group("y4"));
                month = Integer.parseInt(m.group("m4"));
                day = Integer.parseInt(m.group("d4"));
            }
            if (month < 1) {
                return null;
            }
            LocalDate date = LocalDate.of(year, month, day);
            if (m.group("hh") == null) {
                return new WrittenDate(date.atStartOfDay(), null);
            }
            int hour = Integer.parseInt(m.group("hh"));
            String ampm = m.group("ampm");
            if (ampm != null) {
                hour = hour(hour, ampm);
            }
            if (hour < 0 || hour > 23) {
                return new WrittenDate(date.atStartOfDay(), null); // the date stands; the time is no time
            }
            LocalDateTime dateTime = date.atTime(hour, Integer.parseInt(m.group("mm")), number(m.group("ss")));
            ZoneOffset zone = m.group("tz") == null ? null : zone(m.group("tz"));
            return new WrittenDate(dateTime, zone);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The offset of a zone abbreviation this policy knows; null otherwise. */
    private @Nullable ZoneOffset zone(String abbreviation) {
        String key = abbreviation.toLowerCase(Locale.ROOT);
        return strict && !RFC_822_ZONES.contains(key) ? null : ZONES.get(key);
    }

    /** {@code +01:00}, {@code +0100}, {@code +01}, {@code -5} (YAML); null when it is none of these. */
    private static @Nullable ZoneOffset numericOffset(String text) {
        if (!NUMERIC_OFFSET_PATTERN.matcher(text).matches()) {
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

    /**
     * 1–12 for a month name: under the loose policy any name or abbreviation in the table; under both, an English
     * name or its abbreviation of at least three letters ({@code Sept}, {@code Febr}); 0 otherwise.
     */
    private int month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!strict) {
            Integer month = MONTHS.get(lower);
            if (month != null) {
                return month;
            }
        }
        if (lower.length() >= 3) {
            for (int i = 0; i < ENGLISH_MONTHS.size(); i++) {
                if (ENGLISH_MONTHS.get(i).startsWith(lower)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** A month word in running text: exactly a name or abbreviation of the table ("Marc 12, 2020" is a person). */
    private int textMonth(String word) {
        return strict ? month(word) : MONTHS.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
    }

    private static int number(@Nullable String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** Nanoseconds of a fraction of a second written with any number of digits (those past nine are dropped). */
    private static int nanos(@Nullable String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = fraction.length() >= 9 ? fraction.substring(0, 9) : (fraction + "00000000").substring(0, 9);
        return Integer.parseInt(nine);
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
    private static int hour(int hour, @Nullable String amPm) {
        if (amPm == null) {
            return hour;
        }
        if (hour < 1 || hour > 12) {
            return -1;
        }
        boolean pm = Character.toLowerCase(amPm.charAt(0)) == 'p';
        return hour % 12 + (pm ? 12 : 0);
    }

    private static Map<String, Integer> months() {
        String[][] names = {
                // English, German, French, Spanish, Italian, Dutch, Polish (nominative, genitive), Portuguese
                {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari",
                        "styczeń", "stycznia", "sty", "janeiro"},
                {"february", "feb", "februar", "feber", "février", "févr", "fevrier", "febrero", "febbraio",
                        "februari", "luty", "lutego", "lut", "fevereiro", "fev"},
                {"march", "mar", "märz", "mär", "mrz", "maerz", "mars", "marzo", "maart", "marzec", "marca", "março"},
                {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi"},
                {"may", "mai", "mayo", "maggio", "mag", "mei", "maj", "maja", "maio"},
                {"june", "jun", "juni", "juin", "junio", "giugno", "giu", "czerwiec", "czerwca", "cze", "junho"},
                {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "lipiec", "lipca", "lip",
                        "julho"},
                {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpień", "sierpnia", "sie"},
                {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "wrzesień",
                        "września", "wrz", "setembro"},
                {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "październik",
                        "października", "paź", "outubro", "out"},
                {"november", "nov", "novembre", "noviembre", "listopad", "listopada", "lis", "novembro"},
                {"december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "dicembre",
                        "grudzień", "grudnia", "gru", "dezembro"},
        };
        Map<String, Integer> months = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.putIfAbsent(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
