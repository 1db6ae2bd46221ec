/**
 * The thumbnail function: on ArticleStored / ArticleUpdated with an image, makes the thumbnail variants and
 * links them from the article and its translations.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.thumbnail;

import org.jspecify.annotations.NullMarked;
