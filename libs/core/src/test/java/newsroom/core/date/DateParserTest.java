package newsroom.core.date;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

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
        assertThat(DateParser.parse(text, PARIS).map(DateParser::format)).contains(rfc3339);
    }

    @Test
    void readsEpochSecondsAndMillisGivenAsNumbers() {
        assertThat(DateParser.parse(1739373000L, ZoneOffset.UTC).map(DateParser::format)).contains("2025-02-12T15:10:00Z");
        assertThat(DateParser.parse(1739373000000L, ZoneOffset.UTC).map(DateParser::format))
                .contains("2025-02-12T15:10:00Z");
    }

    @Test
    void readsJavaTimeValues() {
        assertThat(DateParser.parse(LocalDate.of(2025, 2, 12), PARIS).map(DateParser::format))
                .contains("2025-02-12T00:00:00+01:00");
        assertThat(DateParser.parse(OffsetDateTime.parse("2025-02-12T15:10:00.9+09:00"), PARIS).map(DateParser::format))
                .contains("2025-02-12T15:10:00+09:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-13-01", "2025-02-30", "2025-02-12T25:00:00Z", "Feb 30, 2025",
            "Foo 12, 2025", "13:10 PM Feb 12, 2025", "Feb 12, 2025 13:10 PM", "12/02/2025", "99999999999999999999",
            "2025-02-12T15:10:00+25:00", "Wed, 12 Feb 2025 15:10:00 CET"})
    void refusesWhatIsNotADate(String text) {
        assertThat(DateParser.parse(text, PARIS)).isEmpty();
    }

    @Test
    void refusesYearsBeyondFourDigits() {
        assertThat(DateParser.parse(Long.MAX_VALUE / 1000, ZoneOffset.UTC)).isEmpty();
    }
}
