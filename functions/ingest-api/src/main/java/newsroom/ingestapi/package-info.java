/**
 * The ingest-api function: the HTTP API to post Markdown or a URL and to get and list articles; bad input is
 * answered with a 4xx and a JSON problem body.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.ingestapi;

import org.jspecify.annotations.NullMarked;
