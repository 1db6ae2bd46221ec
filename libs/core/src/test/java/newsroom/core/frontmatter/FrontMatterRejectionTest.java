package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.Rejection;
import newsroom.core.model.SourceContext;

/** Every class of bad input is refused with its code and a detail a person can act on, never with a stack trace. */
class FrontMatterRejectionTest {

    private final FrontMatterNormalizer normalizer = new FrontMatterNormalizer(SiteConfig.defaults());

    @Test
    void rejectsEmptyFile() {
        assertThat(rejection(new byte[0])).isEqualTo(new Rejection(Rejection.Code.EMPTY_INPUT, "the file is empty"));
    }

    @Test
    void rejectsWhitespaceOnlyFile() {
        assertThat(rejection(" \n\t\r\n")).isEqualTo(
                new Rejection(Rejection.Code.EMPTY_INPUT, "the file contains only white space"));
    }

    @Test
    void rejectsFileOverFiveMebibytes() {
        byte[] file = new byte[FrontMatterParser.MAX_FILE_BYTES + 1];
        Arrays.fill(file, (byte) 'a');

        assertThat(rejection(file)).isEqualTo(new Rejection(Rejection.Code.TOO_LARGE,
                "the file has 5242881 bytes; the limit is 5242880 bytes (5 MiB)"));
    }

