package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.extract.Field;

/** The author rules of {@link AuthorFinder}, each on a small inline page read through {@link MetadataExtractor}. */
class AuthorFinderTest {

    private static final String URL = "https://www.beispiel-zeitung.de/lokales/tram.html";

    private static Optional<Field<List<String>>> authors(String head, String body) {
        String html = "<!doctype html><html><head><title>Tram</title>" + head + "</head><body>" + body
                + "</body></html>";
        return MetadataExtractor.read(Jsoup.parse(html, URL), URL).metadata().authors();
    }

    private static List<String> names(String head, String body) {
        return authors(head, body).map(Field::value).orElse(List.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "By Max Mustermann|Max Mustermann",
            "Von Max Mustermann, 4. Juni 2020|Max Mustermann",
            "Par Marie Dupont|Marie Dupont",
            "Door Jan de Vries|Jan de Vries",
            "Autor: Max Mustermann|Max Mustermann",
            "Autorin: Erika Musterfrau (Redakteurin)|Erika Musterfrau",
            "View all posts by Daniel Lemire|Daniel Lemire",
            "Posted by Daniel Lemire on 12 May 2020|Daniel Lemire",
            "Zeige alle Beiträge von Petra Ruland|Petra Ruland",
            "von Alexander Rosenkranz 09.03.2022|Alexander Rosenkranz",
            "Text: Ursula Eggers|Ursula Eggers",
            "By James Whittaker - May 4, 2022|James Whittaker",
            "—— by Max Mustermann|Max Mustermann",
            "• Von Max Mustermann|Max Mustermann",
            "By Max Mustermann Monday, November 18, 2019, 04:05 pm PT|Max Mustermann",
            "By NEWS DESK NOVEMBER 20, 2019 10:43|NEWS DESK",
            "by June Mustermann Nov. 4, 2019|June Mustermann",
            "Analysis by Max Mustermann, Editor-at-large|Max Mustermann",
            "Текст: Вера Иванова|Вера Иванова"})
    void stripsBylineWordsAndDatesFromAVisibleByline(String byline, String name) {
        assertThat(authors("", "<article><h1>Tram</h1><div class=\"byline\">" + byline + "</div><p>Text</p>"
                + "</article>")).contains(new Field<>(List.of(name), "byline"));
    }

    @Test
    void skipsTheAuthorOfAReviewOrImageInJsonLd_however_itsTypeIsWritten() {
        String article = "{\"@type\":\"WebPage\",\"author\":{\"@type\":\"Person\",\"name\":\"Max Mustermann\"}}";
        for (String type : List.of("\"Review\"", "[\"CreativeWork\",\"ImageObject\"]", "\"Criti\\\"cReview\"",
                "\"Comment\\u0001\"")) {
            String other = "{\"@type\":" + type + ",\"author\":{\"@type\":\"Person\",\"name\":\"Erika Musterfrau\"}}";
            assertThat(names("<script type=\"application/ld+json\">[" + other + "," + article + "]</script>", ""))
                    .as(type).containsExactly("Max Mustermann");
        }
    }

    @Test
    void findsABylineByItsTextWhenNoElementIsNamedForIt() {
        assertThat(authors("", "<article><h1>Tram</h1><p><em>Von Leonora Holling (21. November 2022)</em></p>"
                + "<p>Der Stadtrat hat beschlossen.</p></article>"))
                .contains(new Field<>(List.of("Leonora Holling"), "byline-text"));
        assertThat(names("", "<p>Von Montag bis Freitag geöffnet.</p>")).isEmpty();
    }

    @Test
    void aBylineTextEndsAtOnAndAWrittenDate() {
        assertThat(authors("", "<article><h1>Tram</h1><p class=\"article__meta\">By <a href=\"/staff/ana/\">Ana Lima"
                + "</a> on Monday, November 18th, 2019 at 11:04 a.m.</p><p>The council decided.</p></article>"))
                .contains(new Field<>(List.of("Ana Lima"), "byline-text"));
    }

