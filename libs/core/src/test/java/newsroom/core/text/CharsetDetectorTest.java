package newsroom.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CharsetDetectorTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void prefersTheByteOrderMark_overTheHeader() {
        byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};

        CharsetDetector.Detection d = CharsetDetector.detect(body, "text/html; charset=windows-1251", true);

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.source()).isEqualTo("bom");
    }

    @Test
    void detectsUtf16LittleEndianBom() {
        assertThat(CharsetDetector.detect(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, null, true).charset())
                .isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void prefersTheHeader_overTheMetaTag() {
        CharsetDetector.Detection d = CharsetDetector.detect(ascii("<meta charset=\"koi8-r\">"),
                "text/html; charset=\"windows-1251\"", true);

        assertThat(d.charset().name()).isEqualTo("windows-1251");
        assertThat(d.source()).isEqualTo("header");
    }

    @Test
    void readsHttpEquivContentType() {
        CharsetDetector.Detection d = CharsetDetector.detect(
                ascii("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-JP\">"),
                "text/html", true);

        assertThat(d.charset().name()).isEqualTo("EUC-JP");
        assertThat(d.source()).isEqualTo("meta");
    }

    @Test
    void ignoresMetaTagsBeyondThePrescan() {
        byte[] body = ascii(" ".repeat(CharsetDetector.SNIFF_BYTES) + "<meta charset=\"koi8-r\">");

        assertThat(CharsetDetector.detect(body, "text/html", true).source()).isEqualTo("detected");
    }

    @Test
    void readsTheXmlDeclaration() {
        CharsetDetector.Detection d = CharsetDetector.detect(
                ascii("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><rss/>"), "application/rss+xml", true);

        assertThat(d.charset().name()).isEqualTo("ISO-8859-2");
    }

    @Test
    void mapsLatin1LabelToWindows1252_likeBrowsers() {
        assertThat(CharsetDetector.detect(ascii("x"), "text/html; charset=iso-8859-1", true).charset().name())
                .isEqualTo("windows-1252");
    }

    @Test
    void fallsBackToUtf8AndSaysWhy_whenTheCharsetIsUnknown() {
        CharsetDetector.Detection d = CharsetDetector.detect(ascii("x"), "text/html; charset=utf-99", true);

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.warning()).isEqualTo("unknown charset 'utf-99' in header, decoded as UTF-8 with replacement");
    }

    @Test
    void fallsBackToUtf8AndSaysWhy_whenTheCharsetNameIsMalformed() {
        CharsetDetector.Detection d = CharsetDetector.detect(ascii("<meta charset=\"@@bad!!\">"), "text/html", true);

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.warning()).startsWith("unknown charset '@@bad!!' in meta");
    }

    @Test
    void detectsUtf8_whenNothingIsDeclaredAndTheBodyIsValidUtf8() {
        CharsetDetector.Detection d = CharsetDetector.detect("<p>Zürich</p>".getBytes(StandardCharsets.UTF_8),
                "text/html", true);

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.source()).isEqualTo("detected");
        assertThat(d.warning()).isNull();
    }

    @Test
    void readsAMetaDeclarationAfterTheFirstKibibyte() {
        byte[] body = ascii("<html><head><script>" + "x".repeat(1500) + "</script><meta charset=\"iso-8859-2\">");

        assertThat(CharsetDetector.detect(body, null, true).charset().name()).isEqualTo("ISO-8859-2");
    }

    @Test
    void detectsWindows1252_whenNothingIsDeclaredAndTheBodyIsNotUtf8() {
        byte[] body = "<html><p>Zürich, café</p>".getBytes(Charset.forName("windows-1252"));

        CharsetDetector.Detection d = CharsetDetector.detect(body, null, true);

        assertThat(d.charset().name()).isEqualTo("windows-1252");
        assertThat(d.source()).isEqualTo("detected");
    }

    @Test
    void detectsTheLegacyCharsetOfThePagesLanguage_whenNothingIsDeclared() {
        byte[] body = "<html lang=\"pl-PL\"><p>Zażółć gęślą jaźń</p>".getBytes(Charset.forName("windows-1250"));

        assertThat(CharsetDetector.detect(body, null, true).charset().name()).isEqualTo("windows-1250");
    }

    @Test
    void decodesAsUtf8AndWarns_whenTheHeaderSaysLatin1ButTheUtf8PageDeclaresUtf8() {
        byte[] body = "<meta charset=\"utf-8\"><title>Zürich</title>".getBytes(StandardCharsets.UTF_8);

        CharsetDetector.Detection d = CharsetDetector.detect(body, "text/html; charset=ISO-8859-1", true);

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.source()).isEqualTo("meta");
        assertThat(d.warning()).isEqualTo("the header says windows-1252 but the body is valid UTF-8 and the page"
                + " declares UTF-8; decoded as UTF-8");
    }

    @Test
    void followsTheSingleByteHeader_whenThePageDoesNotDeclareUtf8() {
        byte[] body = "<title>Zürich</title>".getBytes(StandardCharsets.UTF_8);

        assertThat(CharsetDetector.detect(body, "text/html; charset=ISO-8859-1", true).charset().name())
                .isEqualTo("windows-1252");
    }

    @Test
    void followsTheSingleByteHeader_whenTheBodyIsNotValidUtf8() {
        byte[] body = "<meta charset=\"utf-8\"><title>Zürich</title>".getBytes(Charset.forName("windows-1252"));

        CharsetDetector.Detection d = CharsetDetector.detect(body, "text/html; charset=windows-1252", true);

        assertThat(d.charset().name()).isEqualTo("windows-1252");
        assertThat(d.warning()).isNull();
    }

    @Test
    void followsTheSingleByteHeader_whenTheBodyIsPureAscii() {
        byte[] body = ascii("<meta charset=\"utf-8\"><title>Zurich</title>");

        assertThat(CharsetDetector.detect(body, "text/html; charset=ISO-8859-1", true).source()).isEqualTo("header");
    }

    @Test
    void followsAMultiByteHeader_evenWhenThePageDeclaresUtf8() {
        byte[] body = "<meta charset=\"utf-8\"><title>東京</title>".getBytes(StandardCharsets.UTF_8);

        assertThat(CharsetDetector.detect(body, "text/html; charset=Shift_JIS", true).charset().name())
                .isEqualTo("Shift_JIS");
    }
}
