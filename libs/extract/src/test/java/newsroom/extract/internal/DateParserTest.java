package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

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
    })
    void parsesMetadataDateFormats(String raw, String expected) {
        assertThat(DateParser.parse(raw)).map(Object::toString).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "yesterday", "3 hours ago", "2019-13-45", "November 19"})
    void refusesWhatIsNotADate(String raw) {
        assertThat(DateParser.parse(raw)).isEmpty();
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
    })
    void findsDatesWrittenInText(String text, String expected) {
        assertThat(DateParser.findInText(text, true, 1)).extracting(d -> d.date().toString())
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"version 1.2.3 released", "call 030 1234567", "4. Juni", "November 2020", "32.13.2020"})
    void findsNoDateWhereNoneIsWritten(String text) {
        assertThat(DateParser.findInText(text, true, 1)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)' | 2018-02-20T01:00:00+01:00",
            "'10.12.2022, 07:00:03'                                              | 2022-12-10T07:00:03",
            "'November 19, 2019, 07:47 PM EST'                                   | 2019-11-19T19:47:00-05:00",
    })
    void parsesLooseMetadataValues(String raw, String expected) {
        assertThat(DateParser.parseLoose(raw, false)).map(Object::toString).contains(expected);
    }
}