    @Test
    void aBylineTextMayStartWithDashesOrBullets() {
        assertThat(authors("", "<h1>Tram</h1><div><strong><em>---- by Leonora Holling</em></strong></div>"
                + "<p>The council decided.</p>")).contains(new Field<>(List.of("Leonora Holling"), "byline-text"));
        assertThat(names("", "<p>— by the way, the tram runs late.</p>")).isEmpty();
    }

    @Test
    void aFirstNameAloneInTheMetadataIsSpelledOutByTheBylineText() {
        String body = "<article><p><strong>Eine Kolumne von Nils Berg</strong></p><p>Der Stadtrat hat beschlossen.</p>"
                + "</article>";

        assertThat(authors("<meta name=\"author\" content=\"Nils\">", body))
                .contains(new Field<>(List.of("Nils Berg"), "byline-text"));
        assertThat(names("<meta name=\"author\" content=\"Nils\">", body.replace("Nils Berg", "Tom Berg")))
                .containsExactly("Nils");
    }

    @Test
    void aLayoutClassThatSaysTheSidebarIsOnDoesNotMakeTheArticleASidebar() {
        String page = "<div class=\"post-wrap sidebar-on sidebar-right\"><article><p>Von Lisa Petrich</p>"
                + "<p>Der Stadtrat hat beschlossen.</p></article></div>";

        assertThat(names("", page)).containsExactly("Lisa Petrich");
        assertThat(names("", page.replace("sidebar-on sidebar-right", "sidebar"))).isEmpty();
    }

    @Test
    void aBylineWordInsideALongParagraphReadsTheNameFromTheRestOfItsLine() {
        String notes = "Quelle: Pressedienst der Stadt, Rechtsnews für Ihre Homepage<br>Symbolbild: Archiv<br>"
                + "Der Stadtrat hat am Dienstag lange über die neue Tramlinie beraten und sie dann beschlossen.<br>";

        assertThat(authors("", "<article><div>" + notes + "Autor: <a href=\"/anwalt/\">Rechtsanwalt</a> Sebastian"
                + " Beispiel<br>Weitere Hinweise folgen.</div></article>"))
                .contains(new Field<>(List.of("Sebastian Beispiel"), "byline-text"));
        assertThat(names("", "<article><div>" + notes + "Autor:<br>Weitere Hinweise folgen für alle Leser.</div>"
                + "</article>")).isEmpty();
    }

    @Test
    void theArticlesOwnFooterMayHoldItsByline_thePagesFooterDoesNot() {
        assertThat(names("", "<article><p>Der Stadtrat hat beschlossen.</p><footer class=\"article-meta\">"
                + "<p class=\"article-author\">Lisa Petrich</p></footer></article>")).containsExactly("Lisa Petrich");
        assertThat(names("", "<article><p>Der Stadtrat hat beschlossen.</p></article><footer>"
                + "<p class=\"article-author\">Lisa Petrich</p></footer>")).isEmpty();
    }

    @Test
    void digitsInsideAHandleAreNotADateThatEndsTheName() {
        assertThat(names("", "<div class=\"author-name\">mimi8090</div>")).containsExactly("mimi8090");
        // the site's name is not a handle of a person: it is taken only as the site's own claim, behind every person
        assertThat(authors("<meta name=\"application-name\" content=\"Beispiel24\">"
                + "<meta name=\"author\" content=\"Beispiel24\">", ""))
                .contains(new Field<>(List.of("Beispiel24"), "meta:author:site"));
    }

