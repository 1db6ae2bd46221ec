package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import newsroom.core.model.ArticleRejectedException;
import newsroom.extract.ArticleExtractor;
import newsroom.extract.Field;
import newsroom.extract.testing.SharedPages;

/**
 * The shortcuts of {@link LanguageCheck#check} (function words, own scripts) answer what the detector alone answers,
 * on the real pages of the shared sets, on texts of the Cyrillic languages the Russian list must not take for
 * Russian, and on Indonesian and Malay.
 */
class LanguageCheckShortcutsTest {

    private static final String URL = "https://news.example/a";

    private static final String RUSSIAN = "Администрация порта сообщила во вторник, что два парома на солнечных"
            + " батареях начнут работу весной, после зимних испытаний в заливе. Пассажиры будут платить столько же,"
            + " сколько на дизельных судах, а переправа займёт около двадцати минут. Власти города надеются, что"
            + " новые паромы уменьшат шум и дым, на которые жители жалуются много лет. Это было решено ещё"
            + " летом, когда город только начал искать деньги, и если всё пойдёт так, как задумано, это будет"
            + " первый такой паром в стране, который может ходить без топлива.";
    private static final String UKRAINIAN = "Адміністрація порту повідомила у вівторок, що два пороми на сонячних"
            + " батареях почнуть працювати навесні, після зимових випробувань у затоці. Пасажири платитимуть"
            + " стільки ж, скільки на дизельних суднах, а переправа триватиме близько двадцяти хвилин. Влада міста"
            + " сподівається, що нові пороми зменшать шум і дим, на які мешканці скаржаться вже багато років. Це"
            + " було вирішено ще влітку, коли місто тільки почало шукати гроші, і якщо все піде так, як задумано,"
            + " це буде перший такий пором у країні, який може ходити без пального.";
    private static final String BULGARIAN = "Пристанищната администрация съобщи във вторник, че двата ферибота на"
            + " слънчеви батерии ще започнат работа през пролетта, след зимни изпитания в залива. Пътниците ще"
            + " плащат същата цена като на дизеловите кораби, а прекосяването ще трае около двадесет минути."
            + " Общината се надява, че новите фериботи ще намалят шума и дима, от които жителите се оплакват от"
            + " години. Това беше решено още през лятото, когато градът едва започна да търси пари, и ако всичко"
            + " върви така, както е замислено, това ще бъде първият такъв ферибот в страната.";
    private static final String SERBIAN = "Управа луке саопштила је у уторак да ће два трајекта на соларне батерије"
            + " почети са радом на пролеће, после зимских испитивања у заливу. Путници ће плаћати исту цену као на"
            + " дизел бродовима, а прелазак ће трајати око двадесет минута. Градске власти се надају да ће нови"
            + " трајекти смањити буку и дим на које се становници жале годинама. То је одлучено још лети, када је"
            + " град тек почео да тражи новац, и ако све буде ишло како је замишљено, он ће бити први такав трајект.";
    private static final String MACEDONIAN = "Управата на пристаништето соопшти во вторник дека двата траекти на"
            + " соларни батерии ќе почнат со работа на пролет, по зимските испитувања во заливот. Патниците ќе"
            + " плаќаат иста цена како на дизел бродовите, а преминот ќе трае околу дваесет минути. Градските власти"
            + " се надеваат дека новите траекти ќе ги намалат бучавата и чадот на кои жителите се жалат со години."
            + " Тоа беше одлучено уште летото, кога градот само што почна да бара пари, и ако сè оди како што е"
            + " замислено, тоа ќе биде првиот таков траект во земјата.";
    private static final String BELARUSIAN = "Адміністрацыя порта паведаміла ў аўторак, што два паромы на сонечных"
            + " батарэях пачнуць працаваць увесну, пасля зімовых выпрабаванняў у заліве. Пасажыры будуць плаціць"
            + " столькі ж, колькі на дызельных суднах, а пераправа зойме каля дваццаці хвілін. Улады горада"
            + " спадзяюцца, што новыя паромы зменшаць шум і дым, на якія жыхары скардзяцца шмат гадоў. Гэта было"
            + " вырашана яшчэ ўлетку, калі горад толькі пачаў шукаць грошы, і калі ўсё пойдзе так, як задумана, гэта"
            + " будзе першы такі паром у краіне, які можа хадзіць без паліва.";

