package newsroom.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SiteEnvironmentTest {

    @Test
    void readsEveryVariable() {
        SiteConfig config = SiteEnvironment.fromEnvironment(Map.of("SITE_TIME_ZONE", "Europe/Paris",
                "DEFAULT_LANGUAGE", "fr", "TARGET_LANGUAGES", "en, de", "THUMBNAIL_WIDTHS", "640,320",
                "PATH_PATTERN", "content/{lang}/{slug}.md"));

        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.languages().defaultLanguage()).isEqualTo("fr");
        assertThat(config.languages().targets()).containsExactly("en", "de");
        assertThat(config.thumbnails().widths()).containsExactly(320, 640);
        assertThat(config.output().pathPattern()).isEqualTo("content/{lang}/{slug}.md");
    }

    @Test
    void readsTheSiteLanguages_andDefaultsToTheFirst() {
        SiteConfig config = SiteEnvironment.fromEnvironment(Map.of("SITE_LANGUAGES", "fr, en_gb, fr"));

        assertThat(config.languages().listed()).containsExactly("fr", "en-GB");
        assertThat(config.languages().defaultLanguage()).isEqualTo("fr");
    }

    @Test
    void readsTheFrontMatterRules() {
        SiteConfig config = SiteEnvironment.fromEnvironment(Map.of("MISSING_DATE", "reject",
                "SUMMARY_MAX_CHARS", "250", "MAX_TAGS", "8"));

        assertThat(config.frontMatter()).isEqualTo(new SiteConfig.FrontMatterRules(SiteConfig.MissingDate.REJECT,
                250, 8));
    }

    @Test
    void keepsTheDefaults_forAbsentOrBlankVariables() {
        assertThat(SiteEnvironment.fromEnvironment(Map.of("TARGET_LANGUAGES", "")))
                .isEqualTo(SiteConfig.defaults().withTargetLanguages(List.of()));
    }

    @Test
    void namesTheVariable_whenWidthsAreNotNumbers() {
        assertThatThrownBy(() -> SiteEnvironment.fromEnvironment(Map.of("THUMBNAIL_WIDTHS", "320,big")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("environment: variable THUMBNAIL_WIDTHS: '320,big' is not a comma-separated list of"
                        + " widths in pixels such as 320,640,1280");
    }

    @Test
    void namesTheKeyAndTheVariables_whenATimeZoneIsUnknown() {
        assertThatThrownBy(() -> SiteEnvironment.fromEnvironment(Map.of("SITE_TIME_ZONE", "Mars/Olympus")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("environment: key 'timeZone': not a time zone: Mars/Olympus")
                .hasMessageEndingWith("(variables: SITE_TIME_ZONE, DEFAULT_LANGUAGE, TARGET_LANGUAGES, "
                        + "THUMBNAIL_WIDTHS, PATH_PATTERN, SITE_LANGUAGES, MISSING_DATE, SUMMARY_MAX_CHARS, MAX_TAGS, "
                        + "THUMBNAIL_LINK, THUMBNAIL_MAIN_WIDTH, THUMBNAIL_MIN_SIZE)");
    }

    @Test
    void readsTheThumbnailSettings() {
        SiteConfig config = SiteEnvironment.fromEnvironment(Map.of("THUMBNAIL_LINK", "false",
                "THUMBNAIL_MAIN_WIDTH", "800", "THUMBNAIL_MIN_SIZE", "64"));

        assertThat(config.thumbnails()).isEqualTo(new ThumbnailSettings(List.of(320, 640, 1280), false, 800, 64));
        assertThat(SiteEnvironment.fromEnvironment(Map.of()).thumbnails()).isEqualTo(ThumbnailSettings.defaults());
    }

    @Test
    void namesTheThumbnailKey_whenItsValueIsUnusable() {
        assertThatThrownBy(() -> SiteEnvironment.fromEnvironment(Map.of("THUMBNAIL_LINK", "sometimes")))
                .hasMessageStartingWith("environment: key 'thumbnails.link': sometimes is not true or false");
        assertThatThrownBy(() -> SiteEnvironment.fromEnvironment(Map.of("THUMBNAIL_MIN_SIZE", "0")))
                .hasMessageStartingWith("environment: key 'thumbnails.minSize': 0 is not a number of pixels");
    }

    @Test
    void readsTheThumbnailsMappingOfTheSiteFile_refusingUnknownKeys() {
        assertThat(SiteConfigLoader.fromMap(Map.of("thumbnails", Map.of("link", false)), "site.yaml").thumbnails())
                .isEqualTo(new ThumbnailSettings(List.of(320, 640, 1280), false, 640, 100));
        assertThatThrownBy(() -> SiteConfigLoader.fromMap(Map.of("thumbnails", Map.of("lnk", false)), "site.yaml"))
                .hasMessageStartingWith("site.yaml: key 'thumbnails.lnk': unknown (known: link, mainWidth, minSize)");
    }
}
