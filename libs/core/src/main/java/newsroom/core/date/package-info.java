/**
 * Dates as texts write them: one grammar (ISO 8601 / RFC 3339, RFC 1123 / 822, month names, numeric day-month
 * orders, epoch values, zone abbreviations, dates in URL paths) read under two policies, strict for values a person
 * or a CMS wrote on purpose and loose for what is scraped from a page, and the plausibility rule both share.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.date;

import org.jspecify.annotations.NullMarked;
