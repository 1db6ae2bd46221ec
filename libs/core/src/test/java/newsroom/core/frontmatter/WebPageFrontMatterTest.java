package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.frontmatter.FrontMatterNormalizer.InputKind;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.NormalizedArticle.Warning;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;

/**
 * What the normalizer writes for a web page (summary and tag limits, Hugo's description and images) and the URL check
 * every URL-valued field passes, whatever the input.
 */
class WebPageFrontMatterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"), ZoneOffset.UTC);
    private static final SourceContext PAGE = SourceContext.ofUrl("feed", "https://news.example/2025/02/story.html");
    private final FrontMatterNormalizer normalizer = new FrontMatterNormalizer(SiteConfig.defaults(), NOW);

    @Test
    void writesHugosDescriptionAndImages_besideSummaryAndThumbnail() {
        NormalizedArticle article = page(Map.of("summary", "A short description.",
                "thumbnail", "https://cdn.example/lead.jpg"));

        assertThat(article.markdown()).contains("summary: \"A short description.\"\n")
                .contains("thumbnail: \"https://cdn.example/lead.jpg\"\n")
                .contains("description: \"A short description.\"\nimages:\n  - \"https://cdn.example/lead.jpg\"\n");
    }

    @Test
    void storesAPagesOutputAgainByteForByte_withDescriptionAndImagesKept() {
        NormalizedArticle once = page(Map.of("summary", "A short description.",
                "thumbnail", "https://cdn.example/lead.jpg", "date", "2025-02-12T10:00:00Z"));

        String twice = normalizer.normalize(once.markdown().getBytes(StandardCharsets.UTF_8), PAGE).markdown();

        assertThat(twice).isEqualTo(once.markdown());
        assertThat(twice).doesNotContain("description_2").doesNotContain("images_2");
    }

    @Test
    void addsNoDescriptionOrImages_toAMarkdownFileThatHasNone() {
        NormalizedArticle article = normalizer.normalize(("---\ntitle: T\ndate: 2025-02-12\nsummary: S\n"
                + "thumbnail: https://cdn.example/t.jpg\n---\n").getBytes(StandardCharsets.UTF_8),
                SourceContext.ofFile("t.md"));

        assertThat(article.markdown()).doesNotContain("description:").doesNotContain("images:");
    }

    @Test
    void shortensAPagesLongDescription_atASentence() {
        String sentence = "This sentence has exactly fifty characters in it. ";
        NormalizedArticle article = page(Map.of("summary", sentence.repeat(10)));

        assertThat(article.frontMatter().header().summary()).isEqualTo(sentence.repeat(6).strip());
    }

    @Test
    void keepsALongSummaryWrittenInFrontMatter_asWritten() {
        String summary = "word ".repeat(100).strip();

        NormalizedArticle article = normalizer.normalize(("---\ntitle: T\ndate: 2025-02-12\nsummary: " + summary
                + "\n---\n").getBytes(StandardCharsets.UTF_8), SourceContext.ofFile("t.md"));

        assertThat(article.frontMatter().header().summary()).isEqualTo(summary);
    }

    @Test
    void takesTheConfiguredSummaryLengthAndTagLimit() {
        FrontMatterNormalizer custom = new FrontMatterNormalizer(SiteConfig.defaults().withFrontMatter(
                new SiteConfig.FrontMatterRules(SiteConfig.MissingDate.FALLBACK, 60, 2)), NOW);

        NormalizedArticle article = custom.normalize(new RawArticle(fields(Map.of("tags", List.of("a", "b", "c"))),
                "word ".repeat(40) + "\n"), PAGE, InputKind.WEB_PAGE);

        assertThat(article.frontMatter().header().summary()).isEqualTo("word ".repeat(11) + "word…");
        assertThat(article.frontMatter().taxonomy().tags()).containsExactly("a", "b");
    }

    @Test
    void keepsTenTagsByDefault_withoutAnnotationNoiseOrDuplicates() {
        List<String> tags = new ArrayList<>(List.of("Mark Esper GOVERNMENT_FIGURE PERSON", "mark esper"));
        IntStream.rangeClosed(1, 62).forEach(i -> tags.add("topic " + i));

        NormalizedArticle article = page(Map.of("tags", tags));

        assertThat(article.frontMatter().taxonomy().tags()).hasSize(10).startsWith("Mark Esper", "topic 1")
                .noneMatch(t -> t.contains("_"));
    }

    @Test
    void dropsAThumbnailThatIsNoHttpUrl_withAWarningNamingTheField() {
        NormalizedArticle article = normalizer.normalize(("---\ntitle: T\ndate: 2025-02-12\n"
                + "image: \"javascript:alert(1)\"\n---\n").getBytes(StandardCharsets.UTF_8),
                SourceContext.ofFile("t.md"));

        assertThat(article.frontMatter().thumbnail()).isNull();
        assertThat(article.markdown()).doesNotContain("javascript");
        assertThat(article.warnings()).containsExactly(new Warning("params.image",
                "\"javascript:alert(1)\" is not an absolute http(s) URL; dropped"));
    }

    @Test
    void dropsEveryUrlNamedParamThatIsNoAbsoluteHttpUrl_atAnyDepth() {
        NormalizedArticle article = normalizer.normalize(("""
                ---
                title: T
                date: 2025-02-12
                canonicalURL: //host/
                cover:
                  image: "data:image/png;base64,AAAA"
                  alt: A cover
                params:
                  ogImage: "vbscript:x"
                  homepage_url: "https://ok.example/"
                  gallery:
                    images: ["https://ok.example/1.jpg", "/relative.jpg"]
                  discover: "not a URL field"
                ---
                """).getBytes(StandardCharsets.UTF_8), SourceContext.ofFile("t.md"));

        assertThat(article.frontMatter().params()).isEqualTo(Map.of(
                "homepage_url", "https://ok.example/",
                "gallery", Map.of("images", List.of("https://ok.example/1.jpg")),
                "discover", "not a URL field",
                "cover", Map.of("alt", "A cover")));
        assertThat(article.warnings()).extracting(Warning::field).containsExactlyInAnyOrder("params.ogImage",
                "params.gallery.images[1]", "params.canonicalURL", "params.cover.image");
    }

    @Test
    void keepsHugosOwnUrlKey_whichIsAPathNotALink() {
        NormalizedArticle article = normalizer.normalize("---\ntitle: T\ndate: 2025-02-12\nurl: /about/\n---\n"
                .getBytes(StandardCharsets.UTF_8), SourceContext.ofFile("t.md"));

        assertThat(article.frontMatter().hugo()).containsEntry("url", "/about/");
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void recognisesUrlFieldsByName() {
        assertThat(List.of("image", "Images", "cover", "thumbnail", "link", "canonical", "canonical_url",
                "canonicalURL", "og_image", "imageUrl", "source_url", "permalink", "feed-link"))
                .allMatch(UrlFields::isUrlKey);
        assertThat(List.of("discover", "title", "curly", "paywalled", "site_name", "linkedin_handle"))
                .noneMatch(UrlFields::isUrlKey);
    }

    private NormalizedArticle page(Map<String, Object> extra) {
        return normalizer.normalize(new RawArticle(fields(extra), "First paragraph of the story.\n"), PAGE,
                InputKind.WEB_PAGE);
    }

    private static Map<String, Object> fields(Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "A story");
        fields.put("date", "2025-02-12T10:00:00Z");
        fields.putAll(extra);
        return fields;
    }
}
