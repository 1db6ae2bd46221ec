/**
 * Text helpers shared by normalization and extraction: charsets, entities, plain text, slugs, summaries, tags,
 * language tags, and the sanitizer that keeps active HTML out of the Markdown.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.text;

import org.jspecify.annotations.NullMarked;
