package newsroom.core.frontmatter;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;

/**
 * Maps any source's front matter onto the canonical shape ({@link newsroom.core.model.CanonicalFrontMatter}) and
 * writes the stored Markdown. Deterministic and idempotent: normalizing its own output changes no byte.
 * Thread-safe.
 */
public final class FrontMatterNormalizer {

    private final SiteConfig config;

    public FrontMatterNormalizer(SiteConfig config) {
        this.config = config;
    }

    /** @throws ArticleRejectedException when a required field is missing or invalid */
    public NormalizedArticle normalize(RawArticle raw, SourceContext context) {
        throw new UnsupportedOperationException("TODO: normalizer");
    }

    /** Parses a Markdown file with front matter, then normalizes it. */
    public NormalizedArticle normalize(byte[] markdownFile, SourceContext context) {
        return normalize(new FrontMatterParser().parse(markdownFile), context);
    }
}
