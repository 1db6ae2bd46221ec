/**
 * {@code ./newsroom invoke}: one function of template.yaml run through the Lambda runtime interface client, on the
 * embedded default or on AWS endpoints.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local.invoke;

import org.jspecify.annotations.NullMarked;
