package newsroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The language comes from the page's declarations, checked against the article text. */
class ArticleLanguageTest {

    private static final String ENGLISH = "The harbour authority said on Tuesday that the two solar ferries would"
            + " enter service in the spring, after a winter of trials in the bay. Passengers will pay the same fare"
            + " as on the diesel boats, and the crossing will take about twenty minutes. The council expects the"
            + " new ferries to cut the noise and the smoke that residents have complained about for years.";
    private static final String FRENCH = "La capitainerie a annoncé mardi que les deux ferries solaires entreraient"
            + " en service au printemps, après un hiver d'essais dans la baie. Les passagers paieront le même tarif"
            + " que sur les bateaux diesel, et la traversée durera une vingtaine de minutes. La municipalité espère"
            + " que les nouveaux ferries réduiront le bruit et la fumée dont se plaignent les habitants.";
    private static final String RUSSIAN = "Администрация порта сообщила во вторник, что два парома на солнечных"
            + " батареях начнут работу весной, после зимних испытаний в заливе. Пассажиры будут платить столько же,"
            + " сколько на дизельных судах, а переправа займёт около двадцати минут. Власти города надеются, что"
            + " новые паромы уменьшат шум и дым, на которые жители жалуются много лет.";

    private static final String GERMAN = "Die Hafenbehörde hat am Dienstag mitgeteilt, dass die beiden Solarfähren"
            + " im Frühjahr in Betrieb gehen, nach einem Winter mit Probefahrten in der Bucht. Die Fahrgäste zahlen"
            + " den gleichen Preis wie auf den Dieselbooten, und die Überfahrt dauert etwa zwanzig Minuten. Die Stadt"
            + " hofft, dass die neuen Fähren den Lärm und den Rauch verringern, über den sich die Anwohner seit"
            + " Jahren beklagen.";

    private final ArticleExtractor extractor = new ArticleExtractor();

    private Optional<Field<String>> language(String head, String htmlAttributes, String text) {
        String html = "<html" + htmlAttributes + "><head><title>Ferries</title>" + head + "</head><body><article>"
                + "<h1>Ferries</h1><p>" + text + "</p></article></body></html>";
        return extractor.extractArticle(html, "https://news.example.com/ferries").metadata().language();
    }

    @Test
    void keepsTheDeclaredRegion_whenTheTextAgrees() {
        assertThat(language("", " lang=\"en-GB\"", ENGLISH)).contains(new Field<>("en-GB", "html[lang]"));
    }

    @Test
    void prefersJsonLdThenMetaThenHtmlLang_andCanonicalizesTheTag() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferries\","
                + "\"inLanguage\":\"fr-FR\"}</script>";
        assertThat(language(ld + "<meta property=\"og:locale\" content=\"fr_CA\">", " lang=\"fr\"", FRENCH))
                .contains(new Field<>("fr-FR", "json-ld:NewsArticle.inLanguage"));
        assertThat(language("<meta property=\"og:locale\" content=\"fr_CA\">", " lang=\"fr\"", FRENCH))
                .contains(new Field<>("fr-CA", "meta:og:locale"));
    }

    @Test
    void theWebPagesJsonLdLanguageIsTheLastDeclarationReadWhenTheArticleStatesNone() {
        String ld = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\",\"inLanguage\":"
                + "\"pt-BR\"},{\"@type\":\"Article\",\"headline\":\"Ferries\"}]}</script>";
        // a text too short to detect anything in: only the declaration can tell
        assertThat(language(ld, "", "Classificação: 1. Equipe A 2. Equipe B"))
                .contains(new Field<>("pt-BR", "json-ld:WebPage.inLanguage"));
        assertThat(language(ld, " lang=\"pt-PT\"", "Classificação: 1. Equipe A 2. Equipe B"))
                .contains(new Field<>("pt-PT", "html[lang]"));
    }

    @Test
    void aStrayThreeLetterSubtagAfterTheLanguageDoesNotReplaceIt() {
        // BCP 47 would read "de-ere" as the extended language "ere"; only macrolanguages have extended languages
        assertThat(language("", " lang=\"de-ere\"", GERMAN)).contains(new Field<>("de", "html[lang]"));
        assertThat(language("", " lang=\"zh-yue\"", "Short text about solar ferries in the harbour."))
                .contains(new Field<>("yue", "html[lang]"));
    }

    @Test
    void skipsADeclarationThatIsNoLanguageTag() {
        assertThat(language("<meta http-equiv=\"content-language\" content=\"English\">", " lang=\"en-US\"",
                ENGLISH)).contains(new Field<>("en-US", "html[lang]"));
    }

    @Test
    void takesTheTextsLanguage_whenTheDeclarationIsWrong() {
        assertThat(language("", " lang=\"en\"", RUSSIAN))
                .contains(new Field<>("ru", "text (declared en in html[lang])"));
    }

    @Test
    void takesTheTextsLanguage_whenALatinScriptDeclarationIsWrong() {
        // the function-word shortcut confirms only a declaration the text's own words support
        assertThat(language("", " lang=\"en-US\"", GERMAN))
                .contains(new Field<>("de", "text (declared en-US in html[lang])"));
        assertThat(language("", " lang=\"de\"", GERMAN)).contains(new Field<>("de", "html[lang]"));
    }

    @Test
    void detectsTheLanguage_whenThePageDeclaresNone() {
        assertThat(language("", "", FRENCH)).contains(new Field<>("fr", "text"));
    }

    @Test
    void keepsTheDeclaration_whenTheTextIsTooShortToJudge() {
        assertThat(language("", " lang=\"de\"", "Short English text about solar ferries in the harbour."))
                .contains(new Field<>("de", "html[lang]"));
        assertThat(language("", "", "Short English text about solar ferries in the harbour.")).isEmpty();
    }
}
