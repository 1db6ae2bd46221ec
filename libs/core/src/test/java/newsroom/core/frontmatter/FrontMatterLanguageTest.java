package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.CanonicalFrontMatter;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;

/** The article's language is mapped onto the site's languages, so one site gets one tree per language. */
class FrontMatterLanguageTest {

    private static CanonicalFrontMatter normalize(List<String> siteLanguages, List<String> targets, Object lang) {
        SiteConfig site = SiteConfig.defaults().withLanguages(new SiteConfig.Languages(
                siteLanguages.isEmpty() ? "en" : siteLanguages.get(0), siteLanguages, targets));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "T");
        fields.put("date", "2025-02-12");
        if (lang != null) {
            fields.put("lang", lang);
        }
        return new FrontMatterNormalizer(site).normalize(new RawArticle(fields, "Body"), SourceContext.ofFile("a.md"))
                .frontMatter();
    }

    @Test
    void storesThePrimarySubtag_whenTheSiteListsNoLanguages() {
        assertThat(normalize(List.of(), List.of(), "en_GB").taxonomy().lang()).containsExactly("en");
        assertThat(normalize(List.of(), List.of(), "ru-RU").taxonomy().lang()).containsExactly("ru");
    }

    @Test
    void storesTheListedLanguage_forARegionalTag() {
        assertThat(normalize(List.of("en", "fr"), List.of(), "en-US").taxonomy().lang()).containsExactly("en");
        assertThat(normalize(List.of("en", "fr"), List.of(), "fr-CA").taxonomy().lang()).containsExactly("fr");
    }

    @Test
    void keepsTheRegion_whenTheSiteListsIt() {
        assertThat(normalize(List.of("en-GB", "en-US"), List.of(), "en-us").taxonomy().lang()).containsExactly("en-US");
    }

    @Test
    void mapsTheSourceDefaultAndTheTranslations_too() {
        CanonicalFrontMatter fm = normalize(List.of("en", "fr"), List.of("fr"), null);

        assertThat(fm.taxonomy().lang()).containsExactly("en");
        assertThat(fm.taxonomy().translations()).containsExactly("en", "fr");
        assertThat(normalize(List.of("en", "fr"), List.of("fr"), "fr-BE").taxonomy().translations())
                .containsExactly("fr");
    }
}
