package newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import newsroom.media.ThumbnailService.SkipReason;

/** WebP and four-channel JPEG through the same bounds as the JDK formats; EXIF orientation; the minimum size. */
class NewFormatsDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void decodesLossyWebp() throws Exception {
        ImageDecoder.DecodedImage decoded = decoder.decode(TestImages.fixture("lossy.webp"), w -> 1280);

        assertThat(decoded.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(size(decoded.pixels())).isEqualTo("400x300");
        assertThat(isGreen(decoded.pixels().getRGB(20, 20))).as("green block at the top left").isTrue();
        assertThat(isGreen(decoded.pixels().getRGB(380, 280))).isFalse();
    }

    @Test
    void decodesLosslessWebp_keepingItsTransparency() throws Exception {
        BufferedImage pixels = decoder.decode(TestImages.fixture("lossless-alpha.webp"), w -> 1280).pixels();

        assertThat(size(pixels)).isEqualTo("200x150");
        assertThat(pixels.getRGB(10, 10) >>> 24).as("left half transparent").isZero();
        assertThat(pixels.getRGB(190, 10)).as("right half opaque black").isEqualTo(0xFF000000);
    }

    @Test
    void decodesTheFirstFrameOfAnAnimatedWebp() throws Exception {
        BufferedImage pixels = decoder.decode(TestImages.fixture("animated.webp"), w -> 1280).pixels();

        assertThat(size(pixels)).isEqualTo("240x160");
        int rgb = pixels.getRGB(120, 80);
        assertThat((rgb >> 16) & 0xFF).as("red, the first frame").isGreaterThan(200);
        assertThat(rgb & 0xFF).as("not blue, the second frame").isLessThan(60);
    }

    @Test
    void subsamplesALargeWebp() throws Exception {
        // 400 px wide, largest variant 100: decoded at 400 / (2 * 100) = every second pixel
        ImageDecoder.DecodedImage decoded = decoder.decode(TestImages.fixture("lossy.webp"), w -> 100);

        assertThat(decoded.originalWidth()).isEqualTo(400);
        assertThat(size(decoded.pixels())).isEqualTo("200x150");
    }

    @Test
    void refusesAWebpPixelFloodFromItsHeader() {
        // a lossless header may declare up to 16384 x 16384 = 268 MP in five bytes
        assertReason(TestImages.webpLosslessWithGarbage(16384, 16384), SkipReason.DIMENSIONS_TOO_LARGE);
        // the extended header's canvas may declare 16 million pixels a side
        assertReason(TestImages.webpCanvasWithGarbage(30_001, 200), SkipReason.DIMENSIONS_TOO_LARGE);
        assertReason(TestImages.webpCanvasWithGarbage(9_000, 9_000), SkipReason.DIMENSIONS_TOO_LARGE);
    }

