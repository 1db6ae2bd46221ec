package newsroom.media;

import java.awt.Color;
import java.awt.Graphics2D;
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
 * Makes one JPEG variant of a decoded image at a given width, keeping the aspect ratio. Downscaling is
 * Thumbnailator's progressive bilinear resize (sharp where a single Graphics2D scale step aliases); transparency is
 * flattened onto white, since JPEG has no alpha. Thread-safe.
 */
final class ThumbnailRenderer {

    /** Good-looking photos at about a third of the bytes of quality 0.95. */
    static final float JPEG_QUALITY = 0.82f;

    /** One encoded variant. */
    record Rendered(int width, int height, byte[] jpeg) {
    }

    /** Prepares an image for JPEG output: an opaque RGB copy when it has transparency, else itself. */
    static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** @param image an opaque image (see {@link #opaque}) at least {@code width} pixels wide */
    Rendered render(BufferedImage image, int width) {
        try {
            BufferedImage resized = Thumbnails.of(image)
                    .width(width)
                    .imageType(BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
            return new Rendered(resized.getWidth(), resized.getHeight(), encodeJpeg(resized));
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
}
