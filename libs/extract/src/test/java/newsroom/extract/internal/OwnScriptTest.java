package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import newsroom.extract.Field;

/** A Japanese or Korean declaration is confirmed by the script only that language writes, as the detector would. */
class OwnScriptTest {

    private static final String JAPANESE_SENTENCES = "港湾局は火曜日、二隻の太陽光フェリーが冬の試験運航を経て春に就航すると発表した。"
            + "乗客はディーゼル船と同じ運賃を払い、横断には約二十分かかる。市議会は、住民が長年苦情を訴えてきた騒音と煙を"
            + "新しいフェリーが減らすことを期待している。運航会社によると、最初の便は朝七時に出発し、夜まで一時間ごとに"
            + "運航される予定だという。";
    private static final String KOREAN_SENTENCES = "항만 당국은 화요일에 두 척의 태양광 여객선이 겨울 동안의 시험 운항을 마치고 봄에"
            + " 취항한다고 밝혔다. 승객들은 디젤 선박과 같은 요금을 내고, 건너는 데는 약 이십 분이 걸린다. 시의회는 주민들이"
            + " 오랫동안 불만을 제기해 온 소음과 연기를 새 여객선이 줄여 줄 것으로 기대하고 있다. 운항사에 따르면 첫 배는"
            + " 아침 일곱 시에 출발하며 저녁까지 한 시간마다 운항할 예정이다.";
    private static final String CHINESE_SENTENCES = "港务局周二表示，两艘太阳能渡轮在经过一个冬季的试航后将于春季投入运营。乘客将支付与柴油船"
            + "相同的票价，航程约需二十分钟。市议会希望新渡轮能够减少居民多年来一直抱怨的噪音和烟雾。据运营公司称，首班船将于"
            + "早上七点出发，此后每小时一班，直到晚上。港务局还表示，如果试运营顺利，明年将再增加两艘同类渡轮。";

    /** Over the 200 characters the check needs before it looks at a text at all. */
    private static final String JAPANESE = JAPANESE_SENTENCES.repeat(2);
    private static final String KOREAN = KOREAN_SENTENCES.repeat(2);
    private static final String CHINESE = CHINESE_SENTENCES.repeat(2);

    @Test
    void confirmsJapaneseAndKoreanWrittenInTheirOwnScript() {
        assertThat(OwnScript.confirms("ja", JAPANESE)).isTrue();
        assertThat(OwnScript.confirms("ko", KOREAN)).isTrue();
    }

    @Test
    void neverConfirmsChineseAsJapanese_norAnotherScriptOrLanguage() {
        assertThat(OwnScript.confirms("ja", CHINESE)).isFalse();
        assertThat(OwnScript.confirms("ja", KOREAN)).isFalse();
        assertThat(OwnScript.confirms("ko", JAPANESE)).isFalse();
        assertThat(OwnScript.confirms("zh", CHINESE)).isFalse();
        assertThat(OwnScript.confirms("en", "The harbour authority said on Tuesday. ".repeat(10))).isFalse();
    }

    @Test
    void leavesMostlyOtherTextAndThinTextToTheDetector() {
        String english = "The harbour authority said on Tuesday that the two solar ferries would enter service. ";
        assertThat(OwnScript.confirms("ja", english.repeat(4) + JAPANESE.substring(0, 60))).isFalse();
        assertThat(OwnScript.confirms("ko", KOREAN.substring(0, 90))).isFalse();
    }

    @Test
    void theDetectorReadsTheConfirmedTextsAsTheSameLanguage() {
        // no declaration: the detector alone decides (no function-word list covers these scripts)
        assertThat(LanguageCheck.check(Optional.empty(), JAPANESE).map(Field::value)).contains("ja");
        assertThat(LanguageCheck.check(Optional.empty(), KOREAN).map(Field::value)).contains("ko");
        assertThat(LanguageCheck.check(Optional.empty(), CHINESE).map(Field::value)).hasValueSatisfying(
                language -> assertThat(language).isNotEqualTo("ja"));
    }
}
