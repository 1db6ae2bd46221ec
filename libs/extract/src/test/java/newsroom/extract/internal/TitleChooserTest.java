package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import newsroom.extract.Field;

/** The title rules of {@link TitleChooser}, each on a small inline page read through {@link MetadataExtractor}. */
class TitleChooserTest {

    private static final String URL = "https://www.example-news.de/politik/2023/stadtrat-beschliesst-tram.html";

    private static Field<String> title(String head, String body) {
        String html = "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>";
        return MetadataExtractor.read(Jsoup.parse(html, URL), URL).metadata().title().orElseThrow();
    }

    @Test
    void stripsTheDeclaredSiteNameAfterAPipe() {
        assertThat(title("<title>Stadtrat beschließt Tram | Beispiel Zeitung</title>"
                + "<meta property=\"og:site_name\" content=\"Beispiel Zeitung\">", "<p>Text</p>").value())
                .isEqualTo("Stadtrat beschließt Tram");
    }

    @Test
    void stripsALeadingSiteNameAndADashSeparatedOne() {
        assertThat(title("<title>Beispiel Zeitung - Stadtrat beschließt Tram</title>"
                + "<meta name=\"application-name\" content=\"Beispiel Zeitung\">", "").value())
                .isEqualTo("Stadtrat beschließt Tram");
        assertThat(title("<title>Stadtrat beschließt Tram – Beispiel Zeitung</title>"
                + "<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":\"Beispiel Zeitung\"}</script>",
                "").value()).isEqualTo("Stadtrat beschließt Tram");
    }

    @Test
    void stripsTheHostNameWrittenAsADomain() {
        assertThat(title("<meta property=\"og:title\" content=\"Stadtrat beschließt Tram » example-news.de\">", "")
                .value()).isEqualTo("Stadtrat beschließt Tram");
    }

    @Test
    void aLeadingDomainIsTheSiteEvenWhenTheSiteIsNamedAfterThePersonInTheHeadline() {
        // the publisher is the person the page is about: the address, not the name, is the site's part of the title
        assertThat(title("<title>example-news.de // » Jens Weber</title>"
                + "<meta name=\"DC.Publisher\" content=\"Jens Weber\">", "").value()).isEqualTo("Jens Weber");
    }

    @Test
    void keepsASeparatorThatIsPartOfTheHeadline() {
        assertThat(title("<title>Leasing oder Finanzierung – was lohnt sich mehr?</title>", "").value())
                .isEqualTo("Leasing oder Finanzierung – was lohnt sich mehr?");
    }

    @Test
    void dropsATailThatAnotherDeclaredTitleLacks() {
        Field<String> title = title("<meta property=\"og:title\" content=\"Stadtrat beschließt Tram\">"
                + "<title>Stadtrat beschließt Tram | Nachrichten aus der Region</title>", "");

        assertThat(title.value()).isEqualTo("Stadtrat beschließt Tram");
    }

    @Test
    void prefersTheArticleHeadingThatAgreesWithADeclaredTitle() {
        Field<String> title = title("<meta property=\"og:title\" content=\"Tram: Stadtrat sagt ja | Beispiel\">",
                "<main><article><h1>Stadtrat sagt ja zur Tram</h1><p>Text</p></article></main>");

        assertThat(title).isEqualTo(new Field<>("Stadtrat sagt ja zur Tram", "h1"));
    }

    @Test
    void ofSeveralAgreeingHeadingsTheOneThatStatesMostOfTheTitleWins() {
        assertThat(title("<title>Die Tram kommt (2025) - zwölf Kilometer neue Gleise. Meinungen</title>",
                "<h1>Die Tram kommt - zwölf Kilometer neue Gleise bis 2025</h1><p>Text</p><h1>Vorteile</h1><p>Text</p>"
                        + "<h1>Meinungen</h1><p>Text</p>").value())
                .isEqualTo("Die Tram kommt - zwölf Kilometer neue Gleise bis 2025");
    }

