package newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Test
    void recognisesTheFormatsImageIoWritesByTheirMagicBytes() {
        assertThat(ImageFormat.sniff(TestImages.encoded("jpeg", 8, 8))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(TestImages.encoded("png", 8, 8))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(TestImages.encoded("gif", 8, 8))).contains(ImageFormat.GIF);
    }

    @Test
    void recognisesWebp() {
        assertThat(ImageFormat.sniff(TestImages.webpHeader())).contains(ImageFormat.WEBP);
    }

    @Test
    void recognisesAvifAndHeicFromTheirFtypBrand() {
        assertThat(ImageFormat.sniff(bytes("\0\0\0\u001cftypavif\0\0\0\0"))).contains(ImageFormat.AVIF);
        assertThat(ImageFormat.sniff(bytes("\0\0\0\u0018ftypheic\0\0\0\0"))).contains(ImageFormat.HEIC);
    }

    @Test
    void recognisesSvgMarkup() {
        assertThat(ImageFormat.sniff(bytes("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .contains(ImageFormat.SVG);
    }

    @Test
    void recognisesNothingInHtmlOrEmptyOrTooShortInput() {
        assertThat(ImageFormat.sniff(bytes("<!doctype html><title>404</title>"))).isEmpty();
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
        assertThat(ImageFormat.sniff(Arrays.copyOf(TestImages.encoded("png", 8, 8), 4))).isEmpty();
    }

    @Test
    void seesTheEndMarkerOfCompleteFilesOnly() {
        for (String format : new String[] {"jpeg", "png", "gif"}) {
            byte[] image = TestImages.encoded(format, 16, 16);
            ImageFormat sniffed = ImageFormat.sniff(image).orElseThrow();
            assertThat(sniffed.looksComplete(image)).as(format).isTrue();
            assertThat(sniffed.looksComplete(Arrays.copyOf(image, image.length - 1))).as(format).isFalse();
        }
    }

    @Test
    void decodesTheJdkFormatsAndWebp() {
        assertThat(Arrays.stream(ImageFormat.values()).filter(ImageFormat::isDecodable))
                .containsExactly(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP);
    }

    @Test
    void tellsACompleteWebpByItsRiffLength() {
        byte[] webp = TestImages.fixture("lossy.webp");

        assertThat(ImageFormat.WEBP.looksComplete(webp)).isTrue();
        assertThat(ImageFormat.WEBP.looksComplete(Arrays.copyOf(webp, webp.length - 1))).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
