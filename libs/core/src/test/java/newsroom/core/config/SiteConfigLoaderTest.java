package newsroom.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The front-matter keys of the site configuration: missingDate, summaryMaxChars, maxTags. */
class SiteConfigLoaderTest {

    @Test
    void fallsBackFor_missingDates_300CharacterSummaries_andTenTags_byDefault() {
        SiteConfig config = SiteConfigLoader.fromMap(Map.of(), "site.yaml");

        assertThat(config.frontMatter()).isEqualTo(new SiteConfig.FrontMatterRules(SiteConfig.MissingDate.FALLBACK,
                300, 10));
    }

    @Test
    void readsTheFrontMatterKeys() {
        SiteConfig config = SiteConfigLoader.fromMap(Map.of("missingDate", "reject", "summaryMaxChars", 200,
                "maxTags", "5"), "site.yaml");

        assertThat(config.frontMatter()).isEqualTo(new SiteConfig.FrontMatterRules(SiteConfig.MissingDate.REJECT,
                200, 5));
    }

    @Test
    void refusesBadValues_namingTheKey() {
        assertThatThrownBy(() -> SiteConfigLoader.fromMap(Map.of("missingDate", "drop"), "site.yaml"))
                .hasMessage("site.yaml: key 'missingDate': 'drop' is neither fallback nor reject");
        assertThatThrownBy(() -> SiteConfigLoader.fromMap(Map.of("summaryMaxChars", 10), "site.yaml"))
                .hasMessage("site.yaml: key 'summaryMaxChars': 10 is not a whole number between 50 and 5000");
        assertThatThrownBy(() -> SiteConfigLoader.fromMap(Map.of("maxTags", "many"), "site.yaml"))
                .hasMessage("site.yaml: key 'maxTags': many is not a whole number between 1 and 1000");
    }
}
