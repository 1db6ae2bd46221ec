/**
 * The ports the domain talks through (object store, index, bus, queue, fetcher, translator, extractor) and the
 * records they carry; each has an AWS adapter and an embedded one, held to one contract suite.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.port;

import org.jspecify.annotations.NullMarked;
