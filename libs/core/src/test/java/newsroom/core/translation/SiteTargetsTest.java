package newsroom.core.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SiteTargetsTest {

    @Test
    void addsTheSitesNewLanguagesAfterTheEventsOwn_butNeverTheArticlesLanguage() {
        assertThat(TranslationService.withSiteTargets(List.of("fr"), List.of("FR", "de", "en"), "en"))
                .containsExactly("fr", "de");
    }

    @Test
    void keepsEveryNewSiteLanguage_whenTheEventDoesNotSayTheArticlesLanguage() {
        assertThat(TranslationService.withSiteTargets(List.of(), List.of("de", "en"), null))
                .containsExactly("de", "en");
    }
}
