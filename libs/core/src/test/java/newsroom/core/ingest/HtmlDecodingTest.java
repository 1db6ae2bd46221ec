package newsroom.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Local files and fetched pages decode with the same charset decision. */
class HtmlDecodingTest {

    @Test
    void decodesAWindows1252File_asItsMetaSays() {
        byte[] file = "<html><head><meta charset=\"windows-1252\"><title>Zürich – café</title>"
                .getBytes(Charset.forName("windows-1252"));

        assertThat(HtmlDecoding.decode(file, null)).contains("<title>Zürich – café</title>");
    }

    @Test
    void decodesAnIso88592File_declaredByHttpEquiv() {
        byte[] file = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">"
                + "<title>Łódź, żółw</title>").getBytes(Charset.forName("ISO-8859-2"));

        assertThat(HtmlDecoding.decode(file, null)).endsWith("<title>Łódź, żółw</title>");
    }

    @Test
    void decodesAnUndeclaredLatinFile_byDetection() {
        byte[] file = "<html><p>Grüße aus Zürich</p>".getBytes(Charset.forName("windows-1252"));

        assertThat(HtmlDecoding.decode(file, null)).isEqualTo("<html><p>Grüße aus Zürich</p>");
    }

    @Test
    void dropsTheByteOrderMark() {
        byte[] text = "<p>Zürich</p>".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[text.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(text, 0, file, 3, text.length);

        assertThat(HtmlDecoding.decode(file, null)).isEqualTo("<p>Zürich</p>");
        assertThat(HtmlDecoding.decode(file, "UTF-8")).isEqualTo("<p>Zürich</p>");
    }

    @Test
    void usesTheCharsetTheFetcherChose() {
        byte[] body = "<p>Zürich</p>".getBytes(Charset.forName("windows-1252"));

        assertThat(HtmlDecoding.decode(body, "windows-1252")).isEqualTo("<p>Zürich</p>");
    }
}
