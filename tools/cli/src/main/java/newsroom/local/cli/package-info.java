/**
 * {@code ./newsroom}: the entry point and its {@code ingest} and {@code extract} commands.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local.cli;

import org.jspecify.annotations.NullMarked;
