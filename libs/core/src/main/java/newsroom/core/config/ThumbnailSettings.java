package newsroom.core.config;

/**
 * How thumbnails are made and shown (site config key {@code thumbnails}).
 *
 * @param link      whether the article's front matter (and its translations') is pointed at the local variants once
 *                  they exist; false keeps the publisher's URL in {@code thumbnail} (hotlinking)
 * @param mainWidth the width the site's main column shows an image at: {@code thumbnail} becomes the narrowest
 *                  variant at least this wide (the widest one when none is)
 * @param minSide   images narrower or lower than this many pixels get no thumbnails ({@code TOO_SMALL}: tracking
 *                  pixels, icons)
 */
public record ThumbnailSettings(boolean link, int mainWidth, int minSide) {

    public ThumbnailSettings {
        if (mainWidth < 1 || minSide < 1) {
            throw new IllegalArgumentException("thumbnail mainWidth and minSide must be positive: " + mainWidth + ", "
                    + minSide);
        }
    }

    /** Linked, 640-px main column, 100-px smallest side. */
    public static ThumbnailSettings defaults() {
        return new ThumbnailSettings(true, 640, 100);
    }
}
