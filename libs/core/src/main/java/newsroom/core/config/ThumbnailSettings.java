package newsroom.core.config;

import java.util.List;
import java.util.TreeSet;

/**
 * How thumbnails are made and shown (site config keys {@code thumbnailWidths} and {@code thumbnails}).
 *
 * @param widths    the variant widths in pixels, ascending without repeats; at least one, all positive
 * @param link      whether the article's front matter (and its translations') is pointed at the local variants once
 *                  they exist; false keeps the publisher's URL in {@code thumbnail} (hotlinking)
 * @param mainWidth the width the site's main column shows an image at: {@code thumbnail} becomes the narrowest
 *                  variant at least this wide (the widest one when none is)
 * @param minSide   images narrower or lower than this many pixels get no thumbnails ({@code TOO_SMALL}: tracking
 *                  pixels, icons)
 */
public record ThumbnailSettings(List<Integer> widths, boolean link, int mainWidth, int minSide) {

    /** The variant widths when the site names none. */
    public static final List<Integer> DEFAULT_WIDTHS = List.of(320, 640, 1280);

    public ThumbnailSettings {
        if (widths == null || widths.isEmpty() || widths.stream().anyMatch(w -> w == null || w < 1)) {
            throw new IllegalArgumentException("thumbnail widths must be a non-empty list of positive pixel counts: "
                    + widths);
        }
        widths = List.copyOf(new TreeSet<>(widths));
        if (mainWidth < 1 || minSide < 1) {
            throw new IllegalArgumentException("thumbnail mainWidth and minSide must be positive: " + mainWidth + ", "
                    + minSide);
        }
    }

    /** 320, 640 and 1280 px wide, linked, 640-px main column, 100-px smallest side. */
    public static ThumbnailSettings defaults() {
        return new ThumbnailSettings(DEFAULT_WIDTHS, true, 640, 100);
    }

    /** The same settings making variants of other widths. */
    public ThumbnailSettings withWidths(List<Integer> otherWidths) {
        return new ThumbnailSettings(otherWidths, link, mainWidth, minSide);
    }
}
