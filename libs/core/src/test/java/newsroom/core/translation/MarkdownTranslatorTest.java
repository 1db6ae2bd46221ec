package newsroom.core.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import newsroom.core.testing.RepoFiles;

class MarkdownTranslatorTest {

    private static final String CODE_BLOCK =
            "```python\ndef greet(name):\n    return f\"Hello, {name}. Welcome!\"\n```";

    @Test
    void wrapsOnlyProse_leavingCodeLinksEntitiesAndShortcodesAsTheyAre() {
        FakeTranslator fake = FakeTranslator.visible(10_000, "fr");
        String source = """
                # Apple and Alibaba

                Apple &amp; Alibaba [announced](https://example.com/news "Story") a deal. Run `brew install x` now.

                ```sh
                echo "do not translate me"
                ```

                - First point with {{< ref "other.md" >}} inside
                - ![A chart](/img/chart.png)
                """;

        String translated = new MarkdownTranslator(fake).translate(source, "en", "fr");

        assertThat(translated).isEqualTo("""
                # ⟦fr:Apple and Alibaba⟧

                ⟦fr:Apple⟧ &amp; ⟦fr:Alibaba⟧ [⟦fr:announced⟧](https://example.com/news "Story") ⟦fr:a deal. Run⟧ \
                `brew install x` ⟦fr:now.⟧

                ```sh
                echo "do not translate me"
                ```

                - ⟦fr:First point with⟧ {{< ref "other.md" >}} ⟦fr:inside⟧
                - ![⟦fr:A chart⟧](/img/chart.png)
                """);
    }

    @Test
    void sendsPlaceholdersInsteadOfProtectedSpans() {
        FakeTranslator fake = FakeTranslator.identity(10_000);

        new MarkdownTranslator(fake).translate("Read [the docs](https://x.example/a) and `run()`.\n\n"
                + "```\ncode\n```\n\nBye.", "en", "de");

        assertThat(fake.requests()).containsExactly("Read {0}the docs{1} and {2}.\n{3}\nBye.");
    }