    @Test
    void aSectionHeadingThatSharesOneWordWithTheTitleDoesNotAgree() {
        String sections = "<h1>Korsetts – Deutschland</h1><p>Text</p><h1>Korsetts – Weltweit</h1><p>Text</p>";

        assertThat(title("<meta property=\"og:title\" content=\"Korsetts - Shops, Designer, online kaufen\">",
                sections)).isEqualTo(new Field<>("Korsetts - Shops, Designer, online kaufen", "meta:og:title"));
        // a one-word title is stated whole by a one-word heading
        assertThat(title("<meta property=\"og:title\" content=\"Impressum\">", "<h1>Impressum</h1><p>Text</p>"
                + "<h1>Kontakt</h1>")).isEqualTo(new Field<>("Impressum", "meta:og:title"));
    }

    @Test
    void aSidebarWidgetsHeadingIsNotThePostTitle() {
        String head = "<title>Neue Tram für die Stadt | Beispiel Blog</title><meta property=\"og:title\" "
                + "content=\"Neue Tram für die Stadt\"><meta property=\"og:site_name\" content=\"Beispiel Blog\">";
        String body = "<h1>Beispiel Blog</h1><ul><li class=\"widget widget_rss\"><h2 class=\"widgettitle\">Tram News"
                + "</h2></li></ul><div class=\"post\"><p>Die Stadt bekommt eine neue Tram.</p></div>";

        assertThat(title(head, body)).isEqualTo(new Field<>("Neue Tram für die Stadt", "meta:og:title"));
        // a page builder calls every block a widget: its title block stays a heading
        assertThat(title(head, "<div class=\"elementor-widget elementor-widget-heading\"><h1>Neue Tram für die "
                + "Stadt</h1></div>").origin()).isEqualTo("meta:og:title");
    }

    @Test
    void aNewsletterBoxsHeadingIsNotAHeadlineBesideThePostsOwn() {
        // the post's <h1> shares only "Gift Guide" with the marketing og:title; the sign-up boxes add two more <h1>
        String head = "<meta property=\"og:title\" content=\"Christmas Gift Guide | Beispiel | Jetzt entdecken!\">";
        String post = "<main><article><div class=\"single_header_text\"><h1>Mein Home Gift Guide bei Beispiel "
                + "Wohnen Collection</h1></div><p>Text</p></article>";
        String signUp = "<div class=\"newsletter_teaser_block\"><h1>Liebe in deinem Posteingang: Unser Newsletter!"
                + "</h1></div>";

        assertThat(title(head, post + signUp + "</main>" + signUp))
                .isEqualTo(new Field<>("Mein Home Gift Guide bei Beispiel Wohnen Collection", "h1"));
    }

    @Test
    void skipsTheLogoHeadingAndTheOneInThePageHeader() {
        String body = "<header class=\"branding\"><a href=\"/\"><h1>Beispiel Blog</h1></a></header>"
                + "<div class=\"post\"><h1 class=\"entry-title\">Neue Tram für die Stadt</h1><p>Text</p></div>";

        assertThat(title("<title>Neue Tram für die Stadt | Beispiel Blog</title>", body).value())
                .isEqualTo("Neue Tram für die Stadt");
        assertThat(title("<title>Beispiel Blog</title>", "<div id=\"page\"><header><h1>Beispiel Blog</h1>"
                + "<nav>Menu</nav></header><h1>Neue Tram</h1></div>").value()).isEqualTo("Neue Tram");
    }

    @Test
    void takesAnH2PostTitleWhenTheOnlyH1IsTheSiteName() {
        String body = "<div id=\"header\"><h1 class=\"logo\">Muffin Rezepte</h1></div>"
                + "<div class=\"post\"><div class=\"title\"><h2>Muffin Grundrezept</h2></div><p>Text</p></div>";

        assertThat(title("<title>Muffin Grundrezept : Muffin Rezepte</title>", body).value())
                .isEqualTo("Muffin Grundrezept");
    }

