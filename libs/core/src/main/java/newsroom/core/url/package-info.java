/**
 * URL canonicalization: the identity URL of a web article (tracking parameters dropped, same-site canonical).
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.url;

import org.jspecify.annotations.NullMarked;
