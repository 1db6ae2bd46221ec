/**
 * Site configuration, read once at start into immutable records ({@link newsroom.core.config.SiteConfig}) and
 * validated with messages that name the setting.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.config;

import org.jspecify.annotations.NullMarked;
