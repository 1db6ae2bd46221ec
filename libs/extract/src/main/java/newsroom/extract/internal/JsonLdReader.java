package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Finds the article object among a page's JSON-LD blocks. Tolerant: lenient JSON (comments, trailing commas,
 * unescaped control characters), {@code @graph}, top-level arrays, nested {@code mainEntity}; a block that still fails
 * to parse is skipped. Size and nesting are limited so a hostile block cannot exhaust memory.
 */
public final class JsonLdReader {

    private static final Evaluator LD_JSON_SCRIPTS = Selector.evaluatorOf("script[type~=(?i)application/ld\\+json]");
    private static final int MAX_BLOCK_CHARS = 2_000_000;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_NESTING = 64;

    /** What {@link #localName} removes; the tests hold it to this. */
    static final Pattern TYPE_PREFIX = Pattern.compile("^.*[/:]");
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private JsonLdReader() {
    }

    /** An article-typed JSON-LD object and its most specific type name (e.g. {@code NewsArticle}). */
    public record ArticleNode(JsonNode node, String type) {
    }

    /**
     * A typed JSON-LD object anywhere in the page's blocks.
     *
     * @param type        its most specific type name without vocabulary prefix ({@code NewsArticle}, {@code WebPage}),
     *                    or "" when it has none
     * @param articleType whether that type is an article type ({@link #articleType})
     * @param nested      whether it sits inside another object's property (a video in an article, an author), rather
     *                    than at the top of a block, in {@code @graph}, or as {@code mainEntity}
     */
    public record TypedNode(JsonNode node, String type, boolean articleType, boolean nested) {
    }

    /**
     * Every JSON-LD object of the page that has a {@code @type}, in document order: top-level objects, arrays,
     * {@code @graph} members and objects nested in any property (at most {@value #MAX_DEPTH} levels deep).
     */
    public static List<TypedNode> findAll(Document document) {
        return findAll(document.select(LD_JSON_SCRIPTS));
    }

    /** As {@link #findAll(Document)}, over JSON-LD script elements the caller already found. */
    public static List<TypedNode> findAll(List<Element> scripts) {
        List<TypedNode> out = new ArrayList<>();
        for (Element script : scripts) {
            String data = script.data();
            if (data.isBlank() || data.length() > MAX_BLOCK_CHARS) {
                continue;
            }
            try {
                collectAll(JSON.readTree(data.trim()), false, out, 0);
            } catch (JsonProcessingException malformed) {
                // a broken block is skipped; other blocks and other metadata still count
            }
        }
        return out;
    }

    /** As {@link #findAll(Document)}, over blocks already parsed with {@link #blocks(List)}. */
    public static List<TypedNode> findAllIn(List<JsonNode> blocks) {
        List<TypedNode> out = new ArrayList<>();
        for (JsonNode block : blocks) {
            collectAll(block, false, out, 0);
        }
        return out;
    }

    /** Whether the element is a {@code <script type="application/ld+json">}. */
    public static boolean isJsonLd(Element element) {
        return element.normalName().equals("script")
                && element.attr("type").toLowerCase(Locale.ROOT).contains("application/ld+json");
    }

