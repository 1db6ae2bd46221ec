package newsroom.core.prime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.core.config.SiteConfig;
import newsroom.core.frontmatter.FrontMatterNormalizer;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.SourceContext;

/**
 * Side-effect-free work a function runs before its SnapStart snapshot so the snapshot holds loaded, initialized
 * classes: parse and normalize a bundled sample article (front matter parser, normalizer, YAML writer) and
 * round-trip JSON. It never touches a port: no store, index, bus or queue write can happen from here.
 */
public final class SnapStartPriming {

    private static final String SAMPLE = "/newsroom/core/prime/sample-article.md";

    private SnapStartPriming() {
    }

    /** Normalizes the bundled sample twice (the second pass must change nothing) and returns the result. */
    public static NormalizedArticle frontMatterRoundTrip(SiteConfig config) {
        FrontMatterNormalizer normalizer = new FrontMatterNormalizer(config);
        SourceContext context = new SourceContext("priming", null, "priming/sample-article.md", ZoneOffset.UTC,
                config.languages().defaultLanguage(), List.of(), List.of());
        NormalizedArticle first = normalizer.normalize(sample(), context);
        return normalizer.normalize(first.markdown().getBytes(StandardCharsets.UTF_8), context);
    }

    /** Serializes and parses a small JSON document (Jackson's serializer caches). */
    public static void jsonRoundTrip(ObjectMapper json) {
        try {
            json.readTree(json.writeValueAsBytes(Map.of("articleId", "0123456789abcdef01234567",
                    "version", 1, "tags", List.of("priming"))));
        } catch (IOException e) {
            throw new UncheckedIOException("JSON priming failed", e);
        }
    }

    private static byte[] sample() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
