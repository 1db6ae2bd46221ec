/**
 * Telemetry: structured JSON log lines and metrics, one line per event, never bodies or secrets.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.observe;

import org.jspecify.annotations.NullMarked;
