/**
 * Front matter: read (YAML, TOML, JSON), normalized into the one canonical Hugo shape, and written back.
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.core.frontmatter;

import org.jspecify.annotations.NullMarked;
