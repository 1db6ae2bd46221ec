/**
 * The thumbnail service: fetches an article's image through the {@link newsroom.core.port.Fetcher} port, checks
 * its format by magic bytes and its dimensions from the header before decoding, and stores JPEG variants at the
 * configured widths.
 */
package newsroom.media;