    @Test
    void anUnmarkedH1ThatOnlyRepeatsTheSiteNameOfTheTitleIsNotTheHeadline() {
        Field<String> title = title("<title>Neue Tram für die Stadt |  ExampleNews Blog</title>",
                "<div id=\"top\"><div><h1>ExampleNews Blog</h1></div></div><div><p>Text</p></div>");

        assertThat(title).isEqualTo(new Field<>("Neue Tram für die Stadt", "title"));
        // a headline that names the site's brand still agrees with the headline part of the title
        assertThat(title("<title>Tram | ExampleNews</title>", "<h1>Unsere ExampleNews Tram</h1>").value())
                .isEqualTo("Unsere ExampleNews Tram");
    }

    @Test
    void ignoresAHeadingThatDisagreesWithTheDeclaredHeadline() {
        Field<String> title = title("<meta property=\"og:title\" content=\"Stadtrat beschließt neue Tramlinie\">",
                "<h1>Aktuelles</h1><h1>Veranstaltungen</h1><p>Text</p>");

        assertThat(title).isEqualTo(new Field<>("Stadtrat beschließt neue Tramlinie", "meta:og:title"));
    }

    @Test
    void dropsAKickerMarkedInTheHeading() {
        Field<String> title = title("<title>Stadtrat beschließt Tram</title>",
                "<article><h1><span class=\"kicker\">Verkehr</span> Stadtrat beschließt Tram</h1></article>");

        assertThat(title.value()).isEqualTo("Stadtrat beschließt Tram");
    }

    @Test
    void dropsAKickerThatNoDeclaredTitleStates() {
        Field<String> title = title("<meta property=\"og:title\" content=\"Stadtrat beschließt die Tram\">"
                        + "<title>Stadtrat beschließt die Tram | Beispiel</title>",
                "<article><h1><span>Verkehrswende</span> Stadtrat beschließt die Tram</h1></article>");

        assertThat(title.value()).isEqualTo("Stadtrat beschließt die Tram");
    }

    @Test
    void aDeclaredTitleThatIsOnlyTheSiteNameGivesWayToTheHeading() {
        Field<String> title = title("<title>Anwalt Niemeyer</title>"
                        + "<meta property=\"og:site_name\" content=\"Anwalt Niemeyer\">",
                "<div class=\"jumbotron\"><h1>Willkommen!</h1></div>");

        assertThat(title).isEqualTo(new Field<>("Willkommen!", "h1"));
    }

    @Test
    void whenEveryDeclaredTitleIsTheSiteNameTheFirstH2BeforeTheTextIsTheHeadline() {
        String body = "<div class=\"page-heading\"><h1></h1></div><div class=\"content\"><h2>Tram replaced by buses"
                + "</h2><p>" + "Between the two stations buses run instead of the tram on Sunday. ".repeat(3) + "</p>"
                + "<h2>Further information</h2></div>";

        assertThat(title("<title>Example News -</title>", body)).isEqualTo(new Field<>("Tram replaced by buses", "h2"));
        assertThat(title("<title>Example News -</title>", "<p>" + "Buses run instead of the tram. ".repeat(6)
                + "</p><h2>Further information</h2>").value()).isEqualTo("Example News");
    }

    @Test
    void takesNoSectionHeadingAfterTheArticleTextAsTheTitle() {
        String intro = "<p>" + "Der Stadtrat hat lange über die Tram beraten und am Dienstag entschieden. ".repeat(3)
                + "</p>";
        Field<String> title = title("<title>Stadtrat beschließt die Tram | Example News</title>",
                "<div class=\"post\">" + intro + "<h2>Die Tram kommt</h2><p>Mehr Text.</p></div>");

        assertThat(title).isEqualTo(new Field<>("Stadtrat beschließt die Tram", "title"));
    }

