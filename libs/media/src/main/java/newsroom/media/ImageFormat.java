package newsroom.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Image formats recognised by their magic bytes (never by URL suffix or Content-Type, which senders get wrong).
 * Only {@link #isDecodable() decodable} formats are made into thumbnails; the others are named so a skip can say
 * exactly what arrived.
 */
enum ImageFormat {
    JPEG("JPEG", "jpeg"),
    PNG("PNG", "png"),
    GIF("GIF", "gif"),
    WEBP("WebP", "webp"),
    AVIF("AVIF", null),
    HEIC("HEIC", null),
    BMP("BMP", null),
    TIFF("TIFF", null),
    SVG("SVG", null);

    private final String displayName;
    private final String imageIoName;

    ImageFormat(String displayName, String imageIoName) {
        this.displayName = displayName;
        this.imageIoName = imageIoName;
    }

    String displayName() {
        return displayName;
    }

    /** The ImageIO format name of a format we decode (the JDK's, or TwelveMonkeys' WebP); null for the others. */
    String imageIoName() {
        return imageIoName;
    }

    boolean isDecodable() {
        return imageIoName != null;
    }

    /**
     * Whether the bytes end the way a complete file of this format ends (JPEG's EOI marker, PNG's IEND chunk, GIF's
     * trailer, WebP's RIFF length covering the file). Used to tell a cut-off download from corrupt data when a
     * decode fails; true for other formats.
     */
    boolean looksComplete(byte[] bytes) {
        return switch (this) {
            case JPEG -> endsWith(bytes, 0xFF, 0xD9);
            case PNG -> endsWith(bytes, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82);
            case GIF -> endsWith(bytes, 0x3B);
            case WEBP -> bytes.length >= 12 && bytes.length >= 8 + riffLength(bytes);
            default -> true;
        };
    }

    /** The format the bytes start with, or empty when they are no image we know. */
    static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWithAscii(bytes, 0, "GIF87a") || startsWithAscii(bytes, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (startsWithAscii(bytes, 0, "RIFF") && startsWithAscii(bytes, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (startsWithAscii(bytes, 4, "ftyp")) {
            String brand = ascii(bytes, 8, 4);
            if (brand.equals("avif") || brand.equals("avis")) {
                return Optional.of(AVIF);
            }
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1")) {
                return Optional.of(HEIC);
            }
        }
        if (startsWithAscii(bytes, 0, "BM")) {
            return Optional.of(BMP);
        }
        if (startsWith(bytes, 0, 'I', 'I', 0x2A, 0x00) || startsWith(bytes, 0, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of(TIFF);
        }
        String head = ascii(bytes, 0, Math.min(bytes.length, 512)).stripLeading();
        if (head.startsWith("<svg") || head.startsWith("<?xml") && head.contains("<svg")) {
            return Optional.of(SVG);
        }
        return Optional.empty();
    }

    /** The little-endian chunk length of a RIFF header (bytes after the first 8). */
    private static long riffLength(byte[] bytes) {
        return (bytes[4] & 0xFFL) | (bytes[5] & 0xFFL) << 8 | (bytes[6] & 0xFFL) << 16 | (bytes[7] & 0xFFL) << 24;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] bytes, int... expected) {
        return bytes.length >= expected.length && startsWith(bytes, bytes.length - expected.length, expected);
    }

    private static boolean startsWithAscii(byte[] bytes, int offset, String expected) {
        return startsWith(bytes, offset, expected.chars().toArray());
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        if (bytes.length < offset + length) {
            return "";
        }
        return new String(Arrays.copyOfRange(bytes, offset, offset + length), StandardCharsets.ISO_8859_1);
    }
}