    @Test
    void aNameRightAfterAPhotoLabelIsThePhotographer() {
        String byline = "<p>Text</p><div class=\"author\">Von Tom Weber</div></article>";

        assertThat(names("", "<article><h1>Neue Tram</h1><div class=\"credit\"><strong>FOTO:</strong> "
                + "<p class=\"autor\">Ana Lima</p></div>" + byline)).containsExactly("Tom Weber");
        assertThat(names("", "<article><h1>Neue Tram</h1><p>Foto: <span class=\"author\">Ana Lima</span></p>"
                + byline)).containsExactly("Tom Weber");
        // a text credit before the name is the author's
        assertThat(names("", "<article><h1>Neue Tram</h1><p>Text: <span class=\"author\">Ana Lima</span></p>"
                + byline)).containsExactly("Ana Lima");
    }

    @Test
    void theSiteNameGluedOnAfterAFullStopIsDropped() {
        String site = "<meta name=\"twitter:site\" content=\"@BeispielZtg\">";

        assertThat(names(site + "<meta name=\"author\" content=\"Tom Weber. Beispiel Zeitung\">", "<p>Text</p>"))
                .containsExactly("Tom Weber");
        // an initial's full stop is part of the name
        assertThat(names(site + "<meta name=\"author\" content=\"Tom M. Weber\">", "<p>Text</p>"))
                .containsExactly("Tom M. Weber");
    }

    @Test
    void splitsSeveralAuthors() {
        assertThat(names("", "<div class=\"author\">Isabel Caro, Rocío Latorre y José Miguel Wilson</div>"))
                .containsExactly("Isabel Caro", "Rocío Latorre", "José Miguel Wilson");
        assertThat(names("<meta name=\"author\" content=\"Ana Lima und Tom Berg\">", ""))
                .containsExactly("Ana Lima", "Tom Berg");
    }

    @Test
    void besideAPersonTheWritersRoleOutletOrDegreeIsNoSecondAuthor() {
        assertThat(names("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
                + "{\"@type\":\"Person\",\"name\":\"By ANA LIMA, AP Auto Writer\"}}</script>", ""))
                .containsExactly("ANA LIMA");
        assertThat(names("<meta name=\"author\" content=\"Ana Lima, MS, RDN\">", "")).containsExactly("Ana Lima");
        assertThat(names("", "<p class=\"byline\">Ana Lima and Tom Berg, Associated Press</p>"))
                .containsExactly("Ana Lima", "Tom Berg");
        assertThat(names("<meta name=\"author\" content=\"Ana Lima, CNN Editor-at-large\">", ""))
                .containsExactly("Ana Lima");
        // with no person's name beside them, agencies and desks stay what the page names
        assertThat(names("", "<p class=\"byline\">AFP/The Local</p>")).containsExactly("AFP", "The Local");
    }

    @Test
    void aBylineBlockAroundTheAuthorsOwnElementIsReadThroughThatElement() {
        assertThat(names("", "<div class=\"byline-section\"><span class=\"author\">Ana Lima and Tom J. Berg</span>"
                + " Springfield Daily Courier Published 7:07 PM EST Nov 19, 2019</div>"))
                .containsExactly("Ana Lima", "Tom J. Berg");
        assertThat(names("", "<div class=\"author\"><p class=\"second-author\">Autor <span>Ana Lima:</span></p>"
                + "<p class=\"first-p-author\">Übersetzung <a href=\"/author/tom/\">Tom Berg</a>, 12.12.22</p></div>"))
                .containsExactly("Ana Lima");
        // a byline block with no named element inside is read as a whole
        assertThat(names("", "<div class=\"byline\">By <b>Ana Lima</b> | Nov 19, 2019</div>"))
                .containsExactly("Ana Lima");
    }

    @Test
    void theAuthorOfTheClaimAFactCheckReviewsIsNotThePagesAuthor() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"ClaimReview\",\"author\":{\"@type\":"
                + "\"Organization\",\"name\":\"Check Desk\"},\"itemReviewed\":{\"@type\":\"CreativeWork\","
                + "\"author\":{\"@type\":\"Person\",\"name\":\"Claim Maker\"}}}</script>";

