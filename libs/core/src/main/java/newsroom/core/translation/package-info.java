/**
 * The translation service: turns a stored article into a stored translated article per target language, through
 * the {@link newsroom.core.port.Translator} port, leaving code, URLs, link and image targets, HTML entities and Hugo
 * shortcodes untouched.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.translation;

import org.jspecify.annotations.NullMarked;
