/**
 * {@code ./newsroom local-aws}: moto and dynalite on loopback with the stack's resources.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local.emulate;

import org.jspecify.annotations.NullMarked;
