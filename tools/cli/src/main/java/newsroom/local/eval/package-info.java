/**
 * {@code eval-extraction} and {@code eval-metadata}: the datasets, the scorers and the Readability / metascraper
 * peers.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.local.eval;

import org.jspecify.annotations.NullMarked;
