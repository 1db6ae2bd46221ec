/**
 * Safe, polite HTTP fetching: SSRF guard on the resolved address, size and time limits, robots.txt, per-host
 * politeness, conditional GET and charsets ({@link newsroom.fetch.SafeHttpFetcher}). No HTML parser.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.fetch;

import org.jspecify.annotations.NullMarked;
