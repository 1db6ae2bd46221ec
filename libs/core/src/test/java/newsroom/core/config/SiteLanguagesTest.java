package newsroom.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SiteLanguagesTest {

    @Test
    void mapsEveryRegionToThePrimarySubtag_whenTheSiteListsNoLanguages() {
        SiteLanguages site = SiteLanguages.of(List.of());

        assertThat(site.map("en-US")).isEqualTo("en");
        assertThat(site.map("en-GB")).isEqualTo("en");
        assertThat(site.map("ru-RU")).isEqualTo("ru");
        assertThat(site.map("zh-Hant-TW")).isEqualTo("zh");
        assertThat(site.map("de")).isEqualTo("de");
        assertThat(site.covers("ja")).isTrue();
    }

    @Test
    void mapsRegionsOntoTheListedLanguage() {
        SiteLanguages site = SiteLanguages.of(List.of("en", "fr"));

        assertThat(site.map("en-US")).isEqualTo("en");
        assertThat(site.map("en-GB")).isEqualTo("en");
        assertThat(site.map("fr-CA")).isEqualTo("fr");
        assertThat(site.map("fr")).isEqualTo("fr");
    }

    @Test
    void keepsARegion_whenTheSiteListsIt() {
        SiteLanguages site = SiteLanguages.of(List.of("en-GB", "en-US", "pt-BR", "zh-Hant"));

        assertThat(site.map("en-GB")).isEqualTo("en-GB");
        assertThat(site.map("en-us")).isEqualTo("en-US");
        assertThat(site.map("zh-Hant-TW")).isEqualTo("zh-Hant");
    }

    @Test
    void takesTheFirstListedTagOfTheSameLanguage_whenNoneMatchesExactly() {
        SiteLanguages site = SiteLanguages.of(List.of("en-GB", "en-US", "pt-BR"));

        assertThat(site.map("en")).isEqualTo("en-GB");
        assertThat(site.map("en-AU")).isEqualTo("en-GB");
        assertThat(site.map("pt-PT")).isEqualTo("pt-BR");
    }

    @Test
    void fallsBackToThePrimarySubtag_forALanguageTheSiteDoesNotList() {
        SiteLanguages site = SiteLanguages.of(List.of("en", "fr"));

        assertThat(site.map("de-AT")).isEqualTo("de");
        assertThat(site.covers("de-AT")).isFalse();
        assertThat(site.covers("en-NZ")).isTrue();
    }

    @Test
    void readsTheLanguagesKey_andRefusesADefaultOrTargetTheSiteDoesNotPublishIn() {
        SiteConfig config = SiteConfigLoader.fromMap(Map.of("languages", List.of("en", "fr")), "site.yaml");
        assertThat(config.languages().listed()).containsExactly("en", "fr");
        assertThat(config.languages().defaultLanguage()).isEqualTo("en");

        assertThatThrownBy(() -> SiteConfigLoader.fromMap(
                Map.of("languages", List.of("fr"), "defaultLanguage", "en"), "site.yaml"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("site.yaml: key 'defaultLanguage': 'en' is not one of the site's languages [fr]"
                        + " (key 'languages')");
        assertThatThrownBy(() -> SiteConfigLoader.fromMap(
                Map.of("languages", List.of("en"), "targetLanguages", List.of("de")), "site.yaml"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("site.yaml: key 'targetLanguages': 'de' is not one of the site's languages [en]"
                        + " (key 'languages')");
    }
}
