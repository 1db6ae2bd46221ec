/**
 * SnapStart priming helpers: work a function may do before its snapshot without side effects.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.prime;

import org.jspecify.annotations.NullMarked;
