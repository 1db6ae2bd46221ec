package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.CanonicalFrontMatter;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;

/** Normalizing articles that did not come from a file: metadata an HTML extractor found, with Java values. */
class FrontMatterNormalizerTest {

    private static final SiteConfig SITE = SiteConfig.defaults()
            .withOutput(new SiteConfig.Output(SiteConfig.DEFAULT_PATH_PATTERN, Map.of()));
    private final FrontMatterNormalizer normalizer = new FrontMatterNormalizer(SITE);

    @Test
    void normalizesExtractedMetadata_withJavaTimeDateCrlfBodyAndContextUrl() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Extracted &amp; cleaned");
        fields.put("date", OffsetDateTime.of(2025, 2, 12, 15, 10, 0, 500, ZoneOffset.ofHours(9)));
        fields.put("image", "/media/lead.jpg");
        fields.put("wordCount", 1234.0);

        NormalizedArticle article = normalizer.normalize(
                new RawArticle(fields, "\r\n\r\nFirst line\r\nSecond line  \r\n"),
                SourceContext.ofUrl("feed", "https://news.example.com/a/story"));

        assertThat(article.markdown()).isEqualTo("""
                ---
                title: "Extracted & cleaned"
                date: "2025-02-12T15:10:00+09:00"
                summary: "First line Second line"
                categories: []
                lang:
                  - "en"
                translations:
                  - "en"
                tags: []
                thumbnail: "https://news.example.com/media/lead.jpg"
                slug: "extracted-cleaned"
                source:
                  url: "https://news.example.com/a/story"
                  canonical: "https://news.example.com/a/story"
                params:
                  wordCount: 1234.0
                ---

                First line
                Second line
                """);
        assertThat(article.body()).isEqualTo("First line\nSecond line\n");
    }

    @Test
    void keepsBothValues_whenALosingAliasCollidesWithAnInputParam() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Collide");
        fields.put("date", "2025-02-12");
        fields.put("params", Map.of("description", "from params"));
        fields.put("summary", "S");
        fields.put("description", "top-level loser");

        CanonicalFrontMatter fm = normalizer.normalize(new RawArticle(fields, ""), SourceContext.ofFile("c.md"))
                .frontMatter();

        assertThat(fm.params()).containsExactly(Map.entry("description", "from params"),
                Map.entry("description_2", "top-level loser"));
    }

    @Test
    void omitsSource_whenNoUrlIsKnown() {
        CanonicalFrontMatter fm = normalizer.normalize(
                new RawArticle(Map.of("title", "T", "date", "2025-02-12"), "Body"), SourceContext.ofFile("t.md"))
                .frontMatter();

        assertThat(fm.source()).isNull();
    }
}
