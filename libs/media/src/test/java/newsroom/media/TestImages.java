package newsroom.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Real images made with ImageIO, and hand-built headers for the cases a real encoder would not produce. */
final class TestImages {

    private TestImages() {
    }

    /** A gradient image of the given size encoded by ImageIO ("jpeg", "png" or "gif"). */
    static byte[] encoded(String format, int width, int height) {
        int type = switch (format) {
            case "gif" -> BufferedImage.TYPE_BYTE_INDEXED;
            case "png" -> BufferedImage.TYPE_INT_ARGB;
            default -> BufferedImage.TYPE_INT_RGB;
        };
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            for (int x = 0; x < width; x += Math.max(1, width / 16)) {
                g.setColor(new Color((x * 255) / width, 80, 160));
                g.fillRect(x, 0, Math.max(1, width / 16), height);
            }
        } finally {
            g.dispose();
        }
        return write(image, format);
    }

    /** A PNG whose left half is fully transparent and right half opaque black. */
    static byte[] halfTransparentPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(width / 2, 0, width - width / 2, height);
        } finally {
            g.dispose();
        }
        return write(image, "png");
    }

    /**
     * A PNG with a valid signature and IHDR declaring {@code width x height} RGB pixels, followed by an IDAT chunk
     * of garbage (not zlib data) and IEND: decoding it must fail, reading its header must not.
     */
    static byte[] pngHeaderWithGarbagePixels(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] garbage = "this is not zlib-compressed pixel data at all".repeat(20).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", garbage);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The first bytes of a lossy WebP file (RIFF container, VP8 chunk). */
    static byte[] webpHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0x24, 0x00, 0x00, 0x00});
        out.writeBytes("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[32]);
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
