/**
 * The implementation of {@link newsroom.extract.ArticleExtractor}: the walk that collects what every finder reads,
 * metadata finders (title, authors, dates, language, site identity), the main-content finder and cleaner, and the
 * Markdown and text writers. Not an API: only {@code newsroom.extract} calls it.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.extract.internal;

import org.jspecify.annotations.NullMarked;
