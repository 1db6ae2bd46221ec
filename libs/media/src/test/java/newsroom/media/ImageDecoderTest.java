package newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void subsamplesALargeImageToTwiceTheLargestVariant() throws Exception {
        ImageDecoder.DecodedImage decoded = decoder.decode(TestImages.encoded("jpeg", 2000, 1000), original -> 320);

        assertThat(decoded.originalWidth()).isEqualTo(2000);
        assertThat(decoded.originalHeight()).isEqualTo(1000);
        // factor 2000 / (2 * 320) = 3: ceil(2000 / 3) x ceil(1000 / 3)
        assertThat(decoded.pixels().getWidth()).isEqualTo(667);
        assertThat(decoded.pixels().getHeight()).isEqualTo(334);
    }

    @Test
    void decodesAtFullSize_whenTheLargestVariantIsMoreThanHalfTheWidth() throws Exception {
        ImageDecoder.DecodedImage decoded = decoder.decode(TestImages.encoded("png", 1000, 500), original -> 640);

        assertThat(decoded.pixels().getWidth()).isEqualTo(1000);
        assertThat(decoded.format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void acceptsExactlyFortyMegapixelsInTheHeader_butNotOneRowMore() {
        // 8000 x 5000 = 40 MP passes the header check and then fails on the garbage pixels
        assertThatThrownBy(() -> decoder.decode(TestImages.pngHeaderWithGarbagePixels(8000, 5000), w -> 320))
                .isInstanceOfSatisfying(UnusableImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(ThumbnailService.SkipReason.DECODE_FAILED));
        assertThatThrownBy(() -> decoder.decode(TestImages.pngHeaderWithGarbagePixels(8000, 5001), w -> 320))
                .isInstanceOfSatisfying(UnusableImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(ThumbnailService.SkipReason.DIMENSIONS_TOO_LARGE));
    }

    @Test
    void reportsATruncatedGif() {
        byte[] gif = TestImages.encoded("gif", 300, 200);

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(gif, gif.length / 2), w -> 300))
                .isInstanceOfSatisfying(UnusableImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(ThumbnailService.SkipReason.TRUNCATED));
    }
}
