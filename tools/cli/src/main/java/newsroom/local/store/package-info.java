/**
 * The embedded adapters: the folder object store, the JSON article index and the file queues.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local.store;

import org.jspecify.annotations.NullMarked;
