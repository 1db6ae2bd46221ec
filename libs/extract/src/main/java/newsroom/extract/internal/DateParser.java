package newsroom.extract.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.extract.ArticleDate;

/**
 * Parses the date formats pages put in metadata: ISO 8601 / RFC 3339 with or without offset (also {@code +0000}
 * offsets, a space instead of {@code T}, fractions), plain dates, and RFC 1123 ({@code Tue, 19 Nov 2019 10:00:00 GMT});
 * and finds the dates people write in running text ({@link #findInText}): {@code 4. Juni 2020}, {@code 04.06.2020},
 * {@code 4 czerwca 2020}, {@code 3 de mayo de 2022}, {@code June 4, 2020 7:47 PM EST}, {@code 2020/06/04}, with month
 * names in English, German, French, Spanish, Italian, Dutch, Polish and Portuguese. Relative or incomplete dates
 * ("3 hours ago", "November 19") are never guessed.
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
            .optionalStart().appendZoneText(TextStyle.SHORT).optionalEnd()
            .toFormatter(Locale.ENGLISH);

    /** Month names and common abbreviations (lower case) of the languages above, to the month number. */
    private static final Map<String, Integer> MONTHS = months();
    /** A word where a month name may stand; looked up in {@link #MONTHS} (faster than an alternation of names). */
    private static final String WORD = "\\p{L}{3,12}";
    /** A time after a date: {@code 07:47 PM EST}, {@code 10.19 Uhr}, {@code a las 21:25}, {@code 2:00 a. m.}. */
    private static final String TIME = "(?:\\s*(?:,|-|\u2013|\u2014|\\||/|um|at|à|a las|às|alle|om|o|godz\\.?)?\\s*"
            + "(?<hh>\\d{1,2})[:.h](?<mm>\\d{2})(?::(?<ss>\\d{2}))?(?!\\d)"
            + "(?:\\s*(?<ampm>[ap]\\.?\\s?m\\b\\.?))?(?:\\s*uhr\\b)?(?:\\s*(?<tz>[a-z]{3,4})\\b)?)?";
    private static final Pattern TEXT_DATE = Pattern.compile("(?<![\\p{L}\\d])(?:"
            + "(?<d1>\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s*(?:de\\s+)?(?<m1>" + WORD + ")\\.?,?\\s*(?:de\\s+)?(?<y1>\\d{4})"
            + "|(?<m2>" + WORD + ")\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>\\d{4})"
            + "|(?<a3>\\d{1,2})(?<s3>[./])\\s?(?<b3>\\d{1,2})\\k<s3>\\s?(?<y3>\\d{4}|\\d{2})"
            + "|(?<y4>\\d{4})(?<s4>[-/.])(?<m4>\\d{1,2})\\k<s4>(?<d4>\\d{1,2})"
            + ")(?![\\p{L}\\d])" + TIME, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** What JavaScript's {@code Date.toString()} writes: {@code Tue Feb 20 2018 01:00:00 GMT+0100 (CET)}. */
    private static final Pattern JS_DATE = Pattern.compile(
            "[A-Za-z]{3} ([A-Za-z]{3}) (\\d{1,2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT([+-]\\d{4})");
    /** Zone abbreviations people write after a time, to their offset in hours (the unambiguous common ones). */
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("utc", 0), Map.entry("gmt", 0),
            Map.entry("est", -5), Map.entry("edt", -4), Map.entry("cst", -6), Map.entry("cdt", -5),
            Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8), Map.entry("pdt", -7),
            Map.entry("cet", 1), Map.entry("cest", 2), Map.entry("mez", 1), Map.entry("mesz", 2),
            Map.entry("bst", 1), Map.entry("eet", 2), Map.entry("eest", 3));

    private DateParser() {
    }

    /** A date found in running text and where it stands ({@code start} inclusive, {@code end} exclusive). */
    public record TextDate(ArticleDate date, int start, int end) {
    }

    /**
     * Dates written in {@code text}, in order. Numbers with dots are day-first ({@code 04.06.2020}), with dashes
     * year-first; with slashes they follow {@code dayFirst} unless one of the two numbers exceeds 12. A two-digit year
     * is read only after dots ({@code 6.11.22}) and means 20xx. A time that follows the date is kept; a zone only when
     * written as a known abbreviation.
     *
     * @param max stop after this many dates
     */
    public static List<TextDate> findInText(CharSequence text, boolean dayFirst, int max) {
        List<TextDate> out = new ArrayList<>();
        Matcher m = TEXT_DATE.matcher(text);
        int from = 0;
        while (out.size() < max && from < text.length() && m.find(from)) {
            Optional<ArticleDate> date = toDate(m, dayFirst);
            if (date.isPresent()) {
                out.add(new TextDate(date.get(), m.start(), m.end()));
                from = m.end();
            } else {
                from = m.start() + 1; // a word that is no month may hide a date that starts inside the match
            }
        }
        return out;
    }

    /**
     * {@link #parse} first; then JavaScript's date string, then the first date written in the value as in running
     * text (meta values like {@code 10.12.2022, 07:00:03} or {@code November 19, 2019, 07:47 PM EST}).
     */
    public static Optional<ArticleDate> parseLoose(String raw, boolean dayFirst) {
        Optional<ArticleDate> strict = parse(raw);
        if (strict.isPresent() || raw == null || raw.length() > 200) {
            return strict;
        }
        Matcher js = JS_DATE.matcher(raw);
        if (js.find()) {
            Integer month = MONTHS.get(js.group(1).toLowerCase(Locale.ROOT));
            try {
                if (month != null) {
                    return Optional.of(ArticleDate.of(OffsetDateTime.of(Integer.parseInt(js.group(3)), month,
                            Integer.parseInt(js.group(2)), Integer.parseInt(js.group(4)),
                            Integer.parseInt(js.group(5)), Integer.parseInt(js.group(6)), 0,
                            ZoneOffset.of(js.group(7)))));
                }
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        List<TextDate> found = findInText(raw, dayFirst, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).date());
    }

    private static Optional<ArticleDate> toDate(Matcher m, boolean dayFirst) {
        try {
            int year;
            int month;
            int day;
            if (m.group("y1") != null) {
                year = Integer.parseInt(m.group("y1"));
                month = MONTHS.getOrDefault(m.group("m1").toLowerCase(Locale.ROOT), 0);
                day = Integer.parseInt(m.group("d1"));
            } else if (m.group("y2") != null) {
                year = Integer.parseInt(m.group("y2"));
                month = MONTHS.getOrDefault(m.group("m2").toLowerCase(Locale.ROOT), 0);
                day = Integer.parseInt(m.group("d2"));
            } else if (m.group("y3") != null) {
                String y = m.group("y3");
                if (y.length() == 2 && !m.group("s3").equals(".")) {
                    return Optional.empty();
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
            if (month == 0) {
                return Optional.empty();
            }
            LocalDate date = LocalDate.of(year, month, day);
            if (m.group("hh") == null) {
                return Optional.of(new ArticleDate(date.atStartOfDay(), null));
            }
            int hour = Integer.parseInt(m.group("hh"));
            String ampm = m.group("ampm");
            if (ampm != null) {
                boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                if (hour < 1 || hour > 12) {
                    return Optional.of(new ArticleDate(date.atStartOfDay(), null));
                }
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (hour > 23) {
                return Optional.of(new ArticleDate(date.atStartOfDay(), null));
            }
            LocalDateTime dateTime = date.atTime(hour, Integer.parseInt(m.group("mm")), intOr(m.group("ss")));
            Integer zone = m.group("tz") == null ? null : ZONES.get(m.group("tz").toLowerCase(Locale.ROOT));
            return Optional.of(zone == null ? new ArticleDate(dateTime, null)
                    : ArticleDate.of(OffsetDateTime.of(dateTime, ZoneOffset.ofHours(zone))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
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
        return ArticleDate.of(OffsetDateTime.of(dateTime, ZoneOffset.of(offset)));
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
                        ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))));
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
