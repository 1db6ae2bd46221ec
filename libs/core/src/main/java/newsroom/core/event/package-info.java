/**
 * The events this product puts on the bus: their source, detail-types and detail (pointers, never bodies).
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.event;

import org.jspecify.annotations.NullMarked;
