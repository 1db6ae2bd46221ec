/**
 * The ingest pipeline: input to normalized article to the store/emit protocol
 * ({@link newsroom.core.ingest.IngestService}), and fetching a URL into it.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.ingest;

import org.jspecify.annotations.NullMarked;