    @Test
    void sendsNothing_whenTheTextHasNoProse() {
        FakeTranslator fake = FakeTranslator.identity(10_000);

        String out = new MarkdownTranslator(fake).translate("```\nonly code\n```\n\n---\n", "en", "de");

        assertThat(out).isEqualTo("```\nonly code\n```\n\n---\n");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void translatesProseRunsOneByOne_whenTheTranslatorLosesPlaceholders() {
        FakeTranslator fake = FakeTranslator.losingPlaceholders(10_000, "fr");

        String out = new MarkdownTranslator(fake).translate("See [the docs](https://x.example/a) today.", "en", "fr");

        assertThat(out).isEqualTo("⟦fr:See⟧ [⟦fr:the docs⟧](https://x.example/a) ⟦fr:today.⟧");
        assertThat(fake.requests()).containsExactly("See {0}the docs{1} today.", "See", "the docs", "today.");
    }

    @Test
    void splitsA30KbArticleUnderTheLimit_neverInsideCode_andReassemblesItExactly() {
        String article = longArticle(30_000);
        FakeTranslator identity = FakeTranslator.identity(1_000);

        String out = new MarkdownTranslator(identity).translate(article, "en", "fr");

        assertThat(out).isEqualTo(article);
        assertThat(identity.requests()).hasSizeGreaterThan(30);
        assertThat(identity.requests()).allSatisfy(request -> {
            assertThat(request.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_000);
            assertThat(request).doesNotContain("def greet", "https://", "```");
        });
    }

    @Test
    void splitsAtParagraphBoundaries_whenParagraphsFit() {
        FakeTranslator identity = FakeTranslator.identity(100);
        String first = "First paragraph has several words in it to fill up the request a bit.";
        String second = "Second paragraph is also long enough that both do not fit together.";

        new MarkdownTranslator(identity).translate(first + "\n\n" + second + "\n", "en", "fr");

        assertThat(identity.requests()).containsExactly(first, second);
    }

    @Test
    void splitsALongParagraphAtSentences() {
        FakeTranslator identity = FakeTranslator.identity(64);
        String paragraph = "One sentence that is not very short. Another sentence follows here. And a third one.";

        String out = new MarkdownTranslator(identity).translate(paragraph, "en", "fr");

        assertThat(out).isEqualTo(paragraph);
        assertThat(identity.requests())
                .containsExactly("One sentence that is not very short.",
                        "Another sentence follows here. And a third one.");
    }

    @Test
    void splitsAnOverlongSentenceAtWordsAndAnOverlongWordAtCharacters_keepingMultibyteCharactersWhole() {
        FakeTranslator identity = FakeTranslator.identity(64);
        String text = "word ".repeat(30) + "é".repeat(100);

        String out = new MarkdownTranslator(identity).translate(text, "en", "fr");

        assertThat(out).isEqualTo(text);
        assertThat(identity.requests()).allSatisfy(r ->
                assertThat(r.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64));
        assertThat(String.join("", identity.requests())).contains("é".repeat(32));
    }

    @Test
    void reassemblesRandomMarkdownExactly_throughTheIdentityAtASmallLimit() {
        Random random = new Random(42L);
        String alphabet = "abc de. fg? \n\n`#>-*1[]()!<>&;{}|\\é";
        for (int i = 0; i < 300; i++) {
            String text = MarkdownSegmenterTest.randomText(random, alphabet, random.nextInt(400));
            FakeTranslator identity = FakeTranslator.identity(64);
            assertThat(new MarkdownTranslator(identity).translate(text, "en", "fr")).as("text %s", text)
                    .isEqualTo(text);
        }
    }

    @Test
    void reassemblesTheSharedExampleArticleExactly_throughTheIdentity() throws Exception {
        String body = exampleBody();
        FakeTranslator identity = FakeTranslator.identity(500);

        assertThat(new MarkdownTranslator(identity).translate(body, "en", "fr")).isEqualTo(body);
        assertThat(identity.requests()).noneMatch(r -> r.contains("http"));
    }

    @Test
    void keepsEveryUrlAndHeadingUnderlineOfTheSharedExample_whenTranslated() throws Exception {
        String body = exampleBody();

        String translated = new MarkdownTranslator(FakeTranslator.visible(10_000, "fr")).translate(body, "en", "fr");

        assertThat(translated).startsWith("\n⟦fr:Alibaba Group’s Stock Surged After Partnership Reports⟧\n"
                + "=".repeat(54) + "\n\n⟦fr:Alibaba Group’s stock climbed 8.6%");
        Matcher url = Pattern.compile("https?://[^\\s)]+").matcher(body);
        int urls = 0;
        while (url.find()) {
            assertThat(translated).contains(url.group());
            urls++;
        }
        assertThat(urls).isEqualTo(6);
        assertThat(translated.lines().count()).isEqualTo(body.lines().count());
    }

    private static String exampleBody() throws Exception {
        byte[] file = Files.readAllBytes(RepoFiles.shared("examples/coinlive-apple-alibaba.md"));
        return StoredArticle.parse(file).body();
    }

    @Test
    void passesTranslatorFailuresThrough() {
        FakeTranslator throttled = FakeTranslator.failing(1_000, new IllegalStateException("ThrottlingException"));

        assertThatThrownBy(() -> new MarkdownTranslator(throttled).translate("Hello.", "en", "fr"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ThrottlingException");
    }

    @Test
    void refusesATranslatorWhoseRequestLimitCannotHoldAPlaceholder() {
        assertThatThrownBy(() -> new MarkdownTranslator(FakeTranslator.identity(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the minimum 64");
    }

    /** Paragraphs with links, entities and code spans, headings, lists and fenced code blocks, about this size. */
    static String longArticle(int approximateChars) {
        List<String> blocks = new ArrayList<>();
        int n = 0;
        int size = 0;
        while (size < approximateChars) {
            String block = switch (n % 4) {
                case 0 -> "## Section " + n + "\n";
                case 1 -> ("Paragraph " + n + " explains the [market](https://example.com/markets/" + n
                        + ") &amp; the stock `BABA` in detail. It rose by 8.6% after the report! Did analysts expect"
                        + " it? Nobody is sure, but they wrote long notes about it. ").repeat(3).strip();
                case 2 -> CODE_BLOCK;
                default -> "- item one with https://example.org/path?q=" + n + "\n- item two\n> quoted line " + n;
            };
            blocks.add(block);
            size += block.length() + 2;
            n++;
        }
        return String.join("\n\n", blocks) + "\n";
    }
}
