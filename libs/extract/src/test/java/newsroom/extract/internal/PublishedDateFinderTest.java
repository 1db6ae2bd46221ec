package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import newsroom.extract.ArticleDate;
import newsroom.extract.Field;

class PublishedDateFinderTest {

    /** "Now" for every test: plausibility must not depend on the day the tests run. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2023-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String PROSE = "<p>The city council voted to expand the tram network by twelve kilometres, "
            + "a decision that ends a debate of more than ten years and that many residents had waited for.</p>";

    private static PublishedDateFinder.Dates find(String lang, String head, String body, String url) {
        Document document = Jsoup.parse("<html lang=\"" + lang + "\"><head>" + head + "</head><body>" + body
                + "</body></html>", url == null ? "" : url);
        Map<String, List<String>> meta = new LinkedHashMap<>();
        for (Element element : document.select("meta[content]")) {
            String key = element.hasAttr("property") ? element.attr("property")
                    : element.hasAttr("name") ? element.attr("name") : element.attr("itemprop");
            meta.computeIfAbsent(key.toLowerCase(Locale.ROOT).strip(), k -> new ArrayList<>())
                    .add(element.attr("content"));
        }
        return PublishedDateFinder.find(document, meta, url, NOW);
    }

    private static Optional<String> published(String lang, String head, String body) {
        return find(lang, head, body, null).published().map(f -> f.value() + " " + f.origin());
    }

    private static String ld(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    // ---- sources

    @Test
    void readsDatePublishedOfAnyJsonLdType_insideGraph() {
        assertThat(published("en", ld("{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\"},"
                + "{\"@type\":\"MedicalWebPage\",\"datePublished\":\"2020-06-04T09:00:00+02:00\"}]}"), "<h1>x</h1>"))
                .contains("2020-06-04T09:00:00+02:00 json-ld:MedicalWebPage.datePublished");
    }

    @Test
    void prefersTheArticleObjectOverAVideoNestedInIt() {
        assertThat(published("en", ld("{\"@type\":\"NewsArticle\",\"video\":{\"@type\":\"VideoObject\","
                + "\"datePublished\":\"2019-01-01\"},\"datePublished\":\"2020-06-04T09:00:00Z\"}"), ""))
                .contains("2020-06-04T09:00:00Z json-ld:NewsArticle.datePublished");
    }

    @Test
    void readsAMultiTokenItemprop() {
        assertThat(published("en", "<meta itemprop=\"datePublished dateCreated\" content=\"2020-06-04\">", ""))
                .contains("2020-06-04T00:00:00 meta:datepublished datecreated");
    }

    @Test
    void readsRdfaDublinCoreAttributesOutsideMeta() {
        assertThat(published("de", "", "<span property=\"dc:date dc:created\" content=\"2020-06-04T10:00:00+02:00\">"
                + "</span>")).contains("2020-06-04T10:00:00+02:00 property:dc:date dc:created");
    }

    @Test
    void readsAnOpenGraphTimeWrittenInWords_withItsZone() {
        assertThat(published("en", "<meta property=\"article:published_time\" "
                + "content=\"November 19, 2019, 07:47 PM EST\">", ""))
                .contains("2019-11-19T19:47:00-05:00 meta:article:published_time");
    }

    @Test
    void readsTheDateShownUnderTheHeadline_inGerman() {
        assertThat(published("de", "", "<article><h1>Neue Straßenbahn</h1><p class=\"meta\">Veröffentlicht am "
                + "4. Juni 2020</p>" + PROSE + "</article>")).contains("2020-06-04T00:00:00 text:byline");
    }

    @Test
    void readsTheDateShownUnderTheHeadline_inPolish() {
        assertThat(published("pl", "", "<h1>Nowa linia tramwajowa</h1><span>4 czerwca 2020</span>" + PROSE))
                .contains("2020-06-04T00:00:00 text:byline");
    }

    @Test
    void onAPageWithoutH1TheH2ThatIsTheTitleIsTheHeadline() {
        // the site's date of today stands above; the article's date is written under its <h2> headline
        String body = "<div class=\"top\"><a href=\"#\">June 15, 2023</a></div><div><h2>Most read</h2></div>"
                + "<h2>Council Votes For The Tram, Mayor Says</h2><span>Published On June 12, 2023 01:52 PM</span>"
                + PROSE;

        assertThat(published("en", "<meta property=\"og:title\" content=\"Council votes for the tram, mayor "
                + "says\">", body)).contains("2023-06-12T13:52:00 text:byline");
        // an <h2> that is no declared title leads to no shown date; the first date of the page is not taken
        assertThat(published("en", "<meta property=\"og:title\" content=\"Something else\">", body)).isEmpty();
    }

    @Test
    void readsTheMicrodataDateOfTheArticlesOwnAside_insideAMainNamedForItsLayout() {
        String meta = "<aside class=\"meta\"><p>By Ana Lima</p><time itemprop=\"datePublished\" "
                + "datetime=\"2023-06-12T11:45:00+02:00\">12 Jun 2023</time></aside>";
        String related = "<aside><time itemprop=\"datePublished\" datetime=\"2023-06-01\">1 Jun 2023</time></aside>";

        assertThat(published("en", "", "<main class=\"page with-navigation\"><article><h1>Council votes for the "
                + "tram</h1>" + meta + PROSE + "</article></main>" + related))
                .contains("2023-06-12T11:45:00+02:00 itemprop:datePublished");
        // an aside outside the article, or one named as related, is another article's
        assertThat(published("en", "", "<main><article><h1>Council votes for the tram</h1>" + PROSE + "</article>"
                + related + "</main>")).isEmpty();
        assertThat(published("en", "", "<article><h1>Council votes for the tram</h1>"
                + meta.replace("\"meta\"", "\"related\"") + PROSE + "</article>")).isEmpty();
    }

    @Test
    void ignoresDatesInsideProse() {
        assertThat(published("en", "", "<h1>Council expands tram network</h1><p>The tram network, first opened on "
                + "4 June 1995, will grow by twelve kilometres; the council said so on Tuesday after a long debate "
                + "that ended more than ten years of planning.</p>")).isEmpty();
    }

    @Test
    void ignoresTimesInSidebarsAndComments_takesTheOneInTheArticle() {
        assertThat(published("en", "", "<aside><time datetime=\"2018-01-01\">1 Jan 2018</time></aside>"
                + "<div class=\"related-posts\"><time datetime=\"2018-02-02\"></time></div>"
                + "<article><h1>Council expands</h1>" + PROSE + "<time datetime=\"2020-06-04T10:00:00Z\"></time>"
                + "</article><div class=\"comments\"><time datetime=\"2021-01-01\"></time></div>"))
                .contains("2020-06-04T10:00:00Z time[datetime]");
    }

    @Test
    void fallsBackToTheDateInTheUrl() {
        assertThat(find("en", "", "<h1>Trams</h1>" + PROSE, "https://example.com/news/2020/06/04/trams/")
                .published().map(f -> f.value() + " " + f.origin())).contains("2020-06-04T00:00:00 url");
    }

    @Test
    void readsTheUrlDayAsTheNormalizerDoes_compactToo_butAYearAndMonthIsNoPublicationDay() {
        assertThat(find("en", "", "<h1>Trams</h1>" + PROSE, "https://example.com/news/20200604/trams.html")
                .published().map(f -> f.value() + " " + f.origin())).contains("2020-06-04T00:00:00 url");
        // the normalizer's last resort takes /2020/06/ as June 1st; as a page's own date it would be a wrong day
        assertThat(find("en", "", "<h1>Trams</h1>" + PROSE, "https://example.com/news/2020/06/trams/")
                .published()).isEmpty();
    }

    // ---- choosing

    @Test
    void prefersPublishedOverModified() {
        PublishedDateFinder.Dates dates = find("en", "<meta property=\"article:modified_time\" "
                + "content=\"2021-01-01T00:00:00Z\"><meta property=\"article:published_time\" "
                + "content=\"2020-06-04T00:00:00Z\">", "", null);
        assertThat(dates.published().map(Field::origin)).contains("meta:article:published_time");
        assertThat(dates.modified().map(Field::origin)).contains("meta:article:modified_time");
    }

    @Test
    void usesModifiedOnlyWhenThePageStatesNothingElse() {
        assertThat(published("en", "<meta property=\"article:modified_time\" content=\"2021-01-01T00:00:00Z\">", ""))
                .contains("2021-01-01T00:00:00Z meta:article:modified_time");
    }

    @Test
    void takesTheMachineReadableDateThatAgreesWithTheShownDay() {
        assertThat(published("de", ld("{\"@type\":\"Article\",\"datePublished\":\"2021-12-06 14:36\"}")
                        + "<meta property=\"article:published_time\" content=\"2022-12-15T09:13:00\">",
                "<h1>Weihnachten nicht zunehmen</h1><span>Tina K.</span> <span>15.12.2022</span>" + PROSE))
                .contains("2022-12-15T09:13:00 meta:article:published_time");
    }

    @Test
    void prefersThePublishedDateAmongSeveralShown() {
        assertThat(published("de", "<meta property=\"article:modified_time\" content=\"2022-12-29T15:00:00+01:00\">"
                        + "<meta property=\"article:published_time\" content=\"2022-12-30T07:00:00+01:00\">",
                "<h1>Fünf HR-Trends 2023</h1><p>Arne S. | 29. Dezember 2022 30. Dezember 2022 | HR-Welt</p>" + PROSE))
                .contains("2022-12-30T07:00:00+01:00 meta:article:published_time");
    }

    @Test
    void showsTheLocalDay_whenAUtcTimestampIsOneDayOff() {
        assertThat(published("es", ld("{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-04T02:41:00Z\"}"),
                "<h1>Investigador chileno asegura</h1><span>3 de mayo de 2022</span>" + PROSE))
                .contains("2022-05-03T00:00:00 text:byline");
    }

    @Test
    void keepsADateWithALocalOffset_whenAShownDateFarBelowIsOneDayOff() {
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            filler.append("<div>Headline of another story number ").append(i).append("</div>");
        }
        assertThat(published("es", ld("{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-03T22:46:08-03:00\"}"),
                "<h1>Aumenta la ofensiva</h1>" + filler + "<span>4 de mayo de 2022</span>"))
                .contains("2022-05-03T22:46:08-03:00 json-ld:NewsArticle.datePublished");
    }

    @Test
    void takesATimeThatAgreesWithTheShownDay_overAPublishedDateThatDoesNot() {
        assertThat(published("de", "<meta property=\"article:published_time\" content=\"2022-11-17T10:33:13Z\">",
                "<h1>Eignet sich eine Wärmepumpe im Altbau?</h1><ul><li>von A. Rosenkranz</li>"
                        + "<li><time datetime=\"2022-03-09\">09.03.2022</time></li></ul>" + PROSE))
                .contains("2022-03-09T00:00:00 time[datetime]");
    }

    @Test
    void takesATimeAboveTheHeadline_thatAgreesWithTheShownDay_afterTheTimesBelowIt() {
        // the times are read in page order: after the headline, then above it, then anywhere; a time above the
        // headline is read only when none after it agrees with the day shown
        String head = "<meta property=\"article:published_time\" content=\"2022-11-17T10:33:13Z\">";
        String above = "<div><time datetime=\"2022-03-09T08:00:00\">vor 2 Tagen</time></div>";
        String shown = "<h1>Eignet sich eine Wärmepumpe im Altbau?</h1><p>von A. Rosenkranz, 09.03.2022</p>";

        assertThat(published("de", head, above + shown + PROSE)).contains("2022-03-09T08:00:00 time[datetime]");
        assertThat(published("de", head, above + shown.replace("</p>", " <time datetime=\"2022-03-09T10:15:00\">"
                + "09.03.</time></p>") + PROSE)).contains("2022-03-09T10:15:00 time[datetime]");
        // a time above of another day: the published date stands, as with no time at all
        assertThat(published("de", head, above.replace("03-09", "03-08") + shown + PROSE))
                .contains("2022-11-17T10:33:13Z meta:article:published_time");
    }

    @Test
    void theDateBesideAMastheadHeadingIsNotTheArticlesShownDate() {
        String masthead = "<header><h1><a href=\"/\">The Springfield Courier</a></h1><span>Wednesday, June 14, "
                + "2023</span></header>";
        String article = "<article><h1>Council votes for the tram</h1><p>By Ana Lima June 12, 2023 7:04 pm ET</p>"
                + PROSE + "</article>";

        assertThat(published("en", "<meta property=\"article:published_time\" content=\"2023-06-13T00:04:00Z\">",
                masthead + article)).contains("2023-06-12T19:04:00 text:byline");
        // with no other <h1>, the masthead's still leads to the date shown near it
        assertThat(published("en", "", "<header><h1><a href=\"/\">The Springfield Courier</a></h1></header>"
                + "<p>Posted: 2023-06-12 15:24</p>" + PROSE)).contains("2023-06-12T15:24:00 text:byline");
    }

    @Test
    void theShownTimeWithItsZoneGivesTheLocalDay_whenATimestampNamesTheSameMoment() {
        // the JSON-LD writes the UTC clock time with the local offset; the meta tag and the byline agree on the moment
        String head = ld("{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-06-13T04:31:13-06:00\"}")
                + "<meta property=\"article:published_time\" content=\"2023-06-13T04:31:13+00:00\">";
        String body = "<h1>Council votes for the tram</h1><div class=\"author_date\">Ana Lima - Jun 12, 2023, 10:31 pm "
                + "CST</div>" + PROSE;

        assertThat(published("en", head, body)).contains("2023-06-12T22:31:00-06:00 text:byline");
        // without a timestamp of that moment, the article's own date stands
        assertThat(published("en", head.substring(0, head.indexOf("<meta")), body))
                .contains("2023-06-13T04:31:13-06:00 json-ld:NewsArticle.datePublished");
    }

    @Test
    void keepsThePublishedDate_whenTheShownDateAgreesWithNothing() {
        assertThat(published("de", "<meta property=\"article:published_time\" content=\"2022-11-17T10:33:13Z\">",
                "<h1>Konzert-Highlights im November</h1><span>Konzert am 02.12.2022</span>" + PROSE))
                .contains("2022-11-17T10:33:13Z meta:article:published_time");
    }

    @Test
    void refusesImplausibleDates() {
        assertThat(published("en", "<meta property=\"article:published_time\" content=\"9999-12-31T00:00:00Z\">"
                + "<meta name=\"date\" content=\"1970-01-01\">", "<h1>Trams</h1>")).isEmpty();
        assertThat(published("en", "<meta property=\"article:published_time\" content=\"2023-06-17T00:00:00Z\">",
                "")).isEmpty();
        assertThat(published("en", "<meta property=\"article:published_time\" content=\"2023-06-16T10:00:00Z\">",
                "")).contains("2023-06-16T10:00:00Z meta:article:published_time");
    }

    @Test
    void readsSlashDatesByThePageLanguage() {
        String body = "<h1>Council expands tram network</h1><span>04/06/2020</span>" + PROSE;
        assertThat(published("de", "", body)).contains("2020-06-04T00:00:00 text:byline");
        assertThat(published("en-US", "", body)).contains("2020-04-06T00:00:00 text:byline");
    }

    @Test
    void readsSlashDatesInMetadataMonthFirst() {
        assertThat(published("de", "<meta name=\"date\" content=\"03/01/2023 12:43:42\">", ""))
                .contains("2023-03-01T12:43:42 meta:date");
    }

    @Test
    void reportsNoDateForAPageWithout() {
        PublishedDateFinder.Dates dates = find("en", "", "<h1>Trams</h1>" + PROSE, "https://example.com/trams");
        assertThat(dates.published()).isEmpty();
        assertThat(dates.modified()).isEmpty();
    }

    @Test
    void keepsTheZoneOfTheChosenDate() {
        Optional<Field<ArticleDate>> date = find("en", ld("{\"@type\":\"BlogPosting\",\"datePublished\":"
                + "\"2020-06-04T19:47:00-05:00\"}"), "", null).published();
        assertThat(date.flatMap(f -> f.value().offsetDateTime()).map(Object::toString))
                .contains("2020-06-04T19:47-05:00");
    }
}
