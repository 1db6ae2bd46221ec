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
        assertThat(config.defaultLanguage()).isEqualTo("fr");
        assertThat(config.targetLanguages()).containsExactly("en", "de");
        assertThat(config.thumbnailWidths()).containsExactly(320, 640);
        assertThat(config.pathPattern()).isEqualTo("content/{lang}/{slug}.md");
    }

    @Test
    void readsTheSiteLanguages_andDefaultsToTheFirst() {
        SiteConfig config = SiteEnvironment.fromEnvironment(Map.of("SITE_LANGUAGES", "fr, en_gb, fr"));

        assertThat(config.languages()).containsExactly("fr", "en-GB");
        assertThat(config.defaultLanguage()).isEqualTo("fr");
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
                        + "THUMBNAIL_WIDTHS, PATH_PATTERN, SITE_LANGUAGES, MISSING_DATE, SUMMARY_MAX_CHARS, MAX_TAGS)");
    }
}
