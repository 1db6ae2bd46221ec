package newsroom.core.date;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one date grammar under its two policies, one table each; then what the policies share and where they part. */
class DateParserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A written date as the extractor's edge writes it: RFC 3339 when the offset is known, else ISO local. */
    private static String show(WrittenDate date) {
        return date.offset() == null ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(date.dateTime())
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.dateTime().atOffset(date.offset()));
    }

    /**
     * Front matter values a person or a CMS wrote: the whole value is one date, a zone-less one in the source's zone.
     */
    @Nested
    class Strict {

        private final DateParser strict = DateParser.strict();

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "2025-02-12T15:10:00Z                 | 2025-02-12T15:10:00Z",
                "2025-02-12T15:10:00.123456Z          | 2025-02-12T15:10:00Z",
                "2025-02-12t15:10:00+05:30            | 2025-02-12T15:10:00+05:30",
                "2025-02-12T15:10:00-0800             | 2025-02-12T15:10:00-08:00",
                "2025-02-12T15:10:00                  | 2025-02-12T15:10:00+01:00",
                "2025-02-12 15:10:00                  | 2025-02-12T15:10:00+01:00",
                "2025-07-12 15:10:00                  | 2025-07-12T15:10:00+02:00",
                "2025-02-12T15:10                     | 2025-02-12T15:10:00+01:00",
                "2025-02-12                           | 2025-02-12T00:00:00+01:00",
                "2001-12-14 21:59:43.10 -5            | 2001-12-14T21:59:43-05:00",
                "Wed, 12 Feb 2025 15:10:00 GMT        | 2025-02-12T15:10:00Z",
                "Wed, 12 Feb 2025 15:10:00 +0100      | 2025-02-12T15:10:00+01:00",
                "Wed, 12 Feb 25 15:10:00 EST          | 2025-02-12T15:10:00-05:00",
                "12 Feb 2025 15:10:00                 | 2025-02-12T15:10:00+01:00",
                "Feb 12, 2025                         | 2025-02-12T00:00:00+01:00",
                "February 12, 2025                    | 2025-02-12T00:00:00+01:00",
                "12 February 2025                     | 2025-02-12T00:00:00+01:00",
                "12 Feb 2025                          | 2025-02-12T00:00:00+01:00",
                "Feb 12, 2025 3:10 PM                 | 2025-02-12T15:10:00+01:00",
                "February 12th, 2025 at 12:05 a.m.    | 2025-02-12T00:05:00+01:00",
                "Wednesday, February 12, 2025 3:10 pm UTC | 2025-02-12T15:10:00Z",
                "Sept 1, 2025                         | 2025-09-01T00:00:00+02:00",
                "1739373000                           | 2025-02-12T16:10:00+01:00",
                "1739373000000                        | 2025-02-12T16:10:00+01:00",
        })
        void readsEveryAcceptedForm_localOnesInTheSourceZone(String text, String rfc3339) {
            assertThat(strict.parse(text, PARIS).map(DateParser::format)).contains(rfc3339);
        }

        @Test
        void readsEpochSecondsAndMillisGivenAsNumbers() {
            assertThat(strict.parse(1739373000L, ZoneOffset.UTC).map(DateParser::format))
                    .contains("2025-02-12T15:10:00Z");
            assertThat(strict.parse(1739373000000L, ZoneOffset.UTC).map(DateParser::format))
                    .contains("2025-02-12T15:10:00Z");
        }

        @Test
        void readsJavaTimeValues() {
            assertThat(strict.parse(LocalDate.of(2025, 2, 12), PARIS).map(DateParser::format))
                    .contains("2025-02-12T00:00:00+01:00");
            assertThat(strict.parse(OffsetDateTime.parse("2025-02-12T15:10:00.9+09:00"), PARIS).map(DateParser::format))
                    .contains("2025-02-12T15:10:00+09:00");
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"", "yesterday", "2025-13-01", "2025-02-30", "2025-02-12T25:00:00Z", "Feb 30, 2025",
                "Foo 12, 2025", "13:10 PM Feb 12, 2025", "Feb 12, 2025 13:10 PM", "12/02/2025", "99999999999999999999",
                "2025-02-12T15:10:00+25:00", "Wed, 12 Feb 2025 15:10:00 CET",
                // what only the loose policy reads: a value that goes on after its date, other languages, JS strings
                "2025-02-12T15:10:00Z (updated)", "12 Juni 2025", "Stand: 04.06.2020, 10.19 Uhr",
                "Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)"})
        void refusesWhatIsNotADate(String text) {
            assertThat(strict.parse(text, PARIS)).isEmpty();
        }

        @Test
        void refusesYearsBeyondFourDigits() {
            assertThat(strict.parse(Long.MAX_VALUE / 1000, ZoneOffset.UTC)).isEmpty();
        }

        @Test
        void readsEightDigitsAsEpochSeconds_notAsACompactDate() {
            // a digit string in front matter is an epoch value (1970: then refused as implausible by the caller)
            assertThat(strict.parse("20191119", ZoneOffset.UTC).map(DateParser::format))
                    .contains("1970-08-22T16:38:39Z");
        }
    }

    /** Values and text scraped from a page: zone-less values stay zone-less; dates found inside text. */
    @Nested
    class Loose {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "2019-11-19T10:05:00-05:00      | 2019-11-19T10:05:00-05:00",
                "2019-11-19T15:05:00Z           | 2019-11-19T15:05:00Z",
                "2019-11-19T15:05:00.123+0530   | 2019-11-19T15:05:00.123+05:30",
                "2019-11-19 15:05:00 +01        | 2019-11-19T15:05:00+01:00",
                "2019-11-19T15:05               | 2019-11-19T15:05:00",
                "2019-11-19                     | 2019-11-19T00:00:00",
                "20191119                       | 2019-11-19T00:00:00",
                "'Tue, 19 Nov 2019 10:05:00 GMT' | 2019-11-19T10:05:00Z",
                "'19 Nov 2019 10:05:00 +0100'    | 2019-11-19T10:05:00+01:00",
                // machine-written values (month-first): JavaScript's Date.toString(), a date and time as text
                "'Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)' | 2018-02-20T01:00:00+01:00",
                "'10.12.2022, 07:00:03'                                              | 2022-12-10T07:00:03",
                "'November 19, 2019, 07:47 PM EST'                                   | 2019-11-19T19:47:00-05:00",
                "'11/01/2023 12:43:42'                                               | 2023-11-01T12:43:42",
                // an ISO date that goes on; an impossible ISO date does not hide a date written after it
                "'2019-11-19T10:05:00Z | Politik'                                    | 2019-11-19T10:05:00Z",
                "'Wed, 12 Feb 2025 15:10:00 CET'                                     | 2025-02-12T15:10:00+01:00",
        })
        void readsMetadataValues(String raw, String expected) {
            assertThat(DateParser.loose(false).read(raw).map(DateParserTest::show)).contains(expected);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"", "yesterday", "3 hours ago", "2019-13-45", "November 19", "1574168580"})
        void refusesWhatIsNotADate(String raw) {
            assertThat(DateParser.loose(false).read(raw)).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "Veröffentlicht am 4. Juni 2020            | 2020-06-04T00:00:00",
                "Stand: 04.06.2020, 10.19 Uhr              | 2020-06-04T10:19:00",
                "von Marie 6.11.22 Provence                | 2022-11-06T00:00:00",
                "opublikowano 4 czerwca 2020 o 12:30       | 2020-06-04T12:30:00",
                "'June 4, 2020 7:47 PM EST'                | 2020-06-04T19:47:00-05:00",
                "'Tuesday , 03 May 2022'                   | 2022-05-03T00:00:00",
                "publié le 4 juin 2020                     | 2020-06-04T00:00:00",
                "3 de mayo de 2022                         | 2022-05-03T00:00:00",
                "pubblicato il 4 giugno 2020               | 2020-06-04T00:00:00",
                "gepubliceerd op 4 mei 2020                | 2020-05-04T00:00:00",
                "publicado em 4 de junho de 2020 às 14h05  | 2020-06-04T14:05:00",
                "Posted 2020/06/04                         | 2020-06-04T00:00:00",
                "'Feb 18 2009'                             | 2009-02-18T00:00:00",
                "'Stand: 04/06/2020'                       | 2020-06-04T00:00:00",
                "'Am 29. Dezember 2022, 14.30 Uhr MEZ'     | 2022-12-29T14:30:00+01:00",
        })
        void findsDatesWrittenInText_dayFirst(String text, String expected) {
            assertThat(DateParser.loose(true).findInText(text, 1)).extracting(d -> show(d.date()))
                    .containsExactly(expected);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"version 1.2.3 released", "call 030 1234567", "4. Juni", "November 2020", "32.13.2020",
                "Marc 12, 2020"})
        void findsNoDateWhereNoneIsWritten(String text) {
            assertThat(DateParser.loose(true).findInText(text, 1)).isEmpty();
        }

        @Test
        void slashesFollowTheDayOrder_unlessANumberExceedsTwelve() {
            assertThat(DateParser.loose(false).read("04/06/2020").map(DateParserTest::show))
                    .contains("2020-04-06T00:00:00");
            assertThat(DateParser.loose(true).read("04/06/2020").map(DateParserTest::show))
                    .contains("2020-06-04T00:00:00");
            assertThat(DateParser.loose(false).read("24/06/2020").map(DateParserTest::show))
                    .contains("2020-06-24T00:00:00");
        }

        @Test
        void findsSeveralDatesInOrder_withWhereTheyStand() {
            String text = "29. Dezember 2022 | aktualisiert 30.12.2022";
            assertThat(DateParser.loose(true).findInText(text, 5))
                    .extracting(d -> show(d.date()) + "@" + d.start() + "-" + d.end())
                    .containsExactly("2022-12-29T00:00:00@0-17", "2022-12-30T00:00:00@33-43");
        }

        @Test
        void findsWhatTheRegexFindsTriedAtEveryPosition() {
            String[] pieces = {"4", "12", "2020", "06", "1", ".", "/", "-", ":", ",", " ", "  ", "\t", "\n", "\u00A0",
                "Juni", "June", "März", "Dezember", "de", "st", "th", "x", "abc", "Uhr", "am", "um", "ä",
                "\uD835\uDC00",
                "Septembre", "Wednesdayxyz", "14.30", "p.m.", "CET", "Dezember 4, 2020", "4. Juni 2020", "June 4 2020",
                "12.06.2020", "2020-06-04", "Dezember.\t 12 ", "Septembre 3", "abcdefghijkl 4 ", "abcdefghijklm 4 ",
                "\uD835\uDC00\uD835\uDC00\uD835\uDC00 4 ", " 2020", " 14:30 Uhr"};
            Random random = new Random(23);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int j = random.nextInt(24); j > 0; j--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                for (DateParser parser : List.of(DateParser.loose(true), DateParser.loose(false))) {
                    assertThat(parser.findInText(text, 5)).as(text.toString())
                            .isEqualTo(findTryingEveryPosition(parser, text, 5));
                }
            }
        }

        /** What {@link DateParser#findInText} did before it skipped the text that holds no date. */
        private List<DateParser.TextDate> findTryingEveryPosition(DateParser parser, CharSequence text, int max) {
            List<DateParser.TextDate> out = new ArrayList<>();
            Matcher m = DateParser.TEXT_DATE.matcher(text);
            int from = 0;
            while (out.size() < max && from < text.length() && m.find(from)) {
                WrittenDate date = parser.textDate(m);
                if (date != null) {
                    out.add(new DateParser.TextDate(date, m.start(), m.end()));
                    from = m.end();
                } else {
                    from = m.start() + 1;
                }
            }
            return out;
        }

        @Test
        void placesAZoneLessValueOnlyWhenAskedTo() {
            assertThat(DateParser.loose(false).read("2019-11-19 10:05"))
                    .hasValueSatisfying(date -> assertThat(date.offset()).isNull());
            assertThat(DateParser.loose(false).parse("2019-11-19 10:05", PARIS).map(DateParser::format))
                    .contains("2019-11-19T10:05:00+01:00");
        }
    }

    /** The date in a URL path: one reading, a day for a page's own candidates, a month too for the last resort. */
    @Nested
    class UrlPath {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"https://news.example/2020/06/04/story", "https://news.example/2020/6/4/story",
                "https://news.example/news/2020-06-04-story", "https://news.example/2020_06_04/x",
                "https://news.example/20200604/story.html", "https://news.example/2020/06/04.html",
                "https://news.example/a b/2020/06/04/story with a space"})
        void readsTheDayInThePath(String url) {
            assertThat(DateParser.dayInUrlPath(url)).contains(LocalDate.of(2020, 6, 4));
            assertThat(DateParser.fromUrlPath(url, PARIS).map(DateParser::format))
                    .contains("2020-06-04T00:00:00+02:00");
        }

        @Test
        void aYearAndMonthIsNoDay_butTheLastResortTakesItsFirst() {
            String url = "https://news.example/2020/06/story";
            assertThat(DateParser.dayInUrlPath(url)).isEmpty();
            assertThat(DateParser.fromUrlPath(url, ZoneOffset.UTC).map(DateParser::format))
                    .contains("2020-06-01T00:00:00Z");
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"https://2020-06-04.news.example/story", "https://news.example/story?d=/2020/06/04/",
                "https://news.example/2021/02/30/story", "https://news.example/1850/06/04/story", "not a url", ""})
        void readsNoDateFromHostQueryOrImpossibleDays(String url) {
            assertThat(DateParser.dayInUrlPath(url)).isEmpty();
        }
    }

    @Test
    void plausibility_isOneRuleForInstantsAndDays() {
        Instant now = Instant.parse("2023-06-15T12:00:00Z");
        LocalDate today = LocalDate.of(2023, 6, 15);
        assertThat(DateParser.implausibility(OffsetDateTime.parse("1989-12-31T23:59:59Z"), now)).contains("1990");
        assertThat(DateParser.plausibleDay(LocalDate.of(1989, 12, 31), today)).isFalse();
        assertThat(DateParser.implausibility(OffsetDateTime.parse("1990-01-01T00:00:00Z"), now)).isNull();
        assertThat(DateParser.plausibleDay(LocalDate.of(1990, 1, 1), today)).isTrue();
        assertThat(DateParser.implausibility(OffsetDateTime.parse("2023-06-16T12:00:00Z"), now)).isNull();
        assertThat(DateParser.plausibleDay(LocalDate.of(2023, 6, 16), today)).isTrue();
        assertThat(DateParser.implausibility(OffsetDateTime.parse("2023-06-17T12:00:01Z"), now)).contains("after now");
        assertThat(DateParser.plausibleDay(LocalDate.of(2023, 6, 17), today)).isFalse();
    }
}
