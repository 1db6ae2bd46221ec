package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.SourceContext;

/**
 * Determinism and idempotence over generated articles: titles with Unicode, CJK, emoji and markup, dates in every
 * accepted form and zone, tags as lists or comma strings, unknown and Hugo keys, bodies mixing Markdown, code and
 * active HTML, written as YAML, TOML or JSON front matter.
 */
class NormalizationProperties {

    private static final FrontMatterNormalizer NORMALIZER =
            new FrontMatterNormalizer(SiteConfig.defaults().withTargetLanguages(List.of("fr")));
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

    @Property(tries = 300)
    void normalizingItsOwnOutputChangesNoByte(@ForAll("articles") GeneratedArticle article) {
        String once = normalize(article.file(), article.context());

        String twice = normalize(once, article.context());

        assertThat(twice).isEqualTo(once);
    }

    @Property(tries = 200)
    void normalizingTheSameInputTwiceGivesTheSameBytes(@ForAll("articles") GeneratedArticle article) {
        assertThat(normalize(article.file(), article.context())).isEqualTo(normalize(article.file(), article.context()));
    }

    private static String normalize(String file, SourceContext context) {
        return NORMALIZER.normalize(file.getBytes(StandardCharsets.UTF_8), context).markdown();
    }

    /** A generated input file and the source it comes from. */
    record GeneratedArticle(String file, SourceContext context) {
    }

    @Provide
    Arbitrary<GeneratedArticle> articles() {
        Arbitrary<String> text = tokensOrWords().list().ofMinSize(0).ofMaxSize(6).map(words -> String.join(" ", words));
        Arbitrary<String> title = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), text)
                .as((word, rest) -> word + " " + rest);
        Arbitrary<Object> date = Combinators.combine(
                Arbitraries.longs().between(0, 4_000_000_000L), Arbitraries.of(ZONES), Arbitraries.integers().between(0, 6))
                .as(NormalizationProperties::dateInForm);
        Arbitrary<Object> tags = Combinators.combine(tokensOrWords().list().ofMaxSize(5), Arbitraries.of(true, false))
                .as((list, asString) -> asString ? (Object) String.join(", ", list) : list);
        Arbitrary<String> body = Arbitraries.of(BLOCKS).list().ofMaxSize(8).map(blocks -> String.join("\n\n", blocks));
        Arbitrary<Map<String, Object>> extras = Arbitraries.maps(
                Arbitraries.of("weight", "draft", "rating", "series", "image", "author", "lastmod", "summary", "slug", "toc", "custom_key", "Menu", "link", "images"),
                Arbitraries.oneOf(text.map(t -> (Object) t), Arbitraries.integers().between(-5, 500).map(i -> (Object) i),
                        Arbitraries.of(true, false).map(b -> (Object) b),
                        Arbitraries.of("en_gb", "fr", "zh-hant-tw", "https://cdn.example.com/x.png", "../rel.png",
                                "2025-02-12", "Feb 1, 2024").map(s -> (Object) s)))
                .ofMaxSize(5);
        Arbitrary<Integer> format = Arbitraries.integers().between(0, 2);
        Arbitrary<String> zone = Arbitraries.of(ZONES);
        Arbitrary<Object> language = Arbitraries.of("", "en_gb", "fr", "zh-hant-tw", "DE", "pt-br")
                .map(tag -> tag.isEmpty() ? null : (Object) tag);
        Arbitrary<Map<String, Object>> required = Combinators.combine(title, date, tags, language).as((t, d, tg, l) -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", t);
            fields.put("date", d);
            fields.put("tags", tg);
            if (l != null) {
                fields.put("language", l);
            }
            return fields;
        });
        return Combinators.combine(required, body, extras, format, zone, Arbitraries.of(true, false))
                .as((req, b, ex, f, z, web) -> {
                    Map<String, Object> fields = new LinkedHashMap<>(req);
                    ex.forEach(fields::putIfAbsent);
                    SourceContext context = web
                            ? SourceContext.ofUrl("feed", "https://news.example.com/a/b.html").withTimeZone(ZoneId.of(z))
                            : SourceContext.ofFile("gen.md").withTimeZone(ZoneId.of(z));
                    return new GeneratedArticle(file(fields, b, f), context);
                });
    }

    private static Arbitrary<String> tokensOrWords() {
        return Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('À', 'ÿ').withCharRange('一', '龥')
                        .ofMinLength(1).ofMaxLength(10));
    }

    /** One instant in one of the accepted written forms. */
    private static Object dateInForm(long epochSecond, String zone, int form) {
        ZonedDateTime time = java.time.Instant.ofEpochSecond(epochSecond).atZone(ZoneId.of(zone));
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
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
