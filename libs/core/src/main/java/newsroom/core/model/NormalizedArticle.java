package newsroom.core.model;

import java.util.List;
import java.util.Objects;

/**
 * An article in canonical shape: front matter plus a Markdown body that carries no active HTML.
 *
 * @param markdown the exact bytes to store (front matter written by the YAML emitter, then the body), as text
 * @param warnings what normalization refused or dropped without refusing the article (an implausible date, a
 *                 field that should hold a URL and does not), for the logs; empty when nothing was
 */
public record NormalizedArticle(CanonicalFrontMatter frontMatter, String body, String markdown,
                                List<Warning> warnings) {

    /** One value normalization did not keep: the field as written in the input ({@code params.image}) and why. */
    public record Warning(String field, String detail) {
        public Warning {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public NormalizedArticle {
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(markdown, "markdown");
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    public NormalizedArticle(CanonicalFrontMatter frontMatter, String body, String markdown) {
        this(frontMatter, body, markdown, List.of());
    }
}
