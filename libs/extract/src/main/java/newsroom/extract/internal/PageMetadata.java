package newsroom.extract.internal;

import java.util.List;
import java.util.Optional;

import newsroom.extract.ArticleDate;
import newsroom.extract.Field;

/**
 * Metadata read from a page before its content is touched, plus the JSON-LD {@code articleBody} (if any) that the
 * content finder uses as evidence of where the article is.
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
        Optional<Field<Boolean>> paywalled,
        Optional<String> jsonLdArticleBody) {
}
