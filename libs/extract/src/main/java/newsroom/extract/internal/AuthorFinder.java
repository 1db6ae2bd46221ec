package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

import newsroom.extract.Field;

/**
 * Finds the people who wrote a page, as a list of names.
 *
 * <p>Sources, first that yields a name wins: JSON-LD {@code author} of the article (then of any object), with
 * {@code @id} references resolved and {@code Organization} authors skipped; the {@code author}-style meta tags;
 * {@code rel=author} and {@code itemprop=author} elements; elements whose class names a byline or author; short texts
 * that start like a byline ("Von Max Mustermann", "By …", "Autor: …", "Text: …"); the name on the post author's own
 * comment ({@code bypostauthor}); a copyright notice; and only when none of these names a person, the site itself
 * when an author meta tag holds its declared name (see {@link #siteAsAuthor}). Elements in comments, sidebars,
 * navigation, the page's footer, teasers, cards linking elsewhere and related-article lists are not bylines of
 * this page. Between the structured sources a spelled-out name beats a handle; a handle of name parts is spelled as
 * the page writes it, a first name alone as the byline text completes it.
 *
 * <p>Every value is cleaned the same way: byline words ("By", "Von", "Par", "Door", "Autor:", "View all posts by" …)
 * removed, cut at a date, a separator or a parenthesis, split into several names at commas, "und", "and", "&amp;",
 * "/"; a piece counts as a person's name when it is one to five capitalised words (with particles like "von", "de")
 * and no word says organisation, role or team ("Redaktion", "GmbH", "e.V.", "Admin" …) and it is not the site's
 * name or domain. A single word passes only from structured sources (JSON-LD, meta tags).
 */
final class AuthorFinder {

    private static final List<String> META_KEYS = List.of("author", "article:author", "og:article:author",
            "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author",
            "cxenseparse:author");

