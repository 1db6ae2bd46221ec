/**
 * Discovery of article URLs: RSS/Atom feeds (Rome), sitemaps (crawler-commons), homepages and feed
 * autodiscovery, the sources file, and what a user-given URL is ({@link newsroom.discovery.InputResolver}).
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.discovery;

import org.jspecify.annotations.NullMarked;
