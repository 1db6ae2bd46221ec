package newsroom.thumbnailer;

import java.util.Map;

import newsroom.core.port.Fetcher.FetchException;

/**
 * The thumbnail work the handler hands an event to: {@code ThumbnailService.createThumbnails} in production,
 * idempotent per (article, image URL). Returns what happened ({@code status}, and {@code reason} or
 * {@code thumbnails}); an unusable image is a skip in the result, not an exception.
 */
@FunctionalInterface
interface ArticleThumbnails {

    /** @throws FetchException when the image could not be fetched; {@code retryable()} says whether to retry */
    Map<String, Object> create(String articleId, String imageUrl) throws FetchException;
}
