/**
 * The feed-poller function: on its schedule, polls the configured sources and queues the article URLs found.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.feedpoller;

import org.jspecify.annotations.NullMarked;
