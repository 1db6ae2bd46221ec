/**
 * The in-process event bus of the embedded default, routed by template.yaml's EventBridge rules.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local.bus;

import org.jspecify.annotations.NullMarked;
