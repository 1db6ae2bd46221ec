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
}
