package newsroom.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Makes one variant of a decoded image at a given width, keeping the aspect ratio. Downscaling is Thumbnailator's
 * progressive bilinear resize (sharp where a single Graphics2D scale step aliases). Photos are written as JPEG; an
 * image with transparency that matters (some pixel not fully opaque) as PNG, so a logo keeps its cut-out instead of
 * a white box. Nothing but pixels is written: no EXIF, XMP, ICC profile or comment from the source (the encoders get
 * no metadata, JPEG output carries only its JFIF header). Thread-safe.
 */
final class ThumbnailRenderer {

    /** Good-looking photos at about a third of the bytes of quality 0.95. */
    static final float JPEG_QUALITY = 0.82f;

    /** The encodings a variant is written in. */
    enum Output {
        JPEG("jpg", "image/jpeg", BufferedImage.TYPE_INT_RGB),
        PNG("png", "image/png", BufferedImage.TYPE_INT_ARGB);

        final String extension;
        final String contentType;
        final int imageType;

        Output(String extension, String contentType, int imageType) {
            this.extension = extension;
            this.contentType = contentType;
            this.imageType = imageType;
        }
    }

    /** One encoded variant. */
    record Rendered(int width, int height, Output output, byte[] bytes) {
    }

    /** PNG when some pixel of the image is not fully opaque, else JPEG. */
    static Output outputFor(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return Output.JPEG;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                if (argb >>> 24 != 0xFF) {
                    return Output.PNG;
                }
            }
        }
        return Output.JPEG;
    }

    /** @param image an image at least {@code width} pixels wide */
    Rendered render(BufferedImage image, int width, Output output) {
        try {
            BufferedImage resized = Thumbnails.of(image)
                    .width(width)
                    .imageType(output.imageType)
                    .asBufferedImage();
            byte[] bytes = output == Output.JPEG ? encodeJpeg(resized) : encodePng(resized);
            return new Rendered(resized.getWidth(), resized.getHeight(), output, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("resizing an image in memory failed", e);
        }
    }

    private static byte[] encodeJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] encodePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("the JDK has no PNG writer");
            }
        }
        return bytes.toByteArray();
    }
}
