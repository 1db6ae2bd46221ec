/**
 * The translation function: on ArticleStored / ArticleUpdated with translation targets, translates the stored
 * version into each target language.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.translation;

import org.jspecify.annotations.NullMarked;
