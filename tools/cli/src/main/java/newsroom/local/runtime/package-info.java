/**
 * A Lambda Runtime API on loopback, which {@code invoke} feeds one event through.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local.runtime;

import org.jspecify.annotations.NullMarked;
