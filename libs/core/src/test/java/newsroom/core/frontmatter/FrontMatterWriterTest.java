package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.model.CanonicalFrontMatter;
import newsroom.core.model.CanonicalFrontMatter.Header;
import newsroom.core.model.CanonicalFrontMatter.Taxonomy;
import newsroom.core.model.CanonicalFrontMatter.ThemeFlags;

class FrontMatterWriterTest {

    @Test
    void writesLongNonAsciiStringsOnOneLineUnescaped() {
        String title = "東京 😀 Ünïcode \"quoted\" back\\slash " + "long ".repeat(40).strip();

        String markdown = FrontMatterWriter.write(frontMatter(title, Map.of(), Map.of()), "");

        assertThat(markdown).startsWith("---\ntitle: \"東京 😀 Ünïcode \\\"quoted\\\" back\\\\slash long long")
                .contains("long long\"\ndate: ");
    }

    @Test
    void omitsNullFieldsAndEmptyParams_writesEmptyListsInFlowStyle() {
        String markdown = FrontMatterWriter.write(frontMatter("T", Map.of(), Map.of()), "");

        assertThat(markdown).isEqualTo("""
                ---
                title: "T"
                date: "2025-02-12T15:10:00Z"
                summary: ""
                categories: []
                lang:
                  - "en"
                translations:
                  - "en"
                tags: []
                slug: "t"
                ---
                """);
    }

    @Test
    void writesNestedValuesWithTheirTypes_andQuotesKeysThatWouldReadBackAsOtherTypes() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("true", "key that is a boolean word");
        params.put("my key", List.of(1, 2.5, new BigDecimal("1E+400"), Double.NaN, Double.NEGATIVE_INFINITY));
        params.put("nested", Map.of("list", List.of(Map.of("a", true))));
        params.put("nothing", null);
        params.put("multi", "line one\nline two");
        params.put("empty", new ArrayList<>(Arrays.asList()));

        String markdown = FrontMatterWriter.write(frontMatter("T", Map.of(), params), "Body\n");

        assertThat(markdown).endsWith("""
                slug: "t"
                params:
                  "true": "key that is a boolean word"
                  "my key":
                    - 1
                    - 2.5
                    - 1E+400
                    - .nan
                    - -.inf
                  nested:
                    list:
                      - a: true
                  nothing: null
                  multi: "line one\\nline two"
                  empty: []
                ---

                Body
                """);
    }

    @Test
    void writesHugoKeysAfterSourceAndBeforeParams() {
        Map<String, Object> hugo = new LinkedHashMap<>();
        hugo.put("weight", 3);
        hugo.put("aliases", List.of("/old"));
        CanonicalFrontMatter fm = new CanonicalFrontMatter(
                new Header("T", OffsetDateTime.parse("2025-02-12T15:10:00Z"), "", "t", null, "A"), TAXONOMY,
                NO_THEME_FLAGS, null, new CanonicalFrontMatter.Source("https://a.example/x", "https://a.example/x"),
                hugo, Map.of("k", "v"));

        assertThat(FrontMatterWriter.write(fm, "")).endsWith("""
                slug: "t"
                author: "A"
                source:
                  url: "https://a.example/x"
                  canonical: "https://a.example/x"
                weight: 3
                aliases:
                  - "/old"
                params:
                  k: "v"
                ---
                """);
    }

    private static CanonicalFrontMatter frontMatter(String title, Map<String, Object> hugo,
            Map<String, Object> params) {
        return new CanonicalFrontMatter(new Header(title, OffsetDateTime.parse("2025-02-12T15:10:00Z"), "", "t", null,
                null), TAXONOMY, NO_THEME_FLAGS, null, null, hugo, params);
    }

    private static final Taxonomy TAXONOMY = new Taxonomy(List.of(), List.of("en"), List.of("en"), List.of());
    private static final ThemeFlags NO_THEME_FLAGS = ThemeFlags.of(Map.of());
}
