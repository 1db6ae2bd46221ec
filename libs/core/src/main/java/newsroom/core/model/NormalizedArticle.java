package newsroom.core.model;

import java.util.Objects;

/**
 * An article in canonical shape: front matter plus a Markdown body that carries no active HTML.
 *
 * @param markdown the exact bytes to store (front matter written by the YAML emitter, then the body), as text
 */
public record NormalizedArticle(CanonicalFrontMatter frontMatter, String body, String markdown) {
    public NormalizedArticle {
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(markdown, "markdown");
    }
}
