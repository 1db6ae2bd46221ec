/**
 * Article extraction from HTML with Jsoup: {@link newsroom.extract.ArticleExtractor} turns a page into metadata with
 * origins, safe Markdown and plain text. {@code internal} holds the implementation. The benchmark scorer, the
 * Readability peer and the {@code extract} / {@code eval-extraction} commands live in {@code tools/cli}
 * (its {@code eval} package), so no function jar carries them.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.extract;

import org.jspecify.annotations.NullMarked;
