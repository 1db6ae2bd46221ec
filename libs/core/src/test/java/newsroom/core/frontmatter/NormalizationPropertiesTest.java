package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.SourceContext;
import newsroom.core.testing.RandomText;

/**
 * Determinism and idempotence over generated articles: titles with Unicode, CJK, emoji and markup, dates in every
 * accepted form and zone, tags as lists or comma strings, unknown and Hugo keys, bodies mixing Markdown, code and
 * active HTML, written as YAML, TOML or JSON front matter. Each try is generated from its own seed, named on failure.
 */
class NormalizationPropertiesTest {

    /** A fixed "now": generated dates before 1990 fall back to the first-seen time, which must not drift. */
    private static final FrontMatterNormalizer NORMALIZER =
            new FrontMatterNormalizer(SiteConfig.defaults().withTargetLanguages(List.of("fr")),
                    Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));
    private static final List<String> TOKENS = List.of("Hello", "Café", "Straße", "Ærø", "東京", "한국어", "हिन्दी",
            "😀", "🎉🚀", "&amp;", "&amp;amp;", "&lt;b&gt;", "<b>", "</b>", "<script>x</script>", "  ", "\t", "AT&T",
            "\"quoted\"", "back\\slash", "colon: x", "# hash", "- dash", "İstanbul", "ﬁ", "…", "\u00a0", "'", "[x]",
            "*", "_", "`", "---", "+++", "{", "}", "ℌ", "Ⅻ", "ガ", "\u200b", "x".repeat(90));
    private static final List<String> BLOCKS = List.of("Plain paragraph with words.", "**bold** and _em_",
            "[link](https://example.com/a_(b)) text", "![img](https://example.com/i.png)", "`inline <b>code</b>`",
            "```js\nlet a = '<script>';\n```", "> quoted\n> lines", "# Heading", "Setext\n======",
            "<div class=\"x\">html <em>kept</em> text</div>", "<script>alert(1)</script>",
            "[bad](javascript:alert(1))", "<iframe src=x></iframe>after", "- item one\n- item two", "trailing   ",
            "line\r\nwith crlf", "\n\n\n", "<!-- comment -->", "<scr<b></b>ipt>nested</script>", "| a | b |\n|---|---|",
            "[ref]: https://example.com", "    indented code", "Unicode: 東京 😀 İ", "&amp; &copy; &#x1F600;");
    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata",
            "Australia/Lord_Howe", "Pacific/Chatham");
    private static final List<String> EXTRA_KEYS = List.of("weight", "draft", "rating", "series", "image", "author",
            "lastmod", "summary", "slug", "toc", "custom_key", "Menu", "link", "images");

    @Test
    void normalizingItsOwnOutputChangesNoByte() {
        RandomText.check(9_100_000L, 300, NormalizationPropertiesTest::article, article -> {
            String once = normalize(article.file(), article.context());

            String twice = normalize(once, article.context());

            assertThat(twice).isEqualTo(once);
        });
    }

    @Test
    void normalizingAWebPagesStoredOutputChangesNoByte() {
        RandomText.check(9_300_000L, 300, NormalizationPropertiesTest::article, article -> {
            String once = NORMALIZER.normalize(new FrontMatterParser().parse(
                    article.file().getBytes(StandardCharsets.UTF_8)), article.context(),
                    FrontMatterNormalizer.InputKind.WEB_PAGE).markdown();

            String twice = normalize(once, article.context());

            assertThat(twice).isEqualTo(once);
        });
    }

    @Test
    void normalizingTheSameInputTwiceGivesTheSameBytes() {
        RandomText.check(9_200_000L, 200, NormalizationPropertiesTest::article, article ->
                assertThat(normalize(article.file(), article.context()))
                        .isEqualTo(normalize(article.file(), article.context())));
    }

    private static String normalize(String file, SourceContext context) {
        return NORMALIZER.normalize(file.getBytes(StandardCharsets.UTF_8), context).markdown();
    }

    /** A generated input file and the source it comes from. */
    record GeneratedArticle(String file, SourceContext context) {
    }

    /**
     * A title (an ASCII word and up to six tokens or words), a date in one of the accepted forms and zones, tags as
     * a list or a comma string, maybe a language, up to five extra keys (Hugo and unknown ones), a body of up to
     * eight blocks, written as YAML, TOML or JSON front matter, from a web or a file source in one of the zones.
     */
    static GeneratedArticle article(RandomText random) {
        Supplier<String> text = () -> String.join(" ", random.listOf(0, 6, () -> tokenOrWord(random)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", random.alpha(1, 12) + " " + text.get());
        fields.put("date", dateInForm(random.between(0L, 4_000_000_000L), random.oneOf(ZONES), random.between(0, 6)));
        List<String> tags = random.listOf(0, 5, () -> tokenOrWord(random));
        fields.put("tags", random.nextBoolean() ? (Object) String.join(", ", tags) : tags);
        String language = random.oneOf("", "en_gb", "fr", "zh-hant-tw", "DE", "pt-br");
        if (!language.isEmpty()) {
            fields.put("language", language);
        }
        String body = String.join("\n\n", random.listOf(0, 8, () -> random.oneOf(BLOCKS)));
        Map<String, Object> extras = new LinkedHashMap<>();
        int extraCount = random.between(0, 5);
        while (extras.size() < extraCount) {
            String key = random.oneOf(EXTRA_KEYS);
            Object value = switch (random.between(0, 3)) {
                case 0 -> text.get();
                case 1 -> random.between(-5, 500);
                case 2 -> random.nextBoolean();
                default -> random.oneOf("en_gb", "fr", "zh-hant-tw", "https://cdn.example.com/x.png", "../rel.png",
                        "2025-02-12", "Feb 1, 2024");
            };
            extras.putIfAbsent(key, value);
        }
        int format = random.between(0, 2);
        String zone = random.oneOf(ZONES);
        boolean web = random.nextBoolean();
        extras.forEach(fields::putIfAbsent);
        SourceContext context = web
                ? SourceContext.ofUrl("feed", "https://news.example.com/a/b.html").withTimeZone(ZoneId.of(zone))
                : SourceContext.ofFile("gen.md").withTimeZone(ZoneId.of(zone));
        return new GeneratedArticle(file(fields, body, format), context);
    }

    /** One of {@link #TOKENS}, or 1 to 10 letters: a-z, Latin-1 (À-ÿ) or CJK (一-龥). */
    private static String tokenOrWord(RandomText random) {
        return random.nextBoolean() ? random.oneOf(TOKENS) : random.chars(1, 10, 'a', 'z', 'À', 'ÿ', '一', '龥');
    }

    /** One instant in one of the accepted written forms. */
    private static Object dateInForm(long epochSecond, String zone, int form) {
        ZonedDateTime time = Instant.ofEpochSecond(epochSecond).atZone(ZoneId.of(zone));
        LocalDateTime local = time.toLocalDateTime();
        return switch (form) {
            case 0 -> time.toOffsetDateTime().toString();
            case 1 -> local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            case 2 -> local.toLocalDate().toString();
            case 3 -> epochSecond;
            case 4 -> epochSecond * 1000;
            case 5 -> DateTimeFormatter.RFC_1123_DATE_TIME.format(time);
            default -> local.format(DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm a", Locale.ENGLISH));
        };
    }

    private static String file(Map<String, Object> fields, String body, int format) {
        try {
            return switch (format) {
                case 0 -> new YAMLMapper().writeValueAsString(fields) + "---\n\n" + body;
                case 1 -> "+++\n" + new TomlMapper().writeValueAsString(fields) + "+++\n" + body;
                default -> new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(fields) + "\n" + body;
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
