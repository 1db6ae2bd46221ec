package newsroom.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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

    /** A committed fixture from {@code src/test/resources/images/} (see its README for how each was made). */
    static byte[] fixture(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test image " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG, blue with a green block over its top-left quarter (so any flip or turn shows). */
    static byte[] quadrantJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(30, 60, 200));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0, 200, 0));
            g.fillRect(0, 0, width / 2, height / 2);
        } finally {
            g.dispose();
        }
        return write(image, "jpeg");
    }

    /** The TIFF structure of an EXIF block holding only the orientation tag (274, SHORT). */
    static byte[] exifOrientation(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // header, IFD0 at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        return tiff.array();
    }

    /** The JPEG with an APP1 "Exif" segment declaring the orientation inserted right after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = exifOrientation(orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + 6 + tiff.length;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * An extended WebP (VP8X) holding the image chunk of a simple lossy WebP and an EXIF chunk with the orientation.
     */
    static byte[] webpWithExifOrientation(byte[] simpleLossyWebp, int width, int height, int orientation) {
        byte[] imageChunk = Arrays.copyOfRange(simpleLossyWebp, 12, simpleLossyWebp.length);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0x08).put(new byte[3]); // EXIF flag
        vp8x.put(int24(width - 1)).put(int24(height - 1));
        riffChunk(chunks, "VP8X", vp8x.array());
        chunks.writeBytes(imageChunk);
        riffChunk(chunks, "EXIF", exifOrientation(orientation));
        return riff(chunks.toByteArray());
    }

    /** An extended WebP header declaring a {@code width x height} canvas over a few bytes of garbage. */
    static byte[] webpCanvasWithGarbage(int width, int height) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put(new byte[4]).put(int24(width - 1)).put(int24(height - 1));
        riffChunk(chunks, "VP8X", vp8x.array());
        riffChunk(chunks, "VP8L", garbageLossless(width, height));
        return riff(chunks.toByteArray());
    }

    /** A simple lossless WebP whose header declares {@code width x height} (at most 16384 a side) over garbage. */
    static byte[] webpLosslessWithGarbage(int width, int height) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        riffChunk(chunks, "VP8L", garbageLossless(width, height));
        return riff(chunks.toByteArray());
    }

    private static byte[] garbageLossless(int width, int height) {
        long bits = (width - 1L) | (height - 1L) << 14; // alpha 0, version 0
        ByteBuffer header = ByteBuffer.allocate(5 + 64).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0x2F).putInt((int) bits);
        for (int i = 0; i < 64; i++) {
            header.put((byte) (i * 37 + 11));
        }
        return header.array();
    }

    private static byte[] int24(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    private static void riffChunk(ByteArrayOutputStream out, String fourcc, byte[] data) {
        out.writeBytes(fourcc.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    private static byte[] riff(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array());
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * A four-channel JPEG as print desks send them: the pixel data written by the JDK's encoder from a CMYK raster
     * (left half cyan-free, right half full cyan) and an Adobe APP14 segment with the colour transform: 0 = CMYK,
     * 2 = YCCK.
     */
    static byte[] adobeFourChannelJpeg(int width, int height, int transform) {
        WritableRaster raster = Raster.createInterleavedRaster(
                DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, x < width / 2 ? 255 : 0);
                raster.setSample(x, y, 1, 200);
                raster.setSample(x, y, 2, 128);
                raster.setSample(x, y, 3, 255);
            }
        }
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.")) {
                writer = candidate;
            }
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(encoded)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = encoded.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEE, 0x00, 0x0E, 'A', 'd', 'o', 'b', 'e', 0x00, 0x64,
                0x00, 0x00, 0x00, 0x00, (byte) transform});
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
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