    static final Pattern PREFIX = Pattern.compile("(?iu)^(?:(?:view|see) all (?:posts|articles) by"
            + "|all (?:posts|articles) by|more (?:posts|articles) by|posted by|written by|words by|story by"
            + "|zeige alle beiträge von|alle beiträge von|alle artikel von|mehr von|artikel von|ein beitrag von"
            + "|beitrag von|verfasst von|geschrieben von|erstellt von|text und (?:interview|fotos?)|interview"
            + "|rechtsanwalt|rechtsanwältin|fachanwalt|fachanwältin|journalist(?:in)?|reporter(?:in)?"
            + "|korrespondent(?:in)?|chefredakteur(?:in)?"
            + "|(?:ein|eine|a|an)\\s+\\p{L}{3,20}\\s+(?:von|by)"
            + "|text|autor(?:in|en|innen)?(?:\\(en\\))?|author(?:s)?|auteur(?:s)?|autore|autorka|przez|redakteur(?:in)?"
            + "|(?:analysis|commentary|opinion|reporting) by|текст|автор(?:ы)?"
            + "|by|von|vom|par|door|por|av)\\b\\s*[:：]?\\s*");
    /**
     * Where a name ends: a digit that starts a word (a date; not the digits of a handle such as "rmb8090"), an
     * English month name before a day, with its weekday and "on" ("on Monday, November 18th, 2019"; a month without
     * a number after it may be a name: "June Smith"), a separator, a parenthesis, a colon, a line of other matter.
     */
    static final Pattern NAME_END = Pattern.compile(
            "\\s*(?:(?<![\\p{L}\\p{N}])[0-9]|(?i:\\b(?:on\\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?"
                    + "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?\\s*[0-9])"
                    + "|[|•·(\\[{:@–—]|\\s-\\s|\\s-$|\\bam\\s+\\d|\\bon\\s+\\d"
                    + "|\\bsagt\\b|\\bsays\\b|\\bHace\\b"
                    + "|\\bPublished\\b|\\bUpdated\\b|\\bVeröffentlicht\\b|\\bAktualisiert\\b|\\bAlle Artikel\\b"
                    + "|\\bMehr\\b|\\bLesezeit\\b|\\bTiempo\\b|\\bFoto\\b|\\bFotos\\b|\\bBild\\b).*$",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
    /** The marks and words of which every match of {@link #NAME_END} holds one (or else a digit). */
    private static final String NAME_END_MARKS = "|\u2022\u00B7([{:@\u2013\u2014-";
    private static final List<String> NAME_END_WORDS = List.of("sagt", "says", "Hace", "Published", "Updated",
            "Veröffentlicht", "Aktualisiert", "Alle Artikel", "Mehr", "Lesezeit", "Tiempo", "Foto", "Bild");
    private static final Pattern NAME_SEPARATOR = Pattern.compile(
            "\\s*(?:,|;|&|/|\\+)\\s*|\\s+(?:und|and|y|et|e|i|en|sowie|with|mit)\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** What joins the parts of a name in a login handle. */
    private static final Pattern HANDLE_PARTS = Pattern.compile("[._-]");
    /** Dashes, bullets and quote marks a theme sets before a byline ("—— by Kenneth Surin", "· Von Max Muster"). */
    static final Pattern LEADING_MARKS = Pattern.compile("^[\\p{Pd}\\u2022\\u00B7*~>\\u00BB|\\s]+");
    private static final Pattern TRAILING_LIST_MARKS = Pattern.compile("[,;:]+$");
    private static final Pattern TRAILING_MARKS = Pattern.compile("[.,:;]+$");
    private static final Pattern NAME_WORD = Pattern.compile("(?:\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}\\.)");
    private static final Pattern DOMAIN = Pattern.compile("(?i)[\\p{L}\\p{N}-]+\\.(?:com|de|net|org|info|at|ch|pl"
            + "|eu|fr|es|it|uk|io|co|tv|fm|news|blog|online|biz|me)\\b");
    /** Lower-case words that join or prefix parts of one name. */
    private static final Set<String> PARTICLES = Set.of("von", "van", "der", "den", "de", "del", "della", "di",
            "da", "dos", "du", "le", "la", "zu", "zur", "ten", "ter", "bin", "al", "el", "vom", "y");
    /** Words that say a team, an organisation, a role or a placeholder rather than a person. */
    private static final Set<String> NOT_PERSON = Set.of("redaktion", "redaktionsteam", "onlineredaktion",
            "online-redaktion", "zentralredaktion", "chefredaktion", "redakteur", "redakteurin", "redaccion",
            "redacción", "rédaction", "redazione", "redakcja", "editorial", "editor", "editors", "staff", "team",
            "admin", "administrator", "webmaster", "gast", "guest", "anonymous", "anonym", "unknown", "newsroom",
            "desk", "agentur", "agency", "verlag", "gmbh", "ag", "e.v.", "ev", "e.v", "ltd", "ltd.", "inc", "inc.",
            "llc", "se", "kg", "mbh", "media", "medien", "news", "online", "zeitung", "magazin", "magazine", "blog",
            "presse", "pressestelle", "pressemitteilung", "foto", "fotos", "photo", "bild", "quelle", "source",
            "copyright", "dpa", "afp", "reuters", "kna", "epd", "apa", "sda", "ap", "sid", "red", "red.", "verein",
            "verband", "institut", "stiftung", "universität", "university", "gemeinde", "stadt", "kommentare",
            "comments", "kommentar", "share", "teilen", "home", "login", "anmelden", "menü", "menu", "suche",
            "search", "impressum", "kontakt", "contact", "website", "shop", "abo", "newsletter", "pressesprecher",
            "pressesprecherin", "chefredakteur", "chefredakteurin", "volontär", "volontärin", "autor", "autorin",
            "author", "mitarbeiter", "mitarbeiterin", "gründerin", "gründer", "founder", "ceo", "press", "business",
            "writer", "correspondent", "contributor", "columnist", "reporter", "the", "übersetzung",
            "übersetzer", "übersetzerin", "translation", "translator", "translated", "illustration");
    /** Class or id words of the parts of a page that name other articles' or commenters' authors. */
    private static final Pattern ELSEWHERE = Pattern.compile("(?i)(?<![\\p{L}-])(?<!has-)(?:comments?|related|sidebar"
            + "|teasers?|widgets?|footer|recommend\\w*|listing|slides?|slider|carousel|promo|newsletter|respond|reply"
            + "|popular|recent|more|also|cards?|navigation|nav|menu|breadcrumbs?|share|sharing|social"
            + "|captions?|copyright|license|bildnachweis)(?![\\p{L}])(?!-(?:on|off|left|right|active|enabled)\\b)");
    /**
     * Each word {@link #ELSEWHERE} matches holds one of these (no stem holds a space): a class or id without any of
     * them is not looked at by the regular expression.
     */
    private static final WordSearch ELSEWHERE_STEMS = WordSearch.of(List.of(
            "comment", "related", "sidebar", "teaser", "widget", "footer", "recommend", "listing", "slide", "carousel",
            "promo", "newsletter", "respond", "reply", "popular", "recent", "more", "also", "card", "nav", "menu",
            "breadcrumb", "share", "sharing", "social", "caption", "copyright", "license", "bildnachweis"));
    /** JSON-LD objects whose author is not the page's: reviews, comments, answers, images. */
    private static final Pattern NOT_PAGE_AUTHOR_TYPES = Pattern.compile(
            "(?i)review|comment|answer|question|rating|imageobject|videoobject|mediaobject|photograph");
    /** A copyright notice and the name after it. */
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)(?:^\\s*(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}"
            + "(?:\\s*[-–]\\s*\\d{4})?)?|\\b\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s+by)\\s+(?-i)(\\p{Lu}.{2,80})");
    /** Class names of captions and photo credits, whose notices name photographers. */
    private static final WordSearch CAPTION_WORDS =
            WordSearch.of(List.of("caption", "credit", "bildnachweis", "bildquelle"));
    /** Class names of date elements that sit inside bylines ("author__date"). */
    private static final Pattern DATE_NAME = Pattern.compile("(?i)date|time|datum|publish");
    /** Values of author fields that name nobody. */
    private static final Set<String> PLACEHOLDERS = Set.of("admin", "administrator", "webmaster", "user", "author",
            "autor", "autorin", "unknown", "anonymous", "anonym", "gast", "guest", "name", "editor", "root", "test",
            "wordpress", "kommentare", "comments", "share", "teilen", "more", "mehr", "quelle", "source", "foto",
            "fotos", "photo", "bild", "redaktion:", "text", "von", "by");
    private static final Pattern HANDLE = Pattern.compile("[\\p{L}][\\p{L}\\p{N}._-]{1,40}");
    /** The address of a page: not {@code mailto:}, {@code tel:}, {@code javascript:} nor an anchor on this page. */
    private static final Pattern TEASER_HREF = Pattern.compile("(?i)\\s*(?!mailto:|tel:|javascript:|#)\\S");
    /** Elements that make a link a card rather than a name. */
    private static final Set<String> TEASER_BLOCKS = Set.of("div", "p", "h2", "h3", "h4", "img", "picture", "figure",
            "article", "section");
    /** The class WordPress gives the comments the post's author wrote. */
    private static final String POST_AUTHOR_COMMENT = "bypostauthor";
    private static final int MAX_BYLINE_CHARS = 200;
    /** The words after a value's last full stop and space ("Finian Cunningham. Sputnik International"). */
    private static final Pattern LAST_SENTENCE = Pattern.compile("(?<=\\p{L}{2})\\.\\s+(\\p{Lu}[^.]*)$");
    /** The label of a photo credit written just before the photographer's name ({@code <strong>FOTO:</strong>}). */
    private static final Pattern PHOTO_LABEL = Pattern.compile("(?i)(?:fotos?|photos?|bild(?:er)?)\\s*:?");
    /**
     * The words {@link #PREFIX}'s alternatives start with, case-folded ({@link #mayStartByline});
     * {@code AuthorFinderShortcutsTest} holds the list to the expression.
     */
    static final Set<String> BYLINE_FIRST_WORDS = Set.of("view", "see", "all", "more", "posted", "written", "words",
            "story", "zeige", "alle", "mehr", "artikel", "ein", "eine", "a", "an", "beitrag", "verfasst",
            "geschrieben", "erstellt", "text", "interview", "rechtsanwalt", "rechtsanwältin", "fachanwalt",
            "fachanwältin", "journalist", "journalistin", "reporter", "reporterin", "korrespondent",
            "korrespondentin", "chefredakteur", "chefredakteurin", "autor", "autorin", "autoren", "autorinnen",
            "author", "authors", "auteur", "auteurs", "autore", "autorka", "przez", "redakteur", "redakteurin",
            "analysis", "commentary", "opinion", "reporting", "текст", "автор", "авторы", "by", "von", "vom", "par",
            "door", "por", "av");
    private static final int LONGEST_BYLINE_FIRST_WORD =
            BYLINE_FIRST_WORDS.stream().mapToInt(String::length).max().orElseThrow();
    private static final int MAX_TEXT_BYLINE_CHARS = 120;
    /** Longer raw text nodes (indentation included) cannot hold a short byline; they are not even trimmed. */
    private static final int MAX_RAW_TEXT_CHARS = 600;
    private static final int MAX_NAME_WORDS = 5;
    private static final int MAX_NAME_CHARS = 60;
    private static final int MAX_ORGANISATION_CHARS = 100;
    private static final int MAX_ORGANISATION_WORDS = 10;

    /** A login-style name: one word in lower case, or with dots or hyphens between lower-case parts. */
    static boolean isHandle(String name) {
        return !name.contains(" ") && name.equals(name.toLowerCase(Locale.ROOT));
    }

    /** Where a value comes from, which decides how strictly it must look like a name. */
    enum Source {
        /** JSON-LD or meta tags: fields meant for names, but where a CMS puts the site operator or a placeholder. */
        STRUCTURED,
        /** An element marked as author or byline: what the page shows, a username or a desk name included. */
        ELEMENT,
        /** Free text that starts like a byline: only capitalised person names of two words or more. */
        TEXT
    }

    private final SiteIdentity site;
    /**
     * The names the body's copyright notices give, collected by {@link #fromBylineText} on its walk when that found no
     * byline; null until then.
     */
    private @Nullable Set<String> notices;
    /**
     * {@link #isElsewhereHere} of the elements {@link #isElsewhere} climbed through: the byline candidates of a page
     * share most of their ancestors. One page, one finder: never kept across calls.
     */
    private final Map<Element, Boolean> elsewhereVerdicts = new IdentityHashMap<>();
    /** {@link #elementNames} of the byline candidates {@link #fromElements} read (a function of the element). */
    private final Map<Element, List<String>> namesByElement = new IdentityHashMap<>();

    private AuthorFinder(SiteIdentity site) {
        this.site = site;
    }

    /**
     * @param document the page, untouched
     * @param meta     the page's meta tags by lower-case key
     * @param ldBlocks the page's parsed JSON-LD blocks
     * @param site     the site's names, so that the site posing as author is dropped
     */
    static Optional<Field<List<String>>> find(Document document, Map<String, List<String>> meta,
            List<JsonNode> ldBlocks, SiteIdentity site) {
        return find(PageScan.of(document), document, meta, ldBlocks, site);
    }

    /** As {@link #find(Document, Map, List, SiteIdentity)}, with the byline elements a {@link PageScan} collected. */
    static Optional<Field<List<String>>> find(PageScan scan, Document document, Map<String, List<String>> meta,
            List<JsonNode> ldBlocks, SiteIdentity site) {
        AuthorFinder finder = new AuthorFinder(site);
        Optional<Field<List<String>>> fromLd = finder.fromJsonLd(ldBlocks);
        Optional<Field<List<String>>> fromMeta = finder.fromMeta(meta);
        Optional<Field<List<String>>> structured = spelledOut(fromLd, fromMeta);
        if (structured.isPresent() && !structured.get().value().stream().allMatch(AuthorFinder::isHandle)) {
            // a visible byline that names the same people and more ("Rudolf Fischer, Simon Kohler") is fuller
            Optional<Field<List<String>>> found = widest(structured, finder.fromElements(named(scan)));
            return isFirstNameOnly(found) ? found.map(f -> finder.fullName(f, document)) : found;
        }
        // a login handle ("arianschlichenmayer") in the metadata: the visible byline may spell the name out
        return finder.fromElements(scan.bylines.stream().filter(PageScan.Byline::marked)
                        .map(PageScan.Byline::element).toList())
                .or(() -> finder.fromElements(named(scan)))
                .or(() -> finder.fromBylineText(document, true))
                .or(() -> structured.map(f -> spelledHandle(f, document)))
                .or(() -> finder.fromPostAuthorComment(scan))
                .or(() -> finder.fromCopyright(document))
                .or(() -> finder.siteAsAuthor(meta, ldBlocks));
    }

    /**
     * Last of all, when no rule found a person: the site itself, when an author meta tag ({@link #META_KEYS}) holds
     * the site's declared name ({@code og:site_name}, JSON-LD publisher …), the site stating in the field meant for
     * the author that it wrote the page (a company's or an association's own article). The person rules drop such a
     * value as the site posing as author; it is taken only here, behind every person. When the page's JSON-LD also
     * names an organisation as the article's {@code author}, that name is taken instead: the same claim, made by the
     * field that says which organisation (an editorial desk rather than the site's brand).
     *
     * <p>Measured on the development set and not taken: a JSON-LD organisation {@code author} that no author meta tag
     * backs (it named the labelled author on 1 of 6 labelled pages, and a site whose article a person wrote on 3),
     * and a publisher, {@code og:site_name} or the title's site part with no author field naming the site (on the
     * pages with no person found they named sites of articles written by a person more often than the labelled
     * organisation).
     */
    private Optional<Field<List<String>>> siteAsAuthor(Map<String, List<String>> meta, List<JsonNode> blocks) {
        for (String key : META_KEYS) {
            for (String value : meta.getOrDefault(key, List.of())) {
                Optional<String> clean = organisationName(value);
                if (clean.isPresent() && site.isDeclaredName(clean.get())) {
                    return organisationFromJsonLd(blocks)
                            .or(() -> Optional.of(new Field<>(List.of(clean.get()), "meta:" + key + ":site")));
                }
            }
        }
        return Optional.empty();
    }

    /** The first organisation named as {@code author} of a JSON-LD object, the article's before any other's. */
    private static Optional<Field<List<String>>> organisationFromJsonLd(List<JsonNode> blocks) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonNode> byId = JsonLdReader.objectsById(blocks);
        for (JsonNode object : JsonLdReader.authoredObjects(blocks)) {
            if (isNotPageAuthorType(object.path("@type"))) {
                continue;
            }
            JsonNode author = object.get("author");
            for (JsonNode entry : author.isArray() ? author : List.of(author)) {
                JsonNode resolved = resolve(entry, byId);
                if (resolved.isObject() && isOrganization(resolved.get("@type"))) {
                    for (String name : JsonLdReader.texts(resolved.get("name"), "name")) {
                        Optional<String> clean = organisationName(name);
                        if (clean.isPresent()) {
                            String type = JsonLdReader.articleType(object.get("@type"))
                                    .orElse(JsonLdReader.localName(object.path("@type").asText("Thing")));
                            return Optional.of(new Field<>(List.of(clean.get()),
                                    "json-ld:" + type + ".author:organization"));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An organisation's name as a field states it, whitespace collapsed; not an address, a handle nor a placeholder.
     */
    private static Optional<String> organisationName(String raw) {
        String name = MetaText.clean(raw, true);
        if (name.isEmpty() || name.length() > MAX_ORGANISATION_CHARS || name.contains("://") || name.startsWith("@")
                || name.startsWith("www.") || PLACEHOLDERS.contains(name.toLowerCase(Locale.ROOT))
                || WHITESPACE.split(name).length > MAX_ORGANISATION_WORDS) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * A handle made of name parts ("christian.stadtfeld", "anna_lena-berg") as the page's text spells it ("Christian
     * P. Stadtfeld": the parts in order, each capitalised, a middle initial allowed between them); else the handle.
     * The page's text is read only for such a handle.
     */
    private static Field<List<String>> spelledHandle(Field<List<String>> found, Document document) {
        if (found.value().size() != 1 || document.body() == null) {
            return found;
        }
        String[] parts = HANDLE_PARTS.split(found.value().get(0));
        if (parts.length < 2 || parts.length > MAX_NAME_WORDS
                || !Arrays.stream(parts).allMatch(p -> p.length() >= 2 && p.chars().allMatch(Character::isLetter))) {
            return found;
        }
        StringBuilder name = new StringBuilder("(?<![\\p{L}])");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            name.append(i == 0 ? "" : "[\\s\\u00A0]+(?:\\p{Lu}\\.[\\s\\u00A0]+)?").append(Pattern.quote(
                    part.substring(0, 1).toUpperCase(Locale.ROOT))).append(Pattern.quote(part.substring(1)));
        }
        Matcher spelled = Pattern.compile(name.append("(?![\\p{L}])").toString()).matcher(document.body().text());
        return spelled.find() && isPersonName(spelled.group())
                ? new Field<>(List.of(spelled.group()), found.origin()) : found;
    }

    private static boolean isFirstNameOnly(Optional<Field<List<String>>> found) {
        return found.isPresent() && found.get().value().size() == 1 && !isHandle(found.get().value().get(0))
                && found.get().value().get(0).indexOf(' ') < 0;
    }

    /**
     * A first name alone ("Nils" in {@code meta name=author}) spelled out by the visible byline text when that names
     * one person by the same first name ("Eine Kolumne von Nils Pickert"); else the first name as it is.
     */
    private Field<List<String>> fullName(Field<List<String>> firstName, Document document) {
        String first = firstName.value().get(0);
        return fromBylineText(document, false)
                .filter(f -> f.value().size() == 1 && f.value().get(0).startsWith(first + " "))
                .orElse(firstName);
    }

    /**
     * JSON-LD and meta tags together: the wider of the two (see {@link #widest}), except that person names spelled out
     * ("Edilson La Rosa") win over login handles ("edilson.la.rosa") in the other source.
     */
    private static Optional<Field<List<String>>> spelledOut(Optional<Field<List<String>>> ld,
            Optional<Field<List<String>>> meta) {
        if (ld.isPresent() && meta.isPresent()) {
            if (ld.get().value().stream().allMatch(AuthorFinder::isHandle)
                    && meta.get().value().stream().allMatch(AuthorFinder::isPersonName)) {
                return meta;
            }
            if (meta.get().value().stream().allMatch(AuthorFinder::isHandle)
                    && ld.get().value().stream().allMatch(AuthorFinder::isPersonName)) {
                return ld;
            }
        }
        return widest(ld, meta);
    }

    /**
     * The name on a comment that the page marks as written by the post's author (WordPress gives such a comment the
     * class {@code bypostauthor}, and its author block a class with "author" in it): the post author's display name,
     * when the page states it nowhere else.
     */
    private Optional<Field<List<String>>> fromPostAuthorComment(PageScan scan) {
        List<PageScan.Byline> bylines = scan.bylines;
        for (int i = 0; i < bylines.size(); i++) {
            Element comment = bylines.get(i).element();
            if (!comment.hasClass(POST_AUTHOR_COMMENT)) {
                continue;
            }
            // the first author element inside the comment is its own (replies nested in it come later)
            for (int j = i + 1; j < bylines.size() && holds(comment, bylines.get(j).element()); j++) {
                String text = bylines.get(j).element().text();
                List<String> found = text.length() > MAX_BYLINE_CHARS ? List.of() : names(text, Source.ELEMENT);
                if (!found.isEmpty()) {
                    return Optional.of(new Field<>(found, "comment.bypostauthor"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Element ancestor, Element element) {
        for (Element e = element.parent(); e != null; e = e.parent()) {
            if (e == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> named(PageScan scan) {
        return scan.bylines.stream().filter(PageScan.Byline::named).map(PageScan.Byline::element).toList();
    }

    /** The first of two findings, unless the second names all its people and more people (not roles or initials). */
    private static Optional<Field<List<String>>> widest(Optional<Field<List<String>>> first,
            Optional<Field<List<String>>> second) {
        if (first.isEmpty() || second.isEmpty()) {
            return first.or(() -> second);
        }
        Set<String> firstKeys = new HashSet<>();
        first.get().value().forEach(n -> firstKeys.add(n.toLowerCase(Locale.ROOT)));
        Set<String> secondKeys = new HashSet<>();
        second.get().value().forEach(n -> secondKeys.add(n.toLowerCase(Locale.ROOT)));
        boolean extrasArePeople = second.get().value().stream()
                .filter(n -> !firstKeys.contains(n.toLowerCase(Locale.ROOT))).allMatch(AuthorFinder::isPersonName);
        return secondKeys.size() > firstKeys.size() && secondKeys.containsAll(firstKeys) && extrasArePeople
                ? second : first;
    }

    private Optional<Field<List<String>>> fromJsonLd(List<JsonNode> blocks) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonNode> byId = JsonLdReader.objectsById(blocks);
        for (JsonNode object : JsonLdReader.authoredObjects(blocks)) {
            if (isNotPageAuthorType(object.path("@type"))) {
                continue;
            }
            List<String> names = new ArrayList<>();
            JsonNode author = object.get("author");
            for (JsonNode entry : author.isArray() ? author : List.of(author)) {
                JsonNode resolved = resolve(entry, byId);
                if (resolved.isObject()) {
                    if (!isOrganization(resolved.get("@type"))) {
                        JsonLdReader.texts(resolved.get("name"), "name")
                                .forEach(n -> names.addAll(names(n, Source.STRUCTURED)));
                    }
                } else if (resolved.isTextual() && !resolved.asText().contains("/")) {
                    names.addAll(names(resolved.asText(), Source.STRUCTURED));
                }
            }
            if (!names.isEmpty()) {
                String type = JsonLdReader.articleType(object.get("@type"))
                        .orElse(JsonLdReader.localName(object.path("@type").asText("Thing")));
                return Optional.of(new Field<>(people(names), "json-ld:" + type + ".author"));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an object's {@code @type}, as JSON text, names a type whose author is not the page's
     * ({@link #NOT_PAGE_AUTHOR_TYPES}). A plain type name is matched as it is: its JSON text only adds quotes, which
     * no type word holds; a name with quotes, backslashes or control characters is written as JSON first.
     */
    private static boolean isNotPageAuthorType(JsonNode type) {
        String text = type.isTextual() && isPlainJsonText(type.textValue()) ? type.textValue() : type.toString();
        return NOT_PAGE_AUTHOR_TYPES.matcher(text).find();
    }

    private static boolean isPlainJsonText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static JsonNode resolve(JsonNode entry, Map<String, JsonNode> byId) {
        if (entry.isObject() && !entry.hasNonNull("name") && entry.hasNonNull("@id")) {
            return byId.getOrDefault(entry.get("@id").asText(), entry);
        }
        if (entry.isTextual() && byId.containsKey(entry.asText())) {
            return byId.get(entry.asText());
        }
        return entry;
    }

    private static boolean isOrganization(JsonNode type) {
        if (type == null) {
            return false;
        }
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            String name = t.asText("").toLowerCase(Locale.ROOT);
            if (name.contains("organization") || name.contains("corporation") || name.endsWith("website")
                    || name.endsWith("brand") || name.endsWith("newsmediaorganization")) {
                return true;
            }
        }
        return false;
    }

    private Optional<Field<List<String>>> fromMeta(Map<String, List<String>> meta) {
        for (String key : META_KEYS) {
            List<String> names = new ArrayList<>();
            for (String value : meta.getOrDefault(key, List.of())) {
                if (!value.contains("://") && !value.startsWith("www.")) {
                    names.addAll(names(value, Source.STRUCTURED));
                }
            }
            if (!names.isEmpty()) {
                return Optional.of(new Field<>(people(names), "meta:" + key));
            }
        }
        return Optional.empty();
    }

    /**
     * The first element of the kind outside other articles' parts that yields names, with its byline siblings. An
     * element that holds another such element yielding names is passed over for it: a byline block around its
     * author's name, beside the outlet, role and date ("Tom Davies Associated Press Published 11:34 PM"), names the
     * author in the inner element alone.
     */
    private Optional<Field<List<String>>> fromElements(List<Element> candidates) {
        // the names each candidate yields, read only when the choice needs them, and once per page: an element both
        // marked and named as byline is a candidate of two calls
        IntFunction<List<String>> namesOf = i -> namesByElement.computeIfAbsent(candidates.get(i), this::elementNames);
        Element first = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Element element = candidates.get(i);
            if (first != null && element.parent() != first.parent()) {
                break;
            }
            if (namesOf.apply(i).isEmpty() || first == null && holdsNamedByline(candidates, namesOf, i)) {
                continue;
            }
            if (first == null) {
                first = element;
            }
            names.addAll(namesOf.apply(i));
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(new Field<>(people(names), "byline"));
    }

    /** The names a byline element shows; none for a long block, a date element or one in another article's part. */
    private List<String> elementNames(Element element) {
        String text = element.text();
        if (text.length() > MAX_BYLINE_CHARS || element.tagName().equals("meta") || element.tagName().equals("time")
                || DATE_NAME.matcher(element.className()).find() || isElsewhere(element) || isPhotoCredit(element)) {
            return List.of();
        }
        return names(text, Source.ELEMENT);
    }

    /** Whether the element comes right after a photo label ("Foto:", "Photo", "Bild:"): it names the photographer. */
    private static boolean isPhotoCredit(Element element) {
        Node before = element.previousSibling();
        while (before instanceof TextNode textNode && textNode.isBlank()) {
            before = before.previousSibling();
        }
        String label = before instanceof TextNode textNode ? MetaText.text(textNode)
                : before instanceof Element sibling ? sibling.text() : "";
        return PHOTO_LABEL.matcher(label.strip()).matches();
    }

    /**
     * Whether candidate {@code outer} holds a later candidate that yields names (candidates come in document order,
     * so those inside it follow it).
     */
    private static boolean holdsNamedByline(List<Element> candidates, IntFunction<List<String>> namesOf, int outer) {
        Element block = candidates.get(outer);
        for (int j = outer + 1; j < candidates.size() && holds(block, candidates.get(j)); j++) {
            if (!namesOf.apply(j).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short text that starts with a byline word and a capitalised name ("Von Max Mustermann, 4. Juni 2020").
     *
     * @param alsoNotices whether {@link #fromCopyright} may be asked next: the same walk of the body then collects the
     *                    copyright notices too, which that rule takes when no byline text is found
     */
    private Optional<Field<List<String>>> fromBylineText(Document document, boolean alsoNotices) {
        Element body = document.body();
        if (body == null) {
            return Optional.empty();
        }
        BodyTexts walk = new BodyTexts(true, alsoNotices);
        NodeTraversor.filter(walk, body);
        if (alsoNotices && walk.byline.isEmpty()) {
            // no byline stopped the walk: every notice of the body was seen
            notices = walk.notices;
        }
        return walk.byline.isEmpty() ? Optional.empty() : Optional.of(new Field<>(people(walk.byline), "byline-text"));
    }

    /** The names a byline text starting at this text node gives ({@link #fromBylineText}); none for most nodes. */
    private List<String> bylineIn(TextNode textNode) {
        String raw = textNode.getWholeText();
        if (raw.length() > MAX_RAW_TEXT_CHARS || !mayStartByline(raw)) {
            return List.of();
        }
        String text = withoutLeadingMarks(MetaText.text(textNode));
        if (text.isEmpty() || text.length() > MAX_TEXT_BYLINE_CHARS || !PREFIX.matcher(text).lookingAt()) {
            return List.of();
        }
        // "Autor: <a>Rechtsanwalt</a> Sebastian Einbock": the name follows in the next nodes of the line
        String line = PREFIX.matcher(text).replaceFirst("").isBlank() ? withRestOfLine(textNode) : text;
        // "Von" alone in its text node: the name follows in a sibling element, up to two levels up
        Element up = textNode.parent();
        for (int level = 0; level < 3 && up != null
                && PREFIX.matcher(line).replaceFirst("").isBlank(); level++, up = up.parent()) {
            if (up.text().length() > MAX_TEXT_BYLINE_CHARS) {
                break;
            }
            line = withoutLeadingMarks(up.text());
        }
        List<String> names = names(line, Source.TEXT);
        return !names.isEmpty() && PREFIX.matcher(line).lookingAt() ? names : List.of();
    }

    /**
     * Whether {@link #PREFIX} may match at the start of {@code withoutLeadingMarks(}the text node's text{@code )},
     * asked of the node's raw text, so that most text nodes are neither collapsed (jsoup's {@code TextNode.text()})
     * nor matched. False only when it cannot: every alternative of the expression starts with a word of
     * {@link #BYLINE_FIRST_WORDS} followed by a character that is not a letter (a space, or the boundary {@code \b}
     * before {@code :}), so a match needs the text's leading run of letters, case-folded as the expression folds it
     * ({@code (?iu)}: lower case of upper case), to be one of those words. Read from the raw text: jsoup's whitespace
     * (space, tab, LF, FF, CR, no-break space: the collapse makes it a space), VT and the {@link #LEADING_MARKS} marks
     * before the word are passed over, invisible characters (zero-width space, soft hyphen: the collapse drops them)
     * inside it too. A text starting with a non-ASCII character that is no letter leaves the answer to the
     * expression.
     */
    static boolean mayStartByline(String raw) {
        int i = 0;
        while (i < raw.length() && isPassedOverBeforeByline(raw.charAt(i))) {
            i++;
        }
        if (i == raw.length()) {
            return false;
        }
        if (!Character.isLetter(raw.charAt(i))) {
            return raw.charAt(i) >= 128;
        }
        char[] word = new char[LONGEST_BYLINE_FIRST_WORD];
        int length = 0;
        for (; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u200B' || c == '\u00AD') {
                continue;
            }
            if (!Character.isLetter(c)) {
                break;
            }
            if (length == word.length) {
                return false;
            }
            word[length++] = Character.toLowerCase(Character.toUpperCase(c));
        }
        return BYLINE_FIRST_WORDS.contains(new String(word, 0, length));
    }

    /** What the collapse and {@link #withoutLeadingMarks} remove before a text's first word. */
    private static boolean isPassedOverBeforeByline(char c) {
        return MetaText.isRegexSpace(c) || c == '\u00A0' || c == '\u200B' || c == '\u00AD'
                || "\u2022\u00B7*~>\u00BB|".indexOf(c) >= 0 || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    /** Whether the byline text search passes over the element and all it holds. */
    private static boolean skipsForByline(Element element, String className, String id) {
        return element.tagName().equals("script") || element.tagName().equals("style")
                || isElsewhereHere(element, className, id) || isTeaserLink(element);
    }

    /**
     * One walk of the body for the two rules that read its short texts: byline texts ({@link #bylineIn}; scripts,
     * styles, other articles' parts and teaser links passed over; stops at the first) and copyright notices
     * ({@link #noticeIn}; scripts, styles, figures and captions passed over; done at a second name). Each rule sees
     * the nodes, in the order, that a walk of its own would show it; a subtree both pass over is not entered.
     */
    private final class BodyTexts implements NodeFilter {
        final List<String> byline = new ArrayList<>();
        final Set<String> notices = new LinkedHashSet<>();
        private final boolean bylines;
        private final boolean alsoNotices;
        /** The element whose subtree a rule passes over, while the walk is inside it. */
        private @Nullable Node bylineSkipped;
        private @Nullable Node noticesSkipped;

        BodyTexts(boolean bylines, boolean alsoNotices) {
            this.bylines = bylines;
            this.alsoNotices = alsoNotices;
        }

        private boolean readsBylines() {
            return bylines && bylineSkipped == null;
        }

        private boolean readsNotices() {
            return alsoNotices && notices.size() <= 1 && noticesSkipped == null;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Element element) {
                // the class and id, read once for both rules
                String className = Nodes.attr(element, "class");
                String id = Nodes.attr(element, "id");
                if (readsBylines() && skipsForByline(element, className, id)) {
                    bylineSkipped = element;
                }
                if (readsNotices() && skipsForNotices(element, className)) {
                    noticesSkipped = element;
                }
                if (!readsBylines() && !readsNotices()) {
                    // tail is not called for a subtree skipped entirely
                    bylineSkipped = bylineSkipped == element ? null : bylineSkipped;
                    noticesSkipped = noticesSkipped == element ? null : noticesSkipped;
                    return done() ? FilterResult.STOP : FilterResult.SKIP_ENTIRELY;
                }
            } else if (node instanceof TextNode textNode) {
                if (readsBylines()) {
                    List<String> names = bylineIn(textNode);
                    if (!names.isEmpty()) {
                        byline.addAll(names);
                        return FilterResult.STOP;
                    }
                }
                if (readsNotices()) {
                    noticeIn(textNode, notices);
                }
            }
            return done() ? FilterResult.STOP : FilterResult.CONTINUE;
        }

        /** Nothing is left to read: no byline search, and no notice search or a second name already. */
        private boolean done() {
            return !bylines && (!alsoNotices || notices.size() > 1);
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node == bylineSkipped) {
                bylineSkipped = null;
            }
            if (node == noticesSkipped) {
                noticesSkipped = null;
            }
            return FilterResult.CONTINUE;
        }
    }

    /**
     * A link to a page that holds blocks (a heading, a paragraph, a division, an image): a card pointing to another
     * article, whose byline is that article's. A link around a name alone ({@code <a href="/author/jane">By Jane
     * Doe</a>}) is not, nor a {@code mailto:} or script link around the author's block.
     */
    private static boolean isTeaserLink(Element element) {
        if (!element.tagName().equals("a")) {
            return false;
        }
        // the children first: most links hold no block, and their address is then not matched
        boolean holdsBlock = false;
        for (Element child = element.firstElementChild(); child != null && !holdsBlock;
                child = child.nextElementSibling()) {
            holdsBlock = TEASER_BLOCKS.contains(child.tagName());
        }
        return holdsBlock && TEASER_HREF.matcher(element.attr("href")).lookingAt();
    }

    /**
     * The text node's text followed by the text of the nodes after it up to the end of the line (a {@code <br>}, a
     * block, the end of the parent), at most {@value #MAX_TEXT_BYLINE_CHARS} characters.
     */
    private static String withRestOfLine(TextNode start) {
        StringBuilder line = new StringBuilder(withoutLeadingMarks(MetaText.text(start)));
        for (Node next = start.nextSibling(); next != null && line.length() <= MAX_TEXT_BYLINE_CHARS;
                next = next.nextSibling()) {
            if (next instanceof Element element) {
                if (element.tagName().equals("br") || element.isBlock()) {
                    break;
                }
                line.append(element.text());
            } else if (next instanceof TextNode textNode) {
                line.append(MetaText.text(textNode));
            }
        }
        return line.length() > MAX_TEXT_BYLINE_CHARS ? line.substring(0, MAX_TEXT_BYLINE_CHARS) : line.toString();
    }

    /**
     * Last resort: the one person a copyright notice names ("© 2019 Sven Schreivogel", "2006-2008 by Martin Weber"),
     * as on personal sites; not inside figures or captions (photo credits), and only when all notices agree.
     */
    private Optional<Field<List<String>>> fromCopyright(Document document) {
        Set<String> found = notices;
        if (found == null) {
            Element body = document.body();
            if (body == null) {
                return Optional.empty();
            }
            BodyTexts walk = new BodyTexts(false, true);
            NodeTraversor.filter(walk, body);
            found = walk.notices;
        }
        return found.size() == 1 ? Optional.of(new Field<>(List.copyOf(found), "copyright")) : Optional.empty();
    }

    /** Whether the copyright notice search passes over the element and all it holds: photo credits live there. */
    private static boolean skipsForNotices(Element element, String className) {
        // the class untrimmed: no caption word holds a space
        return element.tagName().equals("script") || element.tagName().equals("style")
                || element.tagName().equals("figure") || element.tagName().equals("figcaption")
                || CAPTION_WORDS.foundIn(className);
    }

    /** Adds the person a copyright notice in this text node names, if any ({@link #fromCopyright}). */
    private void noticeIn(TextNode textNode, Set<String> found) {
        String raw = textNode.getWholeText();
        // prose that mentions "by" collapses to more than a notice's length: not collapsed to learn it
        if (raw.length() > MAX_RAW_TEXT_CHARS || !mayHoldNotice(raw)
                || MetaText.keepsMoreThan(raw, MAX_TEXT_BYLINE_CHARS)) {
            return;
        }
        String text = MetaText.text(textNode);
        if (text.length() <= MAX_TEXT_BYLINE_CHARS) {
            Matcher notice = COPYRIGHT.matcher(text);
            if (mayBeNotice(text) && notice.find()) {
                String name = withoutNameEnd(notice.group(1)).strip();
                if (isPersonName(name) && !site.isDeclaredName(name)) {
                    found.add(name);
                }
            }
        }
    }

    /**
     * What {@link #mayBeNotice} asks of the whitespace-collapsed text, asked of the raw text ("by" with any
     * whitespace around it), so the text is only collapsed for nodes that may hold a notice.
     */
    private static boolean mayHoldNotice(String raw) {
        return raw.indexOf('\u00A9') >= 0 || raw.contains("(c)") || raw.contains("(C)") || raw.contains("opyright")
                || raw.contains("by");
    }

    /** A cheap look for the marks of a copyright notice before the regular expression runs. */
    private static boolean mayBeNotice(String text) {
        return text.indexOf('\u00A9') >= 0 || text.contains("(c)") || text.contains("(C)") || text.contains("opyright")
                || text.contains(" by ");
    }

    /**
     * Whether the element or an ancestor is a comment, sidebar, navigation, footer, teaser or related list, or a
     * link to another article (a byline inside a link is a teaser's).
     */
    private boolean isElsewhere(Element element) {
        for (Element e = element; e != null && !e.tagName().equals("body"); e = e.parent()) {
            if (isElsewhereHereOnce(e) || e != element && e.tagName().equals("a")) {
                return true;
            }
        }
        return false;
    }

    /** {@link #isElsewhereHere}, worked out once per element of this page. */
    private boolean isElsewhereHereOnce(Element e) {
        Boolean verdict = elsewhereVerdicts.get(e);
        if (verdict == null) {
            verdict = isElsewhereHere(e);
            elsewhereVerdicts.put(e, verdict);
        }
        return verdict;
    }

    private static boolean isElsewhereHere(Element e) {
        return isElsewhereHere(e, Nodes.attr(e, "class"), Nodes.attr(e, "id"));
    }

    /** {@link #isElsewhereHere(Element)} of an element whose class and id attributes were read ("" when absent). */
    private static boolean isElsewhereHere(Element e, String className, String id) {
        String tag = e.tagName();
        if (tag.equals("nav") || tag.equals("form")
                || (tag.equals("aside") || tag.equals("footer")) && e.closest("article") == null) {
            return true;
        }
        if (!ELSEWHERE_STEMS.foundIn(className) && !ELSEWHERE_STEMS.foundIn(id)) {
            return false;
        }
        return ELSEWHERE.matcher(className.trim() + " " + id).find();
    }

    /**
     * The names in one byline value: byline words removed, cut at a date or separator, split at list separators,
     * each piece checked as the source demands (see {@link Source}). The site's own name or domain is dropped from
     * structured sources, where a CMS puts the operator.
     */
    List<String> names(String raw, Source source) {
        String text = MetaText.clean(raw, true);
        List<String> names = new ArrayList<>();
        if (text.isEmpty() || text.contains("://") || text.startsWith("@")) {
            return names;
        }
        text = withoutLeadingMarks(text);
        for (int i = 0; i < 3; i++) {
            Matcher prefix = PREFIX.matcher(text);
            if (!prefix.lookingAt() || prefix.end() == 0) {
                break;
            }
            text = text.substring(prefix.end());
        }
        text = withoutNameEnd(text).strip();
        Matcher sentence = LAST_SENTENCE.matcher(text);
        if (sentence.find() && site.names(sentence.group(1))) {
            // the site's name glued on after a full stop ("Finian Cunningham. Sputnik International")
            text = text.substring(0, sentence.start()).strip();
        }
        if (text.isEmpty() || source == Source.STRUCTURED && (isSite(text) || DOMAIN.matcher(text).find())) {
            return names;
        }
        for (String piece : NAME_SEPARATOR.split(text)) {
            String stripped = piece.strip();
            String name = MetaText.mayEndWith(stripped, ",;:")
                    ? TRAILING_LIST_MARKS.matcher(stripped).replaceAll("").strip() : stripped;
            boolean plausible = switch (source) {
                case TEXT -> isPersonName(name);
                case ELEMENT -> isBylineName(name);
                case STRUCTURED -> isBylineName(name) && !isSite(name);
            };
            if (plausible) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * {@code NAME_END.matcher(text).replaceFirst("")}, without a matcher when the text holds none of what every match
     * of it holds: a digit, one of {@link #NAME_END_MARKS}, one of {@link #NAME_END_WORDS} (most names: "Max Muster").
     */
    static String withoutNameEnd(String text) {
        boolean mayEnd = false;
        for (int i = 0; i < text.length() && !mayEnd; ) {
            int c = text.codePointAt(i);
            mayEnd = Character.isDigit(c) || NAME_END_MARKS.indexOf(c) >= 0;
            i += Character.charCount(c);
        }
        for (int i = 0; i < NAME_END_WORDS.size() && !mayEnd; i++) {
            mayEnd = text.contains(NAME_END_WORDS.get(i));
        }
        return mayEnd ? NAME_END.matcher(text).replaceFirst("") : text;
    }

    /** {@code LEADING_MARKS.matcher(text).replaceFirst("")}, without a matcher when the text starts with no mark. */
    static String withoutLeadingMarks(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        boolean mark = Character.getType(first) == Character.DASH_PUNCTUATION
                || "\u2022\u00B7*~>\u00BB|".indexOf(first) >= 0
                || first < Character.MIN_SUPPLEMENTARY_CODE_POINT && MetaText.isRegexSpace((char) first);
        return mark ? LEADING_MARKS.matcher(text).replaceFirst("") : text;
    }

    /**
     * The site posing as author: its declared name, or a value holding its host name that is not a person's name
     * (a personal site's owner, "Günter Pilger" on guenter-pilger.de, is the author).
     */
    private boolean isSite(String text) {
        return site.isDeclaredName(text) || site.holdsHost(text) && !isPersonName(text);
    }

    /** Two to five capitalised words (particles allowed), none of them a role, team or organisation word. */
    private static boolean isPersonName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            return false;
        }
        String[] words = name.split(" ");
        if (words.length > MAX_NAME_WORDS || words.length < 2) {
            return false;
        }
        int capitalised = 0;
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (MetaText.mayEndWith(lower, ".,:;")) {
                lower = TRAILING_MARKS.matcher(lower).replaceAll("");
            }
            int hyphen = lower.indexOf('-', 1);
            if (NOT_PERSON.contains(lower) || hyphen > 0 && NOT_PERSON.contains(lower.substring(0, hyphen))) {
                return false;
            }
            if (NAME_WORD.matcher(word).matches()) {
                capitalised++;
            } else if (!PARTICLES.contains(lower)) {
                return false;
            }
        }
        return capitalised >= 2;
    }

    /**
     * What a byline field may show: capitalised words (particles allowed) up to five, or one handle-like word
     * ("eseppelt"); not a placeholder ("Admin", "Name *") nor a sentence.
     */
    private static boolean isBylineName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS || PLACEHOLDERS.contains(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String[] words = name.split(" ");
        if (words.length > MAX_NAME_WORDS) {
            return false;
        }
        if (words.length == 1) {
            return HANDLE.matcher(name).matches();
        }
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches() && !PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names found in one source, each once; beside a person's name ("Tom Krisher") only other persons' names:
     * what a byline or an author field adds after it is the writer's role, outlet or degree ("AP Auto Writer",
     * "Associated Press", "CNN", "MS, RD"), not a second author.
     */
    private static List<String> people(List<String> names) {
        List<String> distinct = distinct(names);
        return distinct.stream().anyMatch(AuthorFinder::isPersonName)
                ? distinct.stream().filter(AuthorFinder::isPersonName).toList() : distinct;
    }

    private static List<String> distinct(List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : names) {
            byKey.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        return new ArrayList<>(byKey.values());
    }
}
