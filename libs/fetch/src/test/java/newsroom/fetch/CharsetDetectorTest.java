package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;

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
    void ignoresMetaTagsBeyondTheFirstKibibyte() {
        byte[] body = ascii(" ".repeat(1100) + "<meta charset=\"koi8-r\">");

        assertThat(CharsetDetector.detect(body, "text/html", true).source()).isEqualTo("default");
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
        assertThat(d.problem()).isEqualTo("unknown charset 'utf-99' in header, decoded as UTF-8 with replacement");
    }

    @Test
    void fallsBackToUtf8AndSaysWhy_whenTheCharsetNameIsMalformed() {
        CharsetDetector.Detection d = CharsetDetector.detect(ascii("<meta charset=\"@@bad!!\">"), "text/html", true);

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.problem()).startsWith("unknown charset '@@bad!!' in meta");
    }

    @Test
    void usesUtf8ByDefault_withoutAProblem() {
        CharsetDetector.Detection d = CharsetDetector.detect(ascii("<p>plain</p>"), "text/html", true);

        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.source()).isEqualTo("default");
        assertThat(d.problem()).isNull();
    }
}