    @Test
    void ofSeveralH2sOnlyThoseBeforeTheArticleTextAreCandidates() {
        String intro = "<p>" + "Der Stadtrat hat lange über die Tram beraten und am Dienstag entschieden. ".repeat(3)
                + "</p>";
        String head = "<title>Stadtrat beschließt die Tram | Example News</title>";

        // the heading after the text states more of the title, but is a section heading
        assertThat(title(head, "<h2>Newsletter</h2><div><h2>Stadtrat beschließt Tram</h2></div>" + intro
                + "<h2>Stadtrat beschließt die Tram heute</h2>"))
                .isEqualTo(new Field<>("Stadtrat beschließt Tram", "h2"));
        // with none before the text, the declared title stands
        assertThat(title(head, "<h2>Newsletter</h2>" + intro + "<h2>Stadtrat beschließt die Tram heute</h2>"))
                .isEqualTo(new Field<>("Stadtrat beschließt die Tram", "title"));
    }

    @Test
    void aHeadlineMarkedByMicrodataIsADeclaredTitle() {
        // a CMS that puts the article title in an <h2 itemprop=headline> and only the section in <title>
        String article = "<main><div itemscope itemtype=\"https://schema.org/Article\"><div class=\"page-header\">"
                + "<h2 itemprop=\"headline\">Schreiben Sie für Ihre Leser</h2></div>"
                + "<div itemprop=\"articleBody\"><p>Text</p></div></div></main>";
        String head = "<title>Der Stil - example-news.de - Webdesign</title>";

        assertThat(title(head, article)).isEqualTo(new Field<>("Schreiben Sie für Ihre Leser", "itemprop:headline"));
        // a teaser's headline in an aside is another article's
        assertThat(title(head, "<aside><div itemscope itemtype=\"https://schema.org/Article\">"
                + "<h2 itemprop=\"headline\">Schreiben Sie für Ihre Leser</h2></div></aside><p>Text</p>").value())
                .isEqualTo("Der Stil - example-news.de - Webdesign");
    }

    @Test
    void aPostTitleNamedBlogTitleIsNotTheLogo() {
        Field<String> title = title("<meta property=\"og:title\" content=\"Kindle startet nicht mehr | Notizen\">",
                "<article><h1 class=\"blog-title\">Kindle startet nicht mehr</h1><p>Text</p></article>");

        assertThat(title).isEqualTo(new Field<>("Kindle startet nicht mehr", "h1"));
    }

    @Test
    void normalizesLatin1TextAsTheUnicodeFolding() {
        char[] others = {'\u00A0', '\u00AB', '\u00AD', '\u00B5', '\u00BD', '\u2013', '\u2019', '\u201C', '\u0301',
            '\uFB01', '\u0130', '\u212A'};
        Random random = new Random(37);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                int kind = random.nextInt(8);
                text.append(kind == 0 ? others[random.nextInt(others.length)]
                        : kind < 4 ? (char) (random.nextInt(256)) : (char) (random.nextInt(95) + 32));
            }
            String value = text.toString();
            assertThat(TitleChooser.normalize(value)).as(value).isEqualTo(TitleChooser.normalizeByUnicode(value));
        }
    }

    @Test
    void splitsAtSeparatorsAsTheExpressionAlone_onlyReadingItWhereItMayMatch() {
        assertThat(TitleChooser.segments("Covid-19: neue Regeln ab Montag")).containsExactly(
                "Covid-19: neue Regeln ab Montag");
        assertThat(TitleChooser.segments("Neue Regeln : Beispiel|Zeitung")).containsExactly(
                "Neue Regeln", "Beispiel", "Zeitung");
        String[] parts = {" ", "\t", "\n", "\u000B", "\u00A0", "|", "-", "\u2013", "\u2014", "\u00B7", "\u2022",
            "\u00BB", "\u00AB", ":", "~", "/", "\u2502", "<", ">", "::", "//", ">>", "<<", "a", "Tram", "19", ".",
            "\u00E9"};
        Random random = new Random(41);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String value = text.toString();
            assertThat(TitleChooser.segments(value)).as(value).isEqualTo(TitleChooser.segmentsByRegex(value));
        }
    }
}
