package newsroom.extract;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Everything the extractor found in one page: metadata with the origin of each value, and the main content as safe
 * Markdown and as plain text.
 *
 * @param pageUrl  URL the page was fetched from (null for a local file)
 * @param metadata the page's metadata, its language checked against the content's text
 * @param content  the main content
 */
public record ExtractedArticle(@Nullable String pageUrl, PageMetadata metadata, ArticleContent content) {
    public ExtractedArticle {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(content, "content");
    }
}