    @Test
    void reportsABombUnderTheLimitAsUndecodable_notByDecodingIt() {
        // 8000 x 5000 = 40 MP passes the header check; the garbage after it is refused by the decoder
        assertThatThrownBy(() -> decoder.decode(TestImages.webpLosslessWithGarbage(8000, 5000), w -> 320))
                .isInstanceOfSatisfying(UnusableImageException.class, e -> assertThat(e.reason())
                        .isIn(SkipReason.DECODE_FAILED, SkipReason.TRUNCATED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lossy.webp", "lossless-alpha.webp", "animated.webp"})
    void reportsATruncatedWebp(String fixture) {
        byte[] webp = TestImages.fixture(fixture);

        assertReason(Arrays.copyOf(webp, webp.length * 2 / 3), SkipReason.TRUNCATED);
        assertReason(Arrays.copyOf(webp, 24), SkipReason.TRUNCATED);
    }

    /**
     * JDK 17's own decoder hands these back as a raw four-channel raster in its CMYK stand-in colour space (no Adobe
     * inversion, no YCCK conversion); TwelveMonkeys' converts them to RGB.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void decodesFourChannelJpegsIntoRgb(int adobeTransform) throws Exception {
        byte[] jpeg = TestImages.adobeFourChannelJpeg(320, 240, adobeTransform);

        BufferedImage pixels = decoder.decode(jpeg, w -> 1280).pixels();

        assertThat(size(pixels)).isEqualTo("320x240");
        assertThat(pixels.getColorModel().getColorSpace().isCS_sRGB()).as("RGB pixels").isTrue();
        assertThat(pixels.getRGB(10, 10)).as("the two halves differ").isNotEqualTo(pixels.getRGB(310, 10));
    }

    @Test
    void readsAdobeCmykAsInvertedInk() throws Exception {
        // Adobe CMYK stores 255 for "no ink": the left half (C stored 255) has no cyan, the right half full cyan
        BufferedImage pixels = decoder.decode(TestImages.adobeFourChannelJpeg(320, 240, 0), w -> 1280).pixels();

        assertThat((pixels.getRGB(10, 10) >> 16) & 0xFF).as("red where there is no cyan").isGreaterThan(200);
        assertThat((pixels.getRGB(310, 10) >> 16) & 0xFF).as("no red under full cyan").isLessThan(40);
    }

    @Test
    void reportsATruncatedFourChannelJpeg() {
        byte[] jpeg = TestImages.adobeFourChannelJpeg(320, 240, 0);

        assertReason(Arrays.copyOf(jpeg, jpeg.length / 2), SkipReason.TRUNCATED);
    }

    /** Where the green top-left quarter of a 300 x 200 image ends up once each orientation is applied. */
    @ParameterizedTest
    @CsvSource({
            "1, 300x200, top-left",
            "2, 300x200, top-right",
            "3, 300x200, bottom-right",
            "4, 300x200, bottom-left",
            "5, 200x300, top-left",
            "6, 200x300, top-right",
            "7, 200x300, bottom-right",
            "8, 200x300, bottom-left"})
    void appliesEveryExifOrientationBeforeResizing(int orientation, String size, String corner) throws Exception {
        byte[] jpeg = TestImages.withExifOrientation(TestImages.quadrantJpeg(300, 200), orientation);

        ImageDecoder.DecodedImage decoded = decoder.decode(jpeg, w -> 1280);

        assertThat(decoded.orientation()).isEqualTo(orientation);
        assertThat(decoded.originalWidth() + "x" + decoded.originalHeight()).isEqualTo(size);
        assertThat(size(decoded.pixels())).isEqualTo(size);
        assertThat(greenCorner(decoded.pixels())).isEqualTo(corner);
    }

    @Test
    void appliesTheExifOrientationOfAWebp() throws Exception {
        byte[] webp = TestImages.webpWithExifOrientation(TestImages.fixture("lossy.webp"), 400, 300, 6);

        ImageDecoder.DecodedImage decoded = decoder.decode(webp, w -> 1280);

        assertThat(size(decoded.pixels())).isEqualTo("300x400");
        assertThat(greenCorner(decoded.pixels())).isEqualTo("top-right");
    }

    @Test
    void subsamplesByTheUprightWidth_forATurnedPhoto() throws Exception {
        // stored 2000 x 1000, orientation 6: upright 1000 wide; largest variant 250 -> every second pixel
        byte[] jpeg = TestImages.withExifOrientation(TestImages.quadrantJpeg(2000, 1000), 6);

        ImageDecoder.DecodedImage decoded = decoder.decode(jpeg, upright -> upright == 1000 ? 250 : 1);

        assertThat(size(decoded.pixels())).isEqualTo("500x1000");
    }

    @Test
    void ignoresAnOrientationOutOfRange() throws Exception {
        byte[] jpeg = TestImages.withExifOrientation(TestImages.quadrantJpeg(300, 200), 9);

        ImageDecoder.DecodedImage decoded = decoder.decode(jpeg, w -> 1280);

        assertThat(decoded.orientation()).isEqualTo(1);
        assertThat(greenCorner(decoded.pixels())).isEqualTo("top-left");
    }

    @Test
    void refusesATrackingPixel_andAnythingBelowTheMinimumSide() {
        assertReason(TestImages.encoded("gif", 1, 1), SkipReason.TOO_SMALL);
        assertReason(TestImages.encoded("png", 99, 400), SkipReason.TOO_SMALL);
        assertReason(TestImages.encoded("jpeg", 400, 99), SkipReason.TOO_SMALL);
    }

    @Test
    void acceptsExactlyTheMinimumSide_andTakesAConfiguredMinimum() throws Exception {
        assertThat(decoder.decode(TestImages.encoded("png", 100, 100), w -> 100).originalWidth()).isEqualTo(100);
        assertThatThrownBy(() -> new ImageDecoder(200).decode(TestImages.encoded("png", 150, 150), w -> 150))
                .isInstanceOfSatisfying(UnusableImageException.class,
                        e -> assertThat(e.getMessage()).contains("150x150").contains("200"));
        assertThat(new ImageDecoder(1).decode(TestImages.encoded("png", 1, 1), w -> 1).originalWidth()).isOne();
    }

    private void assertReason(byte[] bytes, SkipReason reason) {
        assertThatThrownBy(() -> decoder.decode(bytes, w -> 320))
                .isInstanceOfSatisfying(UnusableImageException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String size(BufferedImage image) {
        return image.getWidth() + "x" + image.getHeight();
    }

    private static boolean isGreen(int rgb) {
        return ((rgb >> 8) & 0xFF) > 150 && ((rgb >> 16) & 0xFF) < 80 && (rgb & 0xFF) < 80;
    }

    private static String greenCorner(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] points = {{w / 8, h / 8}, {w - 1 - w / 8, h / 8},
                {w - 1 - w / 8, h - 1 - h / 8}, {w / 8, h - 1 - h / 8}};
        String[] names = {"top-left", "top-right", "bottom-right", "bottom-left"};
        String found = "none";
        for (int i = 0; i < 4; i++) {
            if (isGreen(image.getRGB(points[i][0], points[i][1]))) {
                if (!found.equals("none")) {
                    return "several";
                }
                found = names[i];
            }
        }
        return found;
    }
}
