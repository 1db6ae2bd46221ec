/**
 * The domain values: article ids, raw and normalized articles, canonical front matter, source context,
 * rejections, and the edge form of dates.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.model;

import org.jspecify.annotations.NullMarked;
