package newsroom.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An article as a source gave it, before normalization: its front-matter fields in source order (any names, any
 * shapes: parsed YAML/TOML/JSON, or metadata an HTML extractor found) and its Markdown body.
 *
 * @param fields front matter as parsed; values are String, Number, Boolean, List, Map or null
 * @param body   Markdown body (may be empty, never null)
 */
public record RawArticle(Map<String, @Nullable Object> fields, String body) {
    public RawArticle {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(body, "body");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
