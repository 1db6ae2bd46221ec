/**
 * {@code ./newsroom bench}: cold start, warm invocation, extraction, front matter, hostile pages and the scale test
 * (the numbers of docs/benchmarks.md).
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local.bench;

import org.jspecify.annotations.NullMarked;
