/**
 * The one-machine tools (module {@code tools/cli}): {@link newsroom.local.LocalPipeline}, the services wired to the
 * embedded adapters, and {@link newsroom.local.Arguments}, the command-line reader every command uses.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local;

import org.jspecify.annotations.NullMarked;
