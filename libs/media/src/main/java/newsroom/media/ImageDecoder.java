package newsroom.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import newsroom.media.ThumbnailService.SkipReason;

/**
 * Turns image bytes into upright pixels safely: the format from the magic bytes, then the dimensions from the header
 * alone (ImageIO {@code getWidth/getHeight}, no pixel read), checked against the limits (too large, too small), and
 * only then a decode, subsampled so that a large photo never costs more memory than the thumbnails need; finally
 * the EXIF orientation is applied. Works in memory only (no ImageIO disk cache). Thread-safe: every call uses its
 * own reader.
 *
 * <p>Decoders: the JDK's for PNG and GIF; TwelveMonkeys' for JPEG (it also reads CMYK and YCCK, which the JDK's
 * refuses, and hands everything else to the JDK's decoder) and WebP (lossy VP8, lossless VP8L, the first frame of
 * an animation). Both plugins are registered here explicitly, so a minimized function jar keeps them.
 */
final class ImageDecoder {

    /** Larger images are refused before decoding (a 40 MP RGB image already takes 160 MB once decoded). */
    static final long MAX_PIXELS = 40_000_000L;
    /** No real photo is longer than this on a side; a header claiming more is a decompression bomb or garbage. */
    static final int MAX_SIDE = 30_000;
    /** Default smallest side worth a thumbnail: tracking pixels (1x1) and icons stay out. */
    static final int DEFAULT_MIN_SIDE = 100;

    static {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        registry.registerServiceProvider(new JPEGImageReaderSpi());
        registry.registerServiceProvider(new WebPImageReaderSpi());
    }

    private final int minSide;

    ImageDecoder() {
        this(DEFAULT_MIN_SIDE);
    }

    /** @param minSide images narrower or lower than this many pixels are refused as TOO_SMALL */
    ImageDecoder(int minSide) {
        if (minSide < 1) {
            throw new IllegalArgumentException("the smallest image side must be at least 1 pixel: " + minSide);
        }
        this.minSide = minSide;
    }

    /**
     * The decoded pixels, upright and possibly subsampled, and the upright size the header declared.
     *
     * @param orientation the EXIF orientation that was applied (1 = none)
     */
    record DecodedImage(ImageFormat format, int originalWidth, int originalHeight, int orientation,
                        BufferedImage pixels) {
    }

    /**
     * @param largestVariantWidth given the upright original width, the widest variant that will be made; the decode
     *                            keeps at least twice that width (or the full image) so downscaling stays sharp
     * @throws UnusableImageException NOT_AN_IMAGE, UNSUPPORTED_FORMAT, TRUNCATED, DIMENSIONS_TOO_LARGE, TOO_SMALL or
     *                                DECODE_FAILED
     */
    DecodedImage decode(byte[] bytes, IntUnaryOperator largestVariantWidth) throws UnusableImageException {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new UnusableImageException(
                SkipReason.NOT_AN_IMAGE, "the content is not an image (no JPEG, PNG, GIF or WebP signature)"));
        if (!format.isDecodable()) {
            throw new UnusableImageException(SkipReason.UNSUPPORTED_FORMAT, "unsupported format "
                    + format.displayName() + " (thumbnails are made from JPEG, PNG, GIF and WebP)");
        }
        ImageReader reader = readerFor(format);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, false, true);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw failure(format, bytes, "header", e, warnings);
            }
            checkDimensions(width, height);
            int orientation = Orientation.of(format, bytes);
            boolean swap = Orientation.swapsSides(orientation);
            int uprightWidth = swap ? height : width;
            int uprightHeight = swap ? width : height;
            int largestWidth = Math.max(1, largestVariantWidth.applyAsInt(uprightWidth));
            ImageReadParam param = reader.getDefaultReadParam();
            int subsampling = Math.max(1, uprightWidth / (2 * largestWidth));
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            BufferedImage pixels;
            try {
                pixels = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                // ImageIO's decoders report corrupt data with unchecked exceptions too (e.g. in GIF's LZW decoder)
                throw failure(format, bytes, "pixel data", e, warnings);
            }
            Optional<String> truncation = truncationWarning(warnings);
            if (truncation.isPresent() || format == ImageFormat.WEBP && !format.looksComplete(bytes)) {
                // the JPEG decoder fills missing data with grey and only warns; a half-grey thumbnail is no use
                throw new UnusableImageException(SkipReason.TRUNCATED, format.displayName() + " is truncated: "
                        + truncation.orElse("the RIFF header declares more data than arrived"));
            }
            return new DecodedImage(format, uprightWidth, uprightHeight, orientation,
                    Orientation.upright(pixels, orientation));
        } catch (IOException e) {
            throw failure(format, bytes, "stream", e, List.of());
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(int width, int height) throws UnusableImageException {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE
                || (long) width * height > MAX_PIXELS) {
            throw new UnusableImageException(SkipReason.DIMENSIONS_TOO_LARGE, "the header declares " + width + "x"
                    + height + " pixels; the limit is " + MAX_PIXELS / 1_000_000 + " megapixels and " + MAX_SIDE
                    + " pixels a side");
        }
        if (width < minSide || height < minSide) {
            throw new UnusableImageException(SkipReason.TOO_SMALL, "the image is " + width + "x" + height
                    + " pixels; thumbnails are made from images at least " + minSide + " pixels on each side");
        }
    }

    /** The preferred reader of the format: TwelveMonkeys' JPEG reader ranks before the JDK's once registered. */
    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format.displayName());
        }
        return readers.next();
    }

    /** The JPEG decoders' warnings for missing data ("Truncated File - Missing EOI marker", "premature end"). */
    private static Optional<String> truncationWarning(List<String> warnings) {
        return warnings.stream()
                .filter(w -> w.contains("Truncated File") || w.toLowerCase(Locale.ROOT).contains("premature end"))
                .findFirst();
    }

    /** A failed read is a truncation when the data ran out or the file lacks its format's end marker. */
    private static UnusableImageException failure(ImageFormat format, byte[] bytes, String part, Exception e,
                                                  List<String> warnings) {
        boolean endOfData = truncationWarning(warnings).isPresent() || !format.looksComplete(bytes);
        for (Throwable t = e; t != null && !endOfData; t = t.getCause()) {
            endOfData = t instanceof EOFException;
        }
        if (endOfData) {
            return new UnusableImageException(SkipReason.TRUNCATED,
                    format.displayName() + " is truncated (end of data in the " + part + ")");
        }
        return new UnusableImageException(SkipReason.DECODE_FAILED,
                format.displayName() + " " + part + " cannot be decoded: " + e);
    }
}
