package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The word tables give the answers of the alternation regexes they replaced. */
class ClassNameHintsTest {

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|\\bads?\\b|advert|banner|breadcrumb|combx|comment|community|disqus|extra|"
                    + "footer|gdpr|consent|cookie|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
                    + "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|modal|"
                    + "newsletter|subscri|share|sharing|promo|outbrain|taboola|recommend|most-?(read|popular|viewed)|"
                    + "trending|signup|sign-up|widget|toolbar|masthead|navbar|nav-|-nav|byline|dateline|author-bio|"
                    + "tag-?list|read-?more|more-?stories|teaser|print-only|sr-only|visually-?hidden",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE_CANDIDATE = Pattern.compile(
            "and|article|body|column|content|main|shadow|story|entry|post-?text|text|embed",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose|rich-?text",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|\\bads?\\b|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|"
                    + "gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
                    + "sponsor|shopping|tags|tool|widget|social|newsletter|subscri|recommend|byline|caption|"
                    + "credit|author|timestamp|dateline",
            Pattern.CASE_INSENSITIVE);

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "ad", "ADS", "x ads y", "reads", "ads_x", "ad-slot", "top-ad-unit", "hid",
            "x HID", "hid\n", "hide", "ÄdS", "\u212Aad", "nav-main", "MostRead", "Most-Popular", "visuallyHidden",
            "tagList", "article-body comment", "Sidebar", "post-content", "sr-only", "shareİ", "ﬁlter"})
    void sameAnswersAsTheRegexes(String name) {
        assertSame(name);
    }

    @Test
    void sameAnswersOnRandomNames() {
        String[] parts = {"ad", "ads", "-", "_", " ", "hid", "nav", "most", "read", "more", "stories", "tag", "list",
                "comment", "text", "body", "A", "D", "S", "é", "\n", "x", "share", "post", "rich", "\u0301"};
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = random.nextInt(6); j > 0; j--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            assertSame(name.toString());
        }
    }

    /**
     * Names made of pieces of the vocabularies' words (a word cut at a random point, in random case), so that
     * positions share a word's first two or three characters and then go on as another word or end.
     */
    @Test
    void sameAnswersOnNamesMadeOfWordPieces() {
        String[] words = {"advert", "ad-break", "banner", "breadcrumb", "combx", "comment", "community", "com-",
                "column", "consent", "contact", "content", "cookie", "credit", "caption", "disqus", "extra", "embed",
                "entry", "foot", "footer", "footnote", "gdpr", "header", "hentry", "h-entry", "hidden", "legends",
                "menu", "media", "meta", "masthead", "main", "modal", "most-read", "mostviewed", "related", "remark",
                "replies", "recommend", "read-more", "readmore", "rich-text", "rss", "shoutbox", "sidebar", "shadow",
                "share", "sharing", "shopping", "sign-up", "signup", "skyscraper", "social", "sponsor", "story",
                "subscri", "supplemental", "sr-only", "scroll", "tags", "tag-list", "taboola", "teaser", "text",
                "timestamp", "tool", "toolbar", "trending", "nav-", "-nav", "navbar", "newsletter", "-ad-", "and",
                "article", "author", "author-bio", "body", "byline", "blog", "dateline", "post", "post-text", "prose",
                "promo", "print-only", "popup", "pager", "pagination", "outbrain", "widget", "visually-hidden"};
        String[] glue = {"", "", "", "-", " ", "_", "x", "é"};
        Random random = new Random(19);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = 1 + random.nextInt(4); j > 0; j--) {
                String word = words[random.nextInt(words.length)];
                String piece = random.nextBoolean() ? word : random.nextBoolean()
                        ? word.substring(0, random.nextInt(word.length() + 1))
                        : word.substring(random.nextInt(word.length() + 1));
                name.append(random.nextInt(4) == 0 ? piece.toUpperCase(Locale.ROOT) : piece)
                        .append(glue[random.nextInt(glue.length)]);
            }
            assertSame(name.toString());
        }
    }

    @Test
    void classAndIdAskedApartAnswerAsTheirJoinedNames() {
        String[] parts = {"ad", "ads", "-", " ", "nav", "read", "more", "comment", "text", "Side", "bar", "and", "x"};
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder className = new StringBuilder();
            StringBuilder id = new StringBuilder();
            for (int j = random.nextInt(4); j > 0; j--) {
                className.append(parts[random.nextInt(parts.length)]);
            }
            for (int j = random.nextInt(4); j > 0; j--) {
                id.append(parts[random.nextInt(parts.length)]);
            }
            String joined = className + " " + id;
            assertThat(ClassNameHints.isUnlikely(className.toString(), id.toString()))
                    .as("isUnlikely(\"%s\", \"%s\")", className, id).isEqualTo(ClassNameHints.isUnlikely(joined));
        }
    }

    @Test
    void markdownWhitespaceRunsAsTheRegexes() {
        Pattern whitespace = Pattern.compile("[\\s\\u00a0]+");
        Pattern spaces = Pattern.compile("[ \\t\\u00a0]+");
        char[] alphabet = {' ', '\t', '\n', '\r', '\f', '\u000B', '\u00a0', 'a', '\u2028', '\u3000', '\u0085'};
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = text.toString();
            assertThat(MarkdownWriter.collapseRuns(s, true)).isEqualTo(whitespace.matcher(s).replaceAll(" "));
            assertThat(MarkdownWriter.collapseRuns(s, false)).isEqualTo(spaces.matcher(s).replaceAll(" "));
        }
    }

    @Test
    void captionNamesAsTheRegex() {
        Pattern caption = Pattern.compile("caption|credit", Pattern.CASE_INSENSITIVE);
        String[] parts = {"cap", "tion", "CAP", "TION", "cred", "it", "IT", "ı", "K", "-", " ", "x", "photo"};
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = random.nextInt(5); j > 0; j--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            assertThat(ClassNameHints.namesCaption(name.toString())).as("\"%s\"", name)
                    .isEqualTo(caption.matcher(name).find());
        }
    }

    private static void assertSame(String name) {
        boolean unlikely = UNLIKELY.matcher(name).find() && !MAYBE_CANDIDATE.matcher(name).find();
        assertThat(ClassNameHints.isUnlikely(name)).as("isUnlikely(\"%s\")", name).isEqualTo(unlikely);
        double weight = (NEGATIVE.matcher(name).find() ? -25 : 0) + (POSITIVE.matcher(name).find() ? 25 : 0);
        Element element = new Element("div").attr("id", name);
        assertThat(ClassNameHints.weight(element)).as("weight of id \"%s\"", name)
                .isEqualTo(name.isEmpty() ? 0 : weight);
    }
}
