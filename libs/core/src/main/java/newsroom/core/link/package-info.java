/**
 * Linking thumbnails from stored articles: the Markdown rewrite and the conditional relink of an article and its
 * translations.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.link;

import org.jspecify.annotations.NullMarked;
