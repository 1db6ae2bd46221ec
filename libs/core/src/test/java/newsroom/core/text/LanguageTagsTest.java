package newsroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"en,en", "EN,en", "en_US,en-US", "en-us,en-US", "zh_hant_tw,zh-Hant-TW", "pt-br,pt-BR",
            "sr-latn-rs,sr-Latn-RS", "' fr ',fr", "iw,he", "gsw,gsw"})
    void writesTheCanonicalSpelling(String given, String canonical) {
        assertThat(LanguageTags.normalize(given)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "english", "English (UK)", "e", "123", "en-", "x-private", "en US"})
    void refusesWhatIsNotATagWithAnIsoLanguage(String given) {
        assertThat(LanguageTags.normalize(given)).isEmpty();
    }
}