        assertThat(authors(ld, "<article><p class=\"byline\">By Ana Lima</p><p>The claim is false.</p></article>"))
                .contains(new Field<>(List.of("Ana Lima"), "byline"));
        assertThat(names(ld, "")).isEmpty();
    }

    @Test
    void prefersJsonLdPersonNames_resolvingIdReferences() {
        String ld = "<script type=\"application/ld+json\">"
                + "{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"Tram\","
                + "\"author\":{\"@id\":\"#p1\"}},{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ana Lima\"}]}"
                + "</script><meta name=\"author\" content=\"Someone Else\">";

        assertThat(authors(ld, "")).contains(new Field<>(List.of("Ana Lima"), "json-ld:NewsArticle.author"));
    }

    @Test
    void dropsTheSiteOrAnOrganisationPosingAsAuthor_andLooksAtTheVisibleByline() {
        String head = "<meta property=\"og:site_name\" content=\"Beispiel Zeitung\">"
                + "<meta name=\"author\" content=\"Beispiel Zeitung\">"
                + "<script type=\"application/ld+json\">"
                + "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\","
                + "\"name\":\"Beispiel Verlag GmbH\"}}</script>";

        assertThat(authors(head, "<article><p class=\"meta\">Von Lisa Petrich</p></article>"))
                .contains(new Field<>(List.of("Lisa Petrich"), "byline-text"));
        assertThat(names("<meta name=\"author\" content=\"beispiel-zeitung.de\">", "")).isEmpty();
    }

    @Test
    void withNoPersonTheSiteNamedInTheAuthorMetaTagIsTheAuthor() {
        String head = "<meta property=\"og:site_name\" content=\"Windkraft Nord\">"
                + "<meta name=\"author\" content=\"Windkraft Nord\">";

        assertThat(authors(head, "<article><p>Die Anlage ist am Netz.</p></article>"))
                .contains(new Field<>(List.of("Windkraft Nord"), "meta:author:site"));
        assertThat(authors(head.replace("name=\"author\"", "name=\"dc.creator\""), "<p>Text</p>"))
                .contains(new Field<>(List.of("Windkraft Nord"), "meta:dc.creator:site"));
    }

    @Test
    void withTheSiteInTheAuthorMetaTagAJsonLdOrganisationAuthorGivesTheFullerName() {
        String head = "<meta property=\"og:site_name\" content=\"Beispiel Zeitung\">"
                + "<meta name=\"author\" content=\"Beispiel Zeitung\">"
                + "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":"
                + "{\"@id\":\"#desk\"}},{\"@type\":\"Organization\",\"@id\":\"#desk\","
                + "\"name\":\"Redaktion Beispiel Zeitung\"}]}</script>";

        assertThat(authors(head, "<article><p>Text ohne Autor.</p></article>"))
                .contains(new Field<>(List.of("Redaktion Beispiel Zeitung"),
                        "json-ld:NewsArticle.author:organization"));
    }

    @Test
    void anOrganisationThatNoAuthorMetaTagBacksIsNotTheAuthor() {
        String organisationAuthor = "<meta property=\"og:site_name\" content=\"Beispiel Zeitung\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
                + "\"Organization\",\"name\":\"Beispiel Zeitung\"},\"publisher\":{\"@type\":\"Organization\","
                + "\"name\":\"Beispiel Verlag GmbH\"}}</script>";

        assertThat(names(organisationAuthor, "<article><p>Text ohne Autor.</p></article>")).isEmpty();
        assertThat(names("<meta property=\"og:site_name\" content=\"Beispiel Zeitung\">", "<p>Text</p>")).isEmpty();
    }

    @Test
    void aPersonFoundByAnyRuleBeatsTheSiteAsAuthor() {
        String head = "<meta property=\"og:site_name\" content=\"Beispiel Zeitung\">"
                + "<meta name=\"author\" content=\"Beispiel Zeitung\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
                + "\"Organization\",\"name\":\"Redaktion Beispiel Zeitung\"}}</script>";

        assertThat(authors(head, "<article><p class=\"meta\">Von Lisa Petrich</p><p>Text</p></article>"))
                .contains(new Field<>(List.of("Lisa Petrich"), "byline-text"));
        assertThat(authors(head, "<article><p>Text</p></article><footer><p>© 2019 Sven Schreivogel</p></footer>"))
                .contains(new Field<>(List.of("Sven Schreivogel"), "copyright"));
        assertThat(authors(head.replace("\"@type\":\"Organization\",\"name\":\"Redaktion Beispiel Zeitung\"",
                "\"@type\":\"Person\",\"name\":\"Ana Lima\""), "<p>Text</p>"))
                .contains(new Field<>(List.of("Ana Lima"), "json-ld:NewsArticle.author"));
    }

    @Test
    void keepsTheOwnerOfAPersonalSiteNamedAfterThem() {
        String url = "https://www.guenter-pilger.de/mailaktion.htm";
        String html = "<html><head><meta name=\"author\" content=\"Günter Pilger\"></head><body></body></html>";

        assertThat(MetadataExtractor.read(Jsoup.parse(html, url), url).metadata().authors().orElseThrow().value())
                .containsExactly("Günter Pilger");
    }

    @Test
    void dropsPlaceholders() {
        assertThat(names("<meta name=\"author\" content=\"admin\">", "")).isEmpty();
        assertThat(names("", "<div class=\"author\">Redaktion</div>")).containsExactly("Redaktion");
        assertThat(names("", "<p>Von Redaktion Beispiel</p>")).isEmpty();
    }

    @Test
    void ignoresBylinesOfCommentsSidebarsAndTeaserLinks() {
        String body = "<aside class=\"sidebar\"><span class=\"author\">Kate May</span></aside>"
                + "<ol class=\"commentlist\"><li><cite class=\"comment-author\">Jan Beek</cite></li></ol>"
                + "<a href=\"/other\"><span class=\"teaser__autor\">Von Clara Müller</span></a>"
                + "<article><span class=\"author-name\">Lisa Petrich</span></article>";

        assertThat(names("", body)).containsExactly("Lisa Petrich");
    }

    @Test
    void aLoginHandleGivesWayToTheVisibleName() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":{\"name\":"
                + "\"arianschlichenmayer\"}}</script>";

        assertThat(names(ld, "<div class=\"post-author\">von Arian Schlichenmayer</div>"))
                .containsExactly("Arian Schlichenmayer");
        assertThat(names(ld, "<p>Text</p>")).containsExactly("arianschlichenmayer");
    }

    @Test
    void aNameSpelledOutInOneStructuredSourceWinsOverAHandleInTheOther() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\","
                + "\"name\":\"ana.lima\"}}</script>";

        assertThat(authors(ld + "<meta name=\"author\" content=\"Ana Lima\">", ""))
                .contains(new Field<>(List.of("Ana Lima"), "meta:author"));
        // an organisation's words in the meta tag are no person's name: the handle stays
        assertThat(names(ld + "<meta name=\"author\" content=\"Casa Editorial Beispiel\">", ""))
                .containsExactly("ana.lima");
    }

    @Test
    void theNameOnTheAuthorsOwnCommentIsTheLastResort() {
        String comments = "<ol class=\"commentlist\">"
                + "<li class=\"comment byuser comment-author-jan\"><div class=\"comment-author vcard\">"
                + "<b class=\"fn\">Jan Beek</b> says:</div><p>Nice.</p>"
                + "<ul class=\"children\"><li class=\"comment byuser comment-author-lpetrich bypostauthor\">"
                + "<div class=\"comment-author vcard\"><b class=\"fn\">Lisa Petrich</b> says:</div><p>Thanks!</p>"
                + "</li></ul></li></ol>";

        assertThat(authors("", "<article><p>Der Stadtrat hat beschlossen.</p></article>" + comments))
                .contains(new Field<>(List.of("Lisa Petrich"), "comment.bypostauthor"));
        assertThat(names("<meta name=\"author\" content=\"Tom Berg\">", comments)).containsExactly("Tom Berg");
        assertThat(names("", comments.replace(" bypostauthor", ""))).isEmpty();
    }

    @Test
    void aBylineTextInACardLinkingToAnotherArticleIsThatArticles() {
        String card = "<a href=\"/other-story\"><h3>Other story</h3><div class=\"summary\"><span>von Clara Müller"
                + "</span></div></a>";

        assertThat(names("", "<article><p>Der Stadtrat hat beschlossen.</p></article>" + card)).isEmpty();
        assertThat(names("", "<article><p>Der Stadtrat hat beschlossen.</p>"
                + "<a href=\"mailto:lisa@example.org\"><div class=\"rule\"></div>"
                + "<b>Von:</b> Lisa Petrich</a></article>")).containsExactly("Lisa Petrich");
    }

    @Test
    void aHandleOfNamePartsIsSpelledAsThePageWritesTheName() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\","
                + "\"name\":\"christian.beispiel\"}}</script>";

        assertThat(authors(ld, "<article><p>Der Stadtrat hat beschlossen. (Christian P. Beispiel)</p></article>"))
                .contains(new Field<>(List.of("Christian P. Beispiel"), "json-ld:NewsArticle.author"));
        assertThat(names(ld, "<article><p>Der Stadtrat hat beschlossen.</p></article>"))
                .containsExactly("christian.beispiel");
    }

    @Test
    void aVisibleBylineNamingMorePeopleWidensTheMetadata() {
        assertThat(names("<meta name=\"author\" content=\"Rudolf Fischer\">",
                "<div class=\"meta-item author\">von Rudolf Fischer, Simon Kohler</div>"))
                .containsExactly("Rudolf Fischer", "Simon Kohler");
        assertThat(names("<meta name=\"author\" content=\"Mathilda Trausch\">",
                "<div class=\"byline\">Mathilda Trausch, Online-Redaktion</div>")).containsExactly("Mathilda Trausch");
    }

    @Test
    void fallsBackToTheOnePersonACopyrightNoticeNames() {
        assertThat(authors("", "<p>Text</p><p>© 2019 Sven Schreivogel</p>"))
                .contains(new Field<>(List.of("Sven Schreivogel"), "copyright"));
        assertThat(names("", "<figure><figcaption>© Max Fotograf</figcaption></figure><p>Text</p>")).isEmpty();
    }

    @Test
    void bylineTextAndCopyrightEachPassOverTheirOwnParts_inTheOneWalkTheyShare() {
        // a notice in a part the byline search passes over (comments, a teaser card) still counts for the copyright
        assertThat(authors("", "<p>Text</p><div class=\"comments\"><p>© 2019 Sven Schreivogel</p></div>"))
                .contains(new Field<>(List.of("Sven Schreivogel"), "copyright"));
        assertThat(authors("", "<a href=\"/other\"><div>Teaser</div><p>© 2019 Sven Schreivogel</p></a>"))
                .contains(new Field<>(List.of("Sven Schreivogel"), "copyright"));
        // a byline text inside a figure, which the notice search passes over, is still a byline
        assertThat(authors("", "<figure><p>Von Max Mustermann</p></figure><p>© 2019 Sven Schreivogel</p>"))
                .contains(new Field<>(List.of("Max Mustermann"), "byline-text"));
        // two notices naming different people name nobody, wherever the byline search goes on
        assertThat(names("", "<p>© 2019 Sven Schreivogel</p><div class=\"comments\"><p>© 2020 Anna Beispiel</p>"
                + "</div><p>Text</p>")).isEmpty();
        assertThat(names("", "<p>© 2019 Sven Schreivogel</p><p>© 2020 Anna Beispiel</p><p>Von Max Mustermann</p>"))
                .containsExactly("Max Mustermann");
    }
}