    @Test
    void rejectsBinaryInput_whenItHasNulBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        assertThat(rejection(png)).isEqualTo(new Rejection(Rejection.Code.BINARY_INPUT,
                "the file contains a NUL byte at offset 8; it is binary data, not a Markdown text file"));
    }

    @Test
    void rejectsBinaryInput_whenMostlyControlCharacters() {
        byte[] file = new byte[100];
        Arrays.fill(file, 0, 70, (byte) 0x01);
        Arrays.fill(file, 70, 100, (byte) 'x');

        Rejection rejection = rejection(file);

        assertThat(rejection.code()).isEqualTo(Rejection.Code.BINARY_INPUT);
        assertThat(rejection.detail()).isEqualTo(
                "70 of the first 100 characters are control characters; this is binary data, not a Markdown text file");
    }

    @Test
    void rejectsNonUtf8_namingTheByte() {
        byte[] latin1 = "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rejection(latin1)).isEqualTo(new Rejection(Rejection.Code.NOT_UTF8,
                "byte 14 (0xE9) is not valid UTF-8; save the file as UTF-8"));
    }

    @Test
    void rejectsFileWithoutFrontMatter() {
        assertThat(rejection("# Just Markdown\n\nNo front matter here.\n")).isEqualTo(new Rejection(
                Rejection.Code.UNKNOWN_FRONT_MATTER, "line 1 is \"# Just Markdown\", which does not open front matter:"
                + " expected ---, +++ or { (YAML, TOML or JSON front matter)"));
    }

    @Test
    void rejectsFrontMatterOfAnotherKind_semicolons() {
        Rejection rejection = rejection(";;;\n{\"title\": \"x\"}\n;;;\nBody\n");

        assertThat(rejection.code()).isEqualTo(Rejection.Code.UNKNOWN_FRONT_MATTER);
        assertThat(rejection.detail()).startsWith("line 1 is \";;;\"").contains("expected ---, +++ or {");
    }

    @Test
    void rejectsFrontMatterOfAnotherKind_htmlComment() {
        Rejection rejection = rejection("\n<!--\ntitle: x\n-->\nBody\n");

        assertThat(rejection.code()).isEqualTo(Rejection.Code.UNKNOWN_FRONT_MATTER);
        assertThat(rejection.detail()).startsWith("line 2 is \"<!--\"").contains("expected ---, +++ or {");
    }

    @Test
    void rejectsUnterminatedYaml() {
        assertThat(rejection("---\ntitle: Never closed\ndate: 2025-02-12\n\nBody\n")).isEqualTo(new Rejection(
                Rejection.Code.UNTERMINATED_FRONT_MATTER,
                "YAML front matter opened with --- on line 1 is never closed: no line --- follows it"));
    }

    @Test
    void rejectsUnterminatedToml() {
        assertThat(rejection("+++\ntitle = \"x\"\n")).isEqualTo(new Rejection(Rejection.Code.UNTERMINATED_FRONT_MATTER,
                "TOML front matter opened with +++ on line 1 is never closed: no line +++ follows it"));
    }

    @Test
    void rejectsUnterminatedJson() {
        assertThat(rejection("{\n  \"title\": \"x\",\n  \"tags\": [\"a\"")).isEqualTo(new Rejection(
                Rejection.Code.UNTERMINATED_FRONT_MATTER,
                "JSON front matter opened with { on line 1 is never closed: the file ends inside it"));
    }

    @Test
    void rejectsInvalidYaml_withLineAndColumnInTheFile() {
        assertThat(rejection("---\ntitle: ok\ndate: [2025\nbody: x\n---\n")).isEqualTo(new Rejection(
                Rejection.Code.INVALID_FRONT_MATTER,
                "invalid YAML front matter at line 4, column 5: expected ',' or ']', but got :"));
    }

    @Test
    void rejectsInvalidToml_withLineAndColumnInTheFile() {
        assertThat(rejection("+++\ntitle = \"ok\"\ndate = \n+++\n")).isEqualTo(new Rejection(
                Rejection.Code.INVALID_FRONT_MATTER,
                "invalid TOML front matter at line 3, column 8: Newline not permitted here"));
    }

    @Test
    void rejectsInvalidJson_withLineAndColumnInTheFile() {
        Rejection rejection = rejection("{\n  \"title\": \"x\"\n  \"date\": \"2025-02-12\"\n}\n");

        assertThat(rejection.code()).isEqualTo(Rejection.Code.INVALID_FRONT_MATTER);
        assertThat(rejection.detail()).startsWith("invalid JSON front matter at line 3, column 3: ")
                .contains("expecting comma");
    }

    @Test
    void rejectsYamlThatIsNotAMapping() {
        assertThat(rejection("---\n- title\n- date\n---\n")).isEqualTo(new Rejection(
                Rejection.Code.INVALID_FRONT_MATTER,
                "YAML front matter at line 2, column 1 is a list, not a mapping of keys to values (key: value)"));
    }

    @Test
    void rejectsYamlAnchors() {
        assertThat(rejection("---\ntitle: &t Hello\ndate: 2025-02-12\n---\n")).isEqualTo(new Rejection(
                Rejection.Code.ALIASES_NOT_ALLOWED,
                "anchor &t at line 2, column 8: YAML anchors and aliases are not allowed in front matter"));
    }

    @Test
    void rejectsYamlAliasBombs_beforeExpandingThem() {
        String bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n";

        assertThat(rejection(bomb).code()).isEqualTo(Rejection.Code.ALIASES_NOT_ALLOWED);
    }

    @Test
    void rejectsYamlNestedDeeperThanTwentyLevels() {
        String yaml = "---\nroot: " + "[".repeat(20) + "1" + "]".repeat(20) + "\n---\n";

        assertThat(rejection(yaml)).isEqualTo(new Rejection(Rejection.Code.FRONT_MATTER_TOO_DEEP,
                "front matter nests deeper than 20 levels at line 2, column 26"));
    }

    @Test
    void acceptsYamlNestedExactlyTwentyLevels() {
        String yaml = "---\ntitle: Deep\ndate: 2025-02-12\nroot: " + "[".repeat(19) + "1" + "]".repeat(19) + "\n---\n";

        assertThat(normalizer.normalize(yaml.getBytes(StandardCharsets.UTF_8), SourceContext.ofFile("d.md"))
                .frontMatter().params()).containsKey("root");
    }

    @Test
    void rejectsJsonNestedDeeperThanTwentyLevels() {
        String json = "{\"root\": " + "[".repeat(20) + "1" + "]".repeat(20) + "}\n";

        assertThat(rejection(json)).isEqualTo(new Rejection(Rejection.Code.FRONT_MATTER_TOO_DEEP,
                "JSON front matter nests deeper than 20 levels"));
    }

    @Test
    void rejectsTomlNestedDeeperThanTwentyLevels() {
        String toml = "+++\nroot = " + "[".repeat(20) + "1" + "]".repeat(20) + "\n+++\n";

        assertThat(rejection(toml).code()).isEqualTo(Rejection.Code.FRONT_MATTER_TOO_DEEP);
    }

    @Test
    void rejectsFrontMatterOver64KiB() {
        String yaml = "---\ntitle: Big\nfiller: \"" + "x".repeat(64 * 1024) + "\"\n---\nBody\n";

        assertThat(rejection(yaml)).isEqualTo(new Rejection(Rejection.Code.FRONT_MATTER_TOO_LARGE,
                "the front matter has 65558 bytes; the limit is 65536 bytes (64 KiB)"));
    }

    @Test
    void rejectsJsonFrontMatterOver64KiB() {
        String json = "{\"title\": \"Big\", \"filler\": \"" + "x".repeat(64 * 1024) + "\"}\nBody\n";

        assertThat(rejection(json).code()).isEqualTo(Rejection.Code.FRONT_MATTER_TOO_LARGE);
    }

    @Test
    void rejectsDuplicateYamlKey_namingKeyAndLines() {
        assertThat(rejection("---\ntitle: One\ndate: 2025-02-12\ntitle: Two\n---\n")).isEqualTo(new Rejection(
                Rejection.Code.DUPLICATE_KEY, "duplicate key \"title\" on line 4 (first on line 2)"));
    }

    @Test
    void rejectsDuplicateJsonKey_namingKeyAndLine() {
        assertThat(rejection("{\n\"title\": \"One\",\n\"title\": \"Two\"\n}\n")).isEqualTo(new Rejection(
                Rejection.Code.DUPLICATE_KEY, "duplicate key \"title\" on line 3 of the JSON front matter"));
    }

    @Test
    void rejectsDuplicateTomlKey_namingKeyAndLine() {
        assertThat(rejection("+++\ntitle = \"One\"\ndate = 2025-02-12\ntitle = \"Two\"\n+++\n"))
                .isEqualTo(new Rejection(Rejection.Code.DUPLICATE_KEY,
                        "duplicate key \"title\" on line 4 (TOML allows each key and table once)"));
    }

    @Test
    void rejectsRedefinedTomlTable_asDuplicateKey() {
        assertThat(rejection("+++\n[extra]\nx = 1\n[extra]\ny = 2\n+++\n")).isEqualTo(new Rejection(
                Rejection.Code.DUPLICATE_KEY,
                "duplicate key \"extra\" on line 4 (TOML allows each key and table once)"));
    }

    @Test
    void rejectsYamlGlobalTags_thatCouldNameJavaTypes() {
        assertThat(rejection("---\ntitle: !!python/object:os.system x\n---\n")).isEqualTo(new Rejection(
                Rejection.Code.INVALID_FRONT_MATTER, "invalid YAML front matter at line 2, column 8:"
                + " Global tag is not allowed: tag:yaml.org,2002:python/object:os.system"));
    }

    @Test
    void rejectsMissingTitle() {
        assertThat(rejection("---\ndate: 2025-02-12\n---\nBody\n")).isEqualTo(
                new Rejection(Rejection.Code.MISSING_TITLE, "the front matter has no title"));
    }

    @Test
    void rejectsTitleThatIsOnlyMarkup() {
        assertThat(rejection("---\ntitle: \"<br/> &nbsp; \"\ndate: 2025-02-12\n---\n")).isEqualTo(new Rejection(
                Rejection.Code.MISSING_TITLE, "the title \"<br/> &nbsp; \" is empty once markup is removed"));
    }

    @Test
    void rejectsMissingDate_whenTheSiteChoosesRejectOverFallback() {
        FrontMatterNormalizer strict = new FrontMatterNormalizer(SiteConfig.defaults().withFrontMatter(
                new SiteConfig.FrontMatterRules(SiteConfig.MissingDate.REJECT, 300, 10)));

        ArticleRejectedException e = catchThrowableOfType(ArticleRejectedException.class, () -> strict.normalize(
                "---\ntitle: No date\n---\n".getBytes(StandardCharsets.UTF_8), SourceContext.ofFile("bad.md")));

        assertThat(e.rejection()).isEqualTo(new Rejection(Rejection.Code.MISSING_DATE,
                "the front matter has no date (looked for date, pubDate, published, publishDate, created)"));
    }

    @Test
    void rejectsUnreadableDate_namingKeyAndValue() {
        assertThat(rejection("---\ntitle: Bad date\npubDate: 2025-13-45\n---\n")).isEqualTo(new Rejection(
                Rejection.Code.INVALID_DATE, "key 'pubDate': \"2025-13-45\" is not a date in a known form (such as"
                + " 2025-02-12T15:10:00Z, 2025-02-12 15:10:00, Wed, 12 Feb 2025 15:10:00 GMT or Feb 12, 2025)"));
    }

    @Test
    void rejectsInvalidLanguage_namingKeyAndValue() {
        assertThat(rejection("---\ntitle: Lang\ndate: 2025-02-12\nlanguage: English (UK)\n---\n")).isEqualTo(
                new Rejection(Rejection.Code.INVALID_LANGUAGE, "key 'language': \"English (UK)\" is not a BCP 47"
                        + " language tag (such as en, en-US, zh-Hant-TW)"));
    }

    @Test
    void rejectsArticleWithoutLanguage_whenTheSourceHasNoDefault() {
        SourceContext noDefault = new SourceContext("strict-feed", null, null, ZoneOffset.UTC, null, null, null);

        ArticleRejectedException e = catchThrowableOfType(ArticleRejectedException.class, () -> normalizer.normalize(
                "---\ntitle: T\ndate: 2025-02-12\n---\n".getBytes(StandardCharsets.UTF_8), noDefault));

        assertThat(e.rejection()).isEqualTo(new Rejection(Rejection.Code.INVALID_LANGUAGE, "the article names no"
                + " language (lang, language, locale or inLanguage) and source 'strict-feed' has no default"));
    }

    private Rejection rejection(String file) {
        return rejection(file.getBytes(StandardCharsets.UTF_8));
    }

    private Rejection rejection(byte[] file) {
        ArticleRejectedException e = catchThrowableOfType(ArticleRejectedException.class,
                () -> normalizer.normalize(file, SourceContext.ofFile("bad.md")));
        assertThat(e).as("rejection").isNotNull();
        return e.rejection();
    }
}
