package newsroom.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the extractor found in one page: metadata with the origin of each value, the main content as safe
 * Markdown, and the same content as plain text (one block per line, for search and scoring).
 *
 * @param pageUrl   URL the page was fetched from (null for a local file)
 * @param title     headline
 * @param authors   author names, in page order; empty list field when none was found
 * @param published first publication date
 * @param modified  last modification date
 * @param language  BCP 47 language tag as the page declared it
 * @param summary   description or standfirst
 * @param canonical canonical URL
 * @param siteName  publication name
 * @param section   section or category
 * @param tags      keywords
 * @param leadImage absolute URL of the lead image
 * @param paywalled true when the page declares the article not freely accessible
 * @param markdown  main content as Markdown without raw HTML; never null
 * @param text      main content as plain text, blocks separated by newlines; never null
 */
public record ExtractedArticle(
        String pageUrl,
        Optional<Field<String>> title,
        Optional<Field<List<String>>> authors,
        Optional<Field<ArticleDate>> published,
        Optional<Field<ArticleDate>> modified,
        Optional<Field<String>> language,
        Optional<Field<String>> summary,
        Optional<Field<String>> canonical,
        Optional<Field<String>> siteName,
        Optional<Field<String>> section,
        Optional<Field<List<String>>> tags,
        Optional<Field<String>> leadImage,
        Optional<Field<Boolean>> paywalled,
        String markdown,
        String text) {

    public ExtractedArticle {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(text, "text");
    }

    /** Whether the page declared the article as not freely accessible. */
    public boolean isPaywalled() {
        return paywalled.map(Field::value).orElse(false);
    }
}
