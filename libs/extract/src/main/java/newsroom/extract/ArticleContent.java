package newsroom.extract;

import java.util.Objects;

/**
 * The main content of a page in the two forms the extractor writes.
 *
 * @param markdown the content as Markdown without raw HTML
 * @param text     the content as plain text, one block per line (for search and scoring)
 */
public record ArticleContent(String markdown, String text) {
    public ArticleContent {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(text, "text");
    }
}
