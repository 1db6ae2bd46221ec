package newsroom.extract.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Generic vocabularies of class and id names: words that mark boilerplate (share, social, related, newsletter,
 * comment, promo, advert, sidebar …) and words that mark content (article, body, content, story, entry, text …).
 * No site's own class names belong here.
 */
final class ClassNameHints {

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

    private ClassNameHints() {
    }

    /** Whether class and id names say boilerplate and nothing says content. */
    static boolean isUnlikely(String classAndId) {
        return UNLIKELY.matcher(classAndId).find() && !MAYBE_CANDIDATE.matcher(classAndId).find();
    }

    /** +25 for each of class and id that names content, −25 for each that names boilerplate. */
    static double weight(Element element) {
        double weight = 0;
        for (String name : List.of(element.className(), element.id())) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                weight += 25;
            }
        }
        return weight;
    }
}
