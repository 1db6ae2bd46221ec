package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The function-word look confirms a declaration only when the text's own words clearly support it. */
class FunctionWordsTest {

    private static final String ENGLISH = "The harbour authority said on Tuesday that the two solar ferries would"
            + " enter service in the spring, after a winter of trials in the bay. Passengers will pay the same fare"
            + " as on the diesel boats, and the crossing will take about twenty minutes. The council expects the"
            + " new ferries to cut the noise and the smoke that residents have complained about for years.";
    private static final String SPANISH = "La autoridad portuaria dijo el martes que los dos transbordadores solares"
            + " entrarán en servicio en la primavera, después de un invierno de pruebas en la bahía. Los pasajeros"
            + " pagarán la misma tarifa que en los barcos diésel, y la travesía durará unos veinte minutos. El"
            + " ayuntamiento espera que los nuevos barcos reduzcan el ruido y el humo de los que se quejan"
            + " los vecinos.";
    private static final String CATALAN = "L'autoritat portuària va dir dimarts que els dos transbordadors solars"
            + " entraran en servei a la primavera, després d'un hivern de proves a la badia. Els passatgers pagaran"
            + " la mateixa tarifa que als vaixells dièsel, i la travessia durarà uns vint minuts. L'ajuntament espera"
            + " que els nous vaixells redueixin el soroll i el fum dels quals es queixen els veïns des de fa anys.";

    @Test
    void confirmsTheLanguageTheTextIsWrittenIn() {
        assertThat(FunctionWords.confirms("en", ENGLISH)).isTrue();
        assertThat(FunctionWords.confirms("es", SPANISH)).isTrue();
        assertThat(FunctionWords.confirms("ca", CATALAN)).isTrue();
    }

    @Test
    void neverConfirmsAnotherLanguage_evenACloseRelative() {
        assertThat(FunctionWords.confirms("de", ENGLISH)).isFalse();
        assertThat(FunctionWords.confirms("es", CATALAN)).isFalse();
        assertThat(FunctionWords.confirms("ca", SPANISH)).isFalse();
        assertThat(FunctionWords.confirms("pt", SPANISH)).isFalse();
    }

    @Test
    void namesTheOneListedLanguageTheTextClearlyIsIn() {
        assertThat(FunctionWords.language(SPANISH)).contains("es");
        assertThat(FunctionWords.language(CATALAN)).contains("ca");
        assertThat(FunctionWords.language(ENGLISH + " " + SPANISH)).isEmpty();
        assertThat(FunctionWords.language("A kikötői hatóság kedden közölte, hogy a két napelemes komp tavasszal"
                + " áll forgalomba ".repeat(5))).isEmpty(); // Hungarian: no list
    }

    @Test
    void leavesThinTextAndUnlistedLanguagesToTheDetector() {
        assertThat(FunctionWords.confirms("en", "The ferries enter service in the spring.")).isFalse();
        assertThat(FunctionWords.confirms("ru", ENGLISH)).isFalse();
        assertThat(FunctionWords.confirms("en", "Администрация порта сообщила во вторник, что два парома "
                .repeat(5))).isFalse();
    }

    @Test
    void looksWordsUpAsTheirLowerCaseCopyWould() {
        List<String> words = new ArrayList<>(List.of("The", "THE", "Und", "ÉTÉ", "Été", "För", "SIĘ", "İn", "IN", "ΣΑ",
                "Σ", "σ", "ς", "thé", "i̇n"));
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isLetter(c)) {
                words.add(String.valueOf(c));
                words.add(c + "n");
                words.add("d" + c);
            }
        }
        Random random = new Random(10);
        String letters = "abcdefghijklmnopqrstuvwxyzäöüßàáâçèéêëíîïñòóôõùúûæøåąęłńśźżİIΣΑ";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder word = new StringBuilder();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                char c = letters.charAt(random.nextInt(letters.length()));
                word.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            words.add(word.toString());
        }
        for (String word : words) {
            String text = " " + word + " ";
            assertThat(FunctionWords.languagesOf(text, 1, text.length() - 1))
                    .as(word).isEqualTo(FunctionWords.languagesOfLowerCase(word.toLowerCase(Locale.ROOT)));
        }
    }
}
