package newsroom.core.frontmatter;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.RawArticle;

/**
 * Splits a Markdown file into front matter and body and parses the front matter: YAML ({@code ---}),
 * TOML ({@code +++}) or JSON ({@code {...}}), with explicit limits (64 KiB, depth 20, no aliases, no duplicate keys).
 * Thread-safe.
 */
public final class FrontMatterParser {

    /** @throws ArticleRejectedException with the reason when the file cannot be read as an article */
    public RawArticle parse(byte[] file) {
        throw new UnsupportedOperationException("TODO: front matter parser");
    }
}
