package newsroom.core.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.SourceContext;

/**
 * Front-matter variants from many generators and CMSs, each with the exact Markdown it must be stored as. Most cases
 * use a site without theme defaults so that the expected text shows only what the case is about.
 */
class FrontMatterVariantsTest {

    private static final SiteConfig NO_THEME = SiteConfig.defaults()
            .withOutput(new SiteConfig.Output(SiteConfig.DEFAULT_PATH_PATTERN, Map.of()));
    private static final SiteConfig TRANSLATED = NO_THEME.withTargetLanguages(List.of("fr", "de"));
    private static final SourceContext FILE = SourceContext.ofFile("post.md");
    private static final SourceContext WEB = SourceContext.ofUrl("feed", "https://news.example.com/2025/02/story.html");
    private static final SourceContext PARIS = FILE.withTimeZone(ZoneId.of("Europe/Paris"));
    private static final SourceContext NEW_YORK = FILE.withTimeZone(ZoneId.of("America/New_York"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void storesTheCanonicalShape(String name, SiteConfig config, SourceContext context, String input, String expected) {
        String stored = new FrontMatterNormalizer(config)
                .normalize(input.getBytes(StandardCharsets.UTF_8), context).markdown();

        assertThat(stored).isEqualTo(expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("YAML, only the required fields", NO_THEME, FILE, """
                        ---
                        title: Hello World
                        date: 2025-02-12
                        ---

                        Body text.
                        """, """
                        ---
                        title: "Hello World"
                        date: "2025-02-12T00:00:00Z"
                        summary: "Body text."
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "hello-world"
                        ---

                        Body text.
                        """),
                Arguments.of("TOML with a native offset datetime and a Hugo key", NO_THEME, FILE, """
                        +++
                        title = "TOML post"
                        date = 2025-02-12T15:10:00+01:00
                        tags = ["go", "hugo"]
                        draft = true
                        +++
                        Body.
                        """, """
                        ---
                        title: "TOML post"
                        date: "2025-02-12T15:10:00+01:00"
                        summary: "Body."
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags:
                          - "go"
                          - "hugo"
                        slug: "toml-post"
                        draft: true
                        ---

                        Body.
                        """),
                Arguments.of("JSON object at the start, comma-separated categories", NO_THEME, FILE, """
                        {
                          "title": "JSON post",
                          "date": "2025-02-12T15:10:00.250Z",
                          "categories": "News, Tech , news"
                        }

                        Body.
                        """, """
                        ---
                        title: "JSON post"
                        date: "2025-02-12T15:10:00Z"
                        summary: "Body."
                        categories:
                          - "News"
                          - "Tech"
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "json-post"
                        ---

                        Body.
                        """),
                Arguments.of("keys matched case-insensitively, losing date alias kept in params", NO_THEME, FILE, """
                        ---
                        Title: Case
                        published: "2024-01-01T00:00:00Z"
                        pubDate: "Wed, 12 Feb 2025 15:10:00 GMT"
                        ---
                        """, """
                        ---
                        title: "Case"
                        date: "2025-02-12T15:10:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "case"
                        params:
                          published: "2024-01-01T00:00:00Z"
                        ---
                        """),
                Arguments.of("publishDate and created: the first alias in priority order wins", NO_THEME, FILE, """
                        ---
                        title: Priority
                        created: 2020-01-01
                        publishDate: 2025-02-12T15:10:00Z
                        ---
                        """, """
                        ---
                        title: "Priority"
                        date: "2025-02-12T15:10:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "priority"
                        params:
                          created: "2020-01-01"
                        ---
                        """),
                Arguments.of("date without zone takes the source zone (Paris, winter)", NO_THEME, PARIS, """
                        ---
                        title: Paris
                        date: 2025-02-12 15:10:00
                        ---
                        """, """
                        ---
                        title: "Paris"
                        date: "2025-02-12T15:10:00+01:00"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "paris"
                        ---
                        """),
                Arguments.of("English date with a 12-hour time in the source zone (New York, summer)", NO_THEME,
                        NEW_YORK, """
                        ---
                        title: New York
                        date: "July 4, 2025 3:10 PM"
                        ---
                        """, """
                        ---
                        title: "New York"
                        date: "2025-07-04T15:10:00-04:00"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "new-york"
                        ---
                        """),
                Arguments.of("RFC 1123 with an offset keeps that offset", NO_THEME, NEW_YORK, """
                        ---
                        title: Offset
                        date: "Wed, 12 Feb 2025 15:10:00 +0100"
                        ---
                        """, """
                        ---
                        title: "Offset"
                        date: "2025-02-12T15:10:00+01:00"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "offset"
                        ---
                        """),
                Arguments.of("epoch seconds as a number, epoch millis as lastmod", NO_THEME, FILE, """
                        ---
                        title: Epoch
                        date: 1739373000
                        modified: "1739376600000"
                        ---
                        """, """
                        ---
                        title: "Epoch"
                        date: "2025-02-12T15:10:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "epoch"
                        lastmod: "2025-02-12T16:10:00Z"
                        ---
                        """),
                Arguments.of("lastmod equal to the date is left out; unreadable updated goes to params", NO_THEME, FILE,
                        """
                        ---
                        title: Same
                        date: 2025-02-12T15:10:00Z
                        lastmod: 2025-02-12T16:10:00+01:00
                        updated: yesterday
                        ---
                        """, """
                        ---
                        title: "Same"
                        date: "2025-02-12T15:10:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "same"
                        params:
                          updated: "yesterday"
                        ---
                        """),
                Arguments.of("summary wins over description, which goes to params", NO_THEME, FILE, """
                        ---
                        title: Summaries
                        date: 2025-02-12
                        description: The description
                        summary: "  The   <em>summary</em> &amp; more "
                        excerpt: ""
                        ---
                        """, """
                        ---
                        title: "Summaries"
                        date: "2025-02-12T00:00:00Z"
                        summary: "The summary & more"
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "summaries"
                        params:
                          description: "The description"
                        ---
                        """),
                Arguments.of("subtitle is a summary alias", NO_THEME, FILE, """
                        ---
                        title: Sub
                        date: 2025-02-12
                        subtitle: A subtitle
                        ---
                        """, """
                        ---
                        title: "Sub"
                        date: "2025-02-12T00:00:00Z"
                        summary: "A subtitle"
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "sub"
                        ---
                        """),
                Arguments.of("categories, category and section merged; tags, tag and keywords merged", NO_THEME, FILE,
                        """
                        ---
                        title: Terms
                        date: 2025-02-12
                        section: Europe
                        category: World
                        categories: [Politics, world]
                        keywords: "eu, Brussels"
                        tag: EU
                        tags:
                          - " Summit "
                          - ""
                        ---
                        """, """
                        ---
                        title: "Terms"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories:
                          - "Politics"
                          - "world"
                          - "Europe"
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags:
                          - "Summit"
                          - "EU"
                          - "Brussels"
                        slug: "terms"
                        ---
                        """),
                Arguments.of("source defaults apply when the article has no categories or tags", NO_THEME,
                        new SourceContext("feed", null, null, ZoneOffset.UTC, "en", List.of("News"), List.of("wire")),
                        """
                        ---
                        title: Defaults
                        date: 2025-02-12
                        ---
                        """, """
                        ---
                        title: "Defaults"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories:
                          - "News"
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags:
                          - "wire"
                        slug: "defaults"
                        ---
                        """),
                Arguments.of(
                        "language with underscore and region: a site that lists no languages stores the primary subtag",
                        NO_THEME, FILE, """
                        ---
                        title: Locale
                        date: 2025-02-12
                        language: en_us
                        ---
                        """, """
                        ---
                        title: "Locale"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "locale"
                        ---
                        """),
                Arguments.of("locale with script and region: the primary subtag too", NO_THEME, FILE, """
                        ---
                        title: 繁體中文標題
                        date: 2025-02-12
                        locale: zh_hant_tw
                        ---
                        """, """
                        ---
                        title: "繁體中文標題"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "zh"
                        translations:
                          - "zh"
                        tags: []
                        slug: "繁體中文標題"
                        ---
                        """),
                Arguments.of("inLanguage list: the first is the language, the rest kept in params; de_CH maps to de",
                        TRANSLATED, FILE, """
                        ---
                        title: Langues
                        date: 2025-02-12
                        inLanguage: [fr, it]
                        translations: [de_CH]
                        ---
                        """, """
                        ---
                        title: "Langues"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "fr"
                        translations:
                          - "fr"
                          - "de"
                        tags: []
                        slug: "langues"
                        params:
                          inLanguage:
                            - "it"
                        ---
                        """),
                Arguments.of("web article: relative image resolved against the fetched URL, source from context",
                        NO_THEME, WEB, """
                        ---
                        title: Web
                        date: 2025-02-12
                        image: ../img/photo.jpg
                        ---
                        """, """
                        ---
                        title: "Web"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        thumbnail: "https://news.example.com/2025/img/photo.jpg"
                        slug: "web"
                        source:
                          url: "https://news.example.com/2025/02/story.html"
                          canonical: "https://news.example.com/2025/02/story.html"
                        ---
                        """),
                Arguments.of("images list: the first is the thumbnail, the rest stays in params", NO_THEME, FILE, """
                        ---
                        title: Gallery
                        date: 2025-02-12
                        images:
                          - https://cdn.example.com/a.jpg
                          - https://cdn.example.com/b.jpg
                        ---
                        """, """
                        ---
                        title: "Gallery"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        thumbnail: "https://cdn.example.com/a.jpg"
                        slug: "gallery"
                        params:
                          images:
                            - "https://cdn.example.com/b.jpg"
                        ---
                        """),
                Arguments.of("cover.image of PaperMod: thumbnail, the rest of cover in params", NO_THEME, FILE, """
                        ---
                        title: Cover
                        date: 2025-02-12
                        cover:
                          image: https://cdn.example.com/cover.png
                          alt: A cover
                        ---
                        """, """
                        ---
                        title: "Cover"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        thumbnail: "https://cdn.example.com/cover.png"
                        slug: "cover"
                        params:
                          cover:
                            alt: "A cover"
                        ---
                        """),
                Arguments.of("unusable thumbnails (javascript:, relative without a base) dropped, featured_image"
                        + " used", NO_THEME, FILE, """
                        ---
                        title: Unsafe image
                        date: 2025-02-12
                        thumbnail: "javascript:alert(1)"
                        image: /relative.png
                        featured_image: http://cdn.example.com/ok.png
                        ---
                        """, """
                        ---
                        title: "Unsafe image"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        thumbnail: "http://cdn.example.com/ok.png"
                        slug: "unsafe-image"
                        ---
                        """),
                Arguments.of("source map, canonical alias and link loser", NO_THEME, WEB, """
                        ---
                        title: Sources
                        date: 2025-02-12
                        link: https://mirror.example.org/story
                        source:
                          url: https://origin.example.com/story?id=1
                        canonicalURL: https://origin.example.com/story
                        ---
                        """, """
                        ---
                        title: "Sources"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "sources"
                        source:
                          url: "https://origin.example.com/story?id=1"
                          canonical: "https://origin.example.com/story"
                        params:
                          link: "https://mirror.example.org/story"
                        ---
                        """),
                Arguments.of("authors list of names and maps; byline loses", NO_THEME, FILE, """
                        ---
                        title: Authors
                        date: 2025-02-12
                        byline: By the desk
                        authors:
                          - Ada Lovelace
                          - name: Alan Turing
                        ---
                        """, """
                        ---
                        title: "Authors"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "authors"
                        author: "Ada Lovelace, Alan Turing"
                        params:
                          byline: "By the desk"
                        ---
                        """),
                Arguments.of("Hugo keys stay top-level in input order; unknown keys and params merged", NO_THEME,
                        FILE, """
                        ---
                        title: Hugo
                        weight: 10
                        date: 2025-02-12
                        rating: 4.5
                        aliases: [/old/path]
                        params:
                          series: Guides
                        Draft: false
                        custom:
                          nested: [1, 2]
                        ---
                        """, """
                        ---
                        title: "Hugo"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "hugo"
                        weight: 10
                        aliases:
                          - "/old/path"
                        Draft: false
                        params:
                          series: "Guides"
                          rating: 4.5
                          custom:
                            nested:
                              - 1
                              - 2
                        ---
                        """),
                Arguments.of("theme flags kept with their type, missing ones from the site defaults",
                        SiteConfig.defaults(), FILE, """
                        ---
                        title: Theme
                        date: 2025-02-12
                        Menu: main
                        toc: true
                        widgets: []
                        sidebar: false
                        ---
                        """, """
                        ---
                        title: "Theme"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        menu: "main"
                        lead: ""
                        comments: false
                        authorbox: false
                        pager: true
                        toc: true
                        mathjax: false
                        sidebar: false
                        widgets: []
                        slug: "theme"
                        ---
                        """),
                Arguments.of("title with markup and doubly escaped entities; given slug normalized", NO_THEME, FILE, """
                        ---
                        title: "  <b>Caf&eacute;</b>\\tcr&amp;egrave;me &amp;amp; bar  "
                        date: 2025-02-12
                        slug: "Ünïcode Slug!"
                        ---
                        """, """
                        ---
                        title: "Café crème & bar"
                        date: "2025-02-12T00:00:00Z"
                        summary: ""
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "unicode-slug"
                        ---
                        """),
                Arguments.of("summary built from the body: markup removed, cut at a word with an ellipsis", NO_THEME,
                        FILE, """
                        ---
                        title: Built
                        date: 2025-02-12
                        ---
                        # A heading

                        ![photo](https://cdn.example.com/p.jpg) The **first** paragraph has a\
                         [link](https://example.com) and `code`.

                        ```
                        skipped code
                        ```

                        > Quoted _words_ keep going and going and going and going and going and going and going and\
                         going and going and going and going and going and going and going and going and going and\
                         going and going and going and going and going and going and going and going until the end.
                        """, """
                        ---
                        title: "Built"
                        date: "2025-02-12T00:00:00Z"
                        summary: "A heading The first paragraph has a link and code. Quoted words keep going and going\
                         and going and going and going and going and going and going and going and going and going and\
                         going and going and going and going and going and going and going and going and going and\
                         going and going and going and…"
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "built"
                        ---

                        # A heading

                        ![photo](https://cdn.example.com/p.jpg) The **first** paragraph has a\
                         [link](https://example.com) and `code`.

                        ```
                        skipped code
                        ```

                        > Quoted _words_ keep going and going and going and going and going and going and going and\
                         going and going and going and going and going and going and going and going and going and\
                         going and going and going and going and going and going and going and going until the end.
                        """),
                Arguments.of("active HTML removed from the body, code kept", NO_THEME, FILE, """
                        ---
                        title: Sanitized
                        date: 2025-02-12
                        summary: S
                        ---
                        <div class="note">Kept <em>text</em></div>
                        <script>alert(1)</script>
                        [click](javascript:alert(1)) and `<script>literal</script>`
                        """, """
                        ---
                        title: "Sanitized"
                        date: "2025-02-12T00:00:00Z"
                        summary: "S"
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "sanitized"
                        ---

                        Kept text

                        click and `<script>literal</script>`
                        """),
                Arguments.of("byte order mark, CRLF line ends and trailing blank lines", NO_THEME, FILE,
                        "\uFEFF---\r\ntitle: Windows\r\ndate: 2025-02-12\r\n---\r\n"
                                + "\r\nLine one\r\nLine two\r\n\r\n\r\n",
                        """
                        ---
                        title: "Windows"
                        date: "2025-02-12T00:00:00Z"
                        summary: "Line one Line two"
                        categories: []
                        lang:
                          - "en"
                        translations:
                          - "en"
                        tags: []
                        slug: "windows"
                        ---

                        Line one
                        Line two
                        """));
    }
}