    private static final String INDONESIAN = "Otoritas pelabuhan mengatakan pada hari Selasa bahwa dua kapal feri"
            + " tenaga surya akan mulai beroperasi pada musim semi, setelah musim dingin uji coba di teluk. Penumpang"
            + " akan membayar tarif yang sama seperti di kapal diesel, dan penyeberangan akan memakan waktu sekitar"
            + " dua puluh menit. Pemerintah kota berharap kapal feri baru itu bisa mengurangi kebisingan dan asap yang"
            + " sudah lama dikeluhkan warga. Hal itu diputuskan sejak musim panas, karena kota baru saja mulai mencari"
            + " dana, dan jika semuanya berjalan sesuai rencana, ini akan menjadi kapal feri pertama di negara ini"
            + " yang bisa berlayar tanpa bahan bakar.";
    private static final String MALAY = "Pihak berkuasa pelabuhan berkata pada hari Selasa bahawa dua feri berkuasa"
            + " solar akan mula beroperasi pada musim bunga, selepas musim sejuk percubaan di teluk. Penumpang akan"
            + " membayar tambang yang sama seperti di bot diesel, dan perjalanan akan mengambil masa kira-kira dua"
            + " puluh minit. Kerajaan bandar berharap feri baharu itu boleh mengurangkan bunyi bising dan asap yang"
            + " telah lama dirungut oleh penduduk. Perkara itu diputuskan sejak musim panas, kerana bandar baru"
            + " sahaja mula mencari dana, dan jika semuanya berjalan seperti yang dirancang, ini akan menjadi feri"
            + " pertama di negara ini yang boleh belayar tanpa bahan api.";

    @Test
    void answersAsTheDetectorAlone_onEveryPageOfTheSharedSets() throws IOException {
        ArticleExtractor extractor = new ArticleExtractor();
        int[] checked = new int[1];
        SharedPages.forEach((name, html) -> {
            String text;
            try {
                text = extractor.extractArticle(html, URL).content().text();
            } catch (ArticleRejectedException e) {
                return; // no article text: nothing to check
            }
            Document document = Parser.htmlParser().parseInput(html, URL);
            Optional<Field<String>> declared = MetadataExtractor.read(document, URL).metadata().language();
            assertThat(LanguageCheck.check(declared, text)).as(name)
                    .isEqualTo(LanguageCheck.checkByDetector(declared, text));
            checked[0]++;
        });
        assertThat(checked[0]).isGreaterThan(400);
    }

    @Test
    void answersAsTheDetectorAlone_onRussianAndItsCyrillicNeighbours() {
        assertAnswersAsTheDetectorAlone(List.of(RUSSIAN, UKRAINIAN, BULGARIAN, SERBIAN, MACEDONIAN, BELARUSIAN),
                List.of("", "ru", "ru-RU", "uk", "bg", "sr", "mk", "be", "en"));
    }

    @Test
    void answersAsTheDetectorAlone_onIndonesianAndMalay() {
        assertAnswersAsTheDetectorAlone(List.of(INDONESIAN, MALAY), List.of("", "id", "id-ID", "ms", "en"));
    }

    /** Each text, declared as each tag ("" for no declaration), gets the detector-only answer. */
    private static void assertAnswersAsTheDetectorAlone(List<String> texts, List<String> tags) {
        for (String text : texts) {
            for (String tag : tags) {
                Optional<Field<String>> declared = tag.isEmpty() ? Optional.empty()
                        : Optional.of(new Field<>(tag, "html[lang]"));
                assertThat(LanguageCheck.check(declared, text)).as(tag + ": " + text.substring(0, 30))
                        .isEqualTo(LanguageCheck.checkByDetector(declared, text));
            }
        }
    }

    @Test
    void theIndonesianListConfirmsADeclaredIndonesianOnly() {
        assertThat(FunctionWords.confirms("id", INDONESIAN)).isTrue();
        assertThat(FunctionWords.confirms("id", MALAY)).isFalse();
        // Malay only keeps the words Indonesian shares with it from counting as Indonesian; Indonesian is never named
        assertThat(FunctionWords.confirms("ms", MALAY)).isFalse();
        assertThat(FunctionWords.language(INDONESIAN)).isEmpty();
        assertThat(FunctionWords.language(MALAY)).isEmpty();
        // the shared words (dan, di, yang …) are no longer Dutch or Italian alone in an Indonesian text
        assertThat(FunctionWords.confirms("nl", INDONESIAN)).isFalse();
    }

    @Test
    void theRussianListConfirmsRussianOnly() {
        assertThat(FunctionWords.confirms("ru", RUSSIAN)).isTrue();
        assertThat(FunctionWords.language(RUSSIAN)).contains("ru");
        for (String text : List.of(UKRAINIAN, BULGARIAN, SERBIAN, MACEDONIAN, BELARUSIAN)) {
            assertThat(FunctionWords.confirms("ru", text)).as(text.substring(0, 30)).isFalse();
        }
        // the Ukrainian and Bulgarian lists only keep shared words from counting as Russian: they never decide
        for (String text : List.of(UKRAINIAN, BULGARIAN, SERBIAN, MACEDONIAN, BELARUSIAN)) {
            assertThat(FunctionWords.language(text)).as(text.substring(0, 30)).isEmpty();
        }
        assertThat(FunctionWords.confirms("uk", UKRAINIAN)).isFalse();
        assertThat(FunctionWords.confirms("bg", BULGARIAN)).isFalse();
    }
}
