package newsroom.extract;

import java.util.List;
import java.util.Optional;

/**
 * The metadata of one page, each value with the place it was read from (empty when the page gave none).
 *
 * @param title     headline
 * @param authors   author names, in page order
 * @param published first publication date
 * @param modified  last modification date
 * @param language  BCP 47 language tag (as declared, or as checked against the text in {@link ExtractedArticle})
 * @param summary   description or standfirst
 * @param canonical canonical URL
 * @param siteName  publication name
 * @param section   section or category
 * @param tags      keywords
 * @param leadImage absolute URL of the lead image
 * @param paywalled true when the page declares the article not freely accessible
 */
public record PageMetadata(
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
        Optional<Field<Boolean>> paywalled) {

    /** Whether the page declared the article as not freely accessible. */
    public boolean isPaywalled() {
        return paywalled.map(Field::value).orElse(false);
    }

    /** The same metadata with another language (the declared one checked against the article's text). */
    public PageMetadata withLanguage(Optional<Field<String>> checked) {
        return new PageMetadata(title, authors, published, modified, checked, summary, canonical, siteName, section,
                tags, leadImage, paywalled);
    }
}
