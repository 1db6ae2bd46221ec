/**
 * The article-fetcher function: SQS messages of article URLs, each fetched, extracted and ingested within its
 * share of the invocation's time; failures reported per message as batch item failures.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.articlefetcher;

import org.jspecify.annotations.NullMarked;
