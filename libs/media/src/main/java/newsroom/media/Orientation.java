package newsroom.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * The EXIF orientation (TIFF tag 274, values 1 to 8) of a JPEG (APP1 "Exif" segment) or WebP (RIFF "EXIF" chunk),
 * and the pixel transform that turns the stored pixels upright. A missing, unreadable or out-of-range tag is 1
 * (as stored): orientation never makes an image unusable. The EXIF block is read by TwelveMonkeys' TIFF reader
 * (imageio-metadata, already on the class path with imageio-jpeg); the container walk is ours because neither
 * container format offers one in ImageIO.
 */
final class Orientation {

    /** As stored. */
    static final int NORMAL = 1;

    private Orientation() {
    }

    /** The orientation of the image in {@code bytes}, 1 when none is declared or it cannot be read. */
    static int of(ImageFormat format, byte[] bytes) {
        try {
            byte[] tiff = switch (format) {
                case JPEG -> jpegExif(bytes);
                case WEBP -> webpExif(bytes);
                default -> null;
            };
            return tiff == null ? NORMAL : orientationTag(tiff);
        } catch (IOException | RuntimeException e) {
            // hostile or broken metadata: the pixels are still usable as stored
            return NORMAL;
        }
    }

    /** Whether the orientation swaps width and height (5 to 8: a quarter turn). */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The image turned upright; {@code image} itself for orientation 1 (or an unknown value). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = swapsSides(orientation);
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        BufferedImage out = new BufferedImage(outW, outH, image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        int[] dst = new int[outW * outH];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; } // 8
                }
                dst[dy * outW + dx] = row[x];
            }
        }
        out.setRGB(0, 0, outW, outH, dst, 0, outW);
        return out;
    }

    /** The TIFF structure of the first APP1 "Exif" segment, or null. */
    private static byte[] jpegExif(byte[] bytes) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return null;
            }
            // the segment's data starts after the "Exif\0" identifier with one pad byte
            byte[] data = segments.get(0).data().readAllBytes();
            return data.length > 1 && data[0] == 0 ? Arrays.copyOfRange(data, 1, data.length) : data;
        }
    }

    /** The payload of the first RIFF "EXIF" chunk of a WebP file (a TIFF structure), or null. */
    private static byte[] webpExif(byte[] bytes) {
        int offset = 12;
        while (offset + 8 <= bytes.length) {
            String fourcc = new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
            long size = (bytes[offset + 4] & 0xFFL) | (bytes[offset + 5] & 0xFFL) << 8
                    | (bytes[offset + 6] & 0xFFL) << 16 | (bytes[offset + 7] & 0xFFL) << 24;
            long end = offset + 8L + size;
            if (end > bytes.length) {
                return null;
            }
            if (fourcc.equals("EXIF")) {
                byte[] payload = Arrays.copyOfRange(bytes, offset + 8, (int) end);
                // some writers keep JPEG's "Exif\0\0" prefix in the chunk
                return payload.length > 6 && payload[0] == 'E' && payload[1] == 'x' && payload[4] == 0
                        ? Arrays.copyOfRange(payload, 6, payload.length) : payload;
            }
            offset = (int) (end + (size & 1));
        }
        return null;
    }

    private static int orientationTag(byte[] tiff) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
            Directory directory = new TIFFReader().read(in);
            Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                return n.intValue();
            }
            return NORMAL;
        }
    }
}
