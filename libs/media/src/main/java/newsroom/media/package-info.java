/**
 * The thumbnail service: fetches an article's image through the {@link newsroom.core.port.Fetcher} port, checks
 * its format by magic bytes and its dimensions from the header before decoding, and stores JPEG variants at the
 * configured widths.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.media;

import org.jspecify.annotations.NullMarked;