    private static void collectAll(JsonNode node, boolean nested, List<TypedNode> out, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collectAll(child, nested, out, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.get("@type");
        if (type != null) {
            Optional<String> article = articleType(type);
            String name = article.orElseGet(() -> typeName(type));
            out.add(new TypedNode(node, name, article.isPresent(), nested));
        }
        node.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            boolean top = key.equals("@graph") || key.equals("mainEntity");
            if (entry.getValue().isContainerNode()) {
                collectAll(entry.getValue(), top ? nested : true, out, depth + 1);
            }
        });
    }

    /** A type without its vocabulary prefix: {@code https://schema.org/NewsArticle}, {@code schema:NewsArticle}. */
    static String localName(String type) {
        // what TYPE_PREFIX removes: up to the last '/' or ':' before the first line terminator (where '.' stops)
        int end = type.length();
        for (int i = 0; i < end; i++) {
            char c = type.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                end = i;
            }
        }
        for (int i = end - 1; i >= 0; i--) {
            char c = type.charAt(i);
            if (c == '/' || c == ':') {
                return type.substring(i + 1);
            }
        }
        return type;
    }

    private static String typeName(JsonNode type) {
        JsonNode first = type.isArray() ? type.get(0) : type;
        return first == null ? "" : localName(first.asText(""));
    }

    /** The best article object of the page (the first one that has a headline or body), if any. */
    public static Optional<ArticleNode> findArticle(Document document) {
        return findArticleIn(blocks(document));
    }

    /** As {@link #findArticle(Document)}, over blocks already parsed with {@link #blocks(List)}. */
    public static Optional<ArticleNode> findArticleIn(List<JsonNode> blocks) {
        List<ArticleNode> articles = new ArrayList<>();
        for (JsonNode block : blocks) {
            collect(block, articles, 0);
        }
        return articles.stream()
                .filter(a -> a.node().hasNonNull("headline") || a.node().hasNonNull("articleBody"))
                .findFirst()
                .or(() -> articles.stream().findFirst());
    }

    private static void collect(JsonNode node, List<ArticleNode> out, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, out, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        articleType(node.get("@type")).ifPresent(type -> out.add(new ArticleNode(node, type)));
        collect(node.get("@graph"), out, depth + 1);
        collect(node.get("mainEntity"), out, depth + 1);
        collect(node.get("mainEntityOfPage"), out, depth + 1);
    }

    /** The node's article type: any schema.org type ending in Article, or BlogPosting / SocialMediaPosting / Report. */
    static Optional<String> articleType(JsonNode type) {
        if (type == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> names.add(t.asText("")));
        } else {
            names.add(type.asText(""));
        }
        for (String raw : names) {
            String name = localName(raw);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("article") || lower.equals("blogposting") || lower.equals("socialmediaposting")
                    || lower.equals("liveblogposting") || lower.equals("report")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Text of a value that may be a string, a number, an object with {@code name}/{@code @value}, or an array. */
    public static List<String> texts(JsonNode value, String objectKey) {
        List<String> out = new ArrayList<>();
        addTexts(value, objectKey, out, 0);
        return out;
    }

    private static void addTexts(JsonNode value, String objectKey, List<String> out, int depth) {
        if (value == null || value.isNull() || depth > 3) {
            return;
        }
        if (value.isArray()) {
            value.forEach(v -> addTexts(v, objectKey, out, depth + 1));
        } else if (value.isObject()) {
            JsonNode inner = value.hasNonNull(objectKey) ? value.get(objectKey) : value.get("@value");
            if (inner != null && !inner.isContainerNode()) {
                addText(inner.asText(), out);
            } else if (inner != null) {
                addTexts(inner, objectKey, out, depth + 1);
            }
        } else {
            addText(value.asText(), out);
        }
    }

    private static void addText(String text, List<String> out) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.isEmpty()) {
            out.add(trimmed);
        }
    }

    /** Every parsable JSON-LD block of the page, parsed once; same tolerance and limits as {@link #findArticle}. */
    public static List<JsonNode> blocks(Document document) {
        return blocks(document.select(LD_JSON_SCRIPTS));
    }

    /**
     * Every parsable block of the given {@code <script type="application/ld+json">} elements (see
     * {@link #isJsonLd}); a block over {@value #MAX_BLOCK_CHARS} characters or that fails to parse is skipped.
     */
    public static List<JsonNode> blocks(List<Element> scripts) {
        List<JsonNode> blocks = new ArrayList<>();
        for (Element script : scripts) {
            String data = script.data();
            if (data.isBlank() || data.length() > MAX_BLOCK_CHARS) {
                continue;
            }
            try {
                blocks.add(JSON.readTree(data.trim()));
            } catch (JsonProcessingException malformed) {
                // a broken block is skipped; other blocks and other metadata still count
            }
        }
        return blocks;
    }

    /**
     * Names of the site and its operator stated anywhere in the blocks: {@code WebSite} and {@code Organization}
     * (and their subtypes) objects, and the {@code publisher} of any object, also inside {@code @graph}. Used to tell
     * a site name apart from a headline or an author's name.
     */
    public static List<String> siteNames(List<JsonNode> blocks) {
        List<String> names = new ArrayList<>();
        blocks.forEach(block -> collectSiteNames(block, names, 0));
        return names;
    }

    /** Every object of the blocks that has an {@code @id}, by that id (for resolving references like an author). */
    public static Map<String, JsonNode> objectsById(List<JsonNode> blocks) {
        Map<String, JsonNode> byId = new HashMap<>();
        blocks.forEach(block -> collectIds(block, byId, 0));
        return byId;
    }

    private static void collectIds(JsonNode node, Map<String, JsonNode> out, int depth) {
        if (node == null || depth > MAX_DEPTH || !node.isContainerNode()) {
            return;
        }
        if (node.isObject() && node.hasNonNull("@id") && node.size() > 1) {
            out.putIfAbsent(node.get("@id").asText(), node);
        }
        node.forEach(child -> collectIds(child, out, depth + 1));
    }

    /**
     * The objects of the blocks that state an {@code author}, article types first, in page order otherwise; not
     * those inside an {@code itemReviewed} (the claim or work a review rates, whose author is not the page's).
     */
    public static List<JsonNode> authoredObjects(List<JsonNode> blocks) {
        List<JsonNode> articles = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        blocks.forEach(block -> collectAuthored(block, articles, others, 0));
        articles.addAll(others);
        return articles;
    }

    private static void collectAuthored(JsonNode node, List<JsonNode> articles, List<JsonNode> others, int depth) {
        if (node == null || depth > MAX_DEPTH || !node.isContainerNode()) {
            return;
        }
        if (node.isObject() && node.hasNonNull("author")) {
            (articleType(node.get("@type")).isPresent() ? articles : others).add(node);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("itemReviewed")) {
                    collectAuthored(e.getValue(), articles, others, depth + 1);
                }
            });
        } else {
            node.forEach(child -> collectAuthored(child, articles, others, depth + 1));
        }
    }

    private static void collectSiteNames(JsonNode node, List<String> out, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collectSiteNames(child, out, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isSiteType(node.get("@type"))) {
            addTexts(node.get("name"), "name", out, 0);
            addTexts(node.get("alternateName"), "name", out, 0);
        }
        JsonNode publisher = node.get("publisher");
        if (publisher != null) {
            addTexts(publisher, "name", out, 0);
        }
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode() && !e.getKey().equals("author")) {
                collectSiteNames(e.getValue(), out, depth + 1);
            }
        });
    }

    private static boolean isSiteType(JsonNode type) {
        if (type == null) {
            return false;
        }
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            String name = localName(t.asText("")).toLowerCase(Locale.ROOT);
            if (name.equals("website") || name.equals("organization") || name.equals("newsmediaorganization")
                    || name.equals("corporation") || name.equals("localbusiness") || name.equals("ngo")
                    || name.equals("educationalorganization") || name.equals("governmentorganization")
                    || name.equals("store") || name.equals("onlinestore")) {
                return true;
            }
        }
        return false;
    }
}
