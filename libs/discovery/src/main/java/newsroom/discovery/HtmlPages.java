package newsroom.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an HTML page says about itself, for discovery: the feeds it advertises ({@code <link rel="alternate"
 * type="application/rss+xml | application/atom+xml">}, resolved absolute) and whether it is an article
 * ({@code og:type=article} or a JSON-LD object whose {@code @type} is an Article kind).
 */
public final class HtmlPages {

    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/x-rss+xml");
    private static final ObjectMapper JSON = JsonMapper.builder(new JsonFactory()
            .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(1_000_000).build())).build();

    private HtmlPages() {
    }

    /** Parses the page (Jsoup; relative links resolve against {@code pageUrl}). */
    public static Document parse(String html, URI pageUrl) {
        return Jsoup.parse(html, pageUrl.toString());
    }

    /** Absolute http(s) URLs of the advertised RSS/Atom feeds, in document order, without duplicates. */
    public static List<String> feedLinks(Document page) {
        Set<String> out = new LinkedHashSet<>();
        for (Element link : page.select("link[rel][href][type]")) {
            boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            String type = link.attr("type").toLowerCase(Locale.ROOT).trim();
            if (alternate && FEED_TYPES.contains(type)) {
                String abs = link.absUrl("href");
                if (abs.matches("(?i)https?://.+")) {
                    out.add(abs);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** True for {@code og:type=article} or JSON-LD {@code @type} Article, NewsArticle, BlogPosting, … */
    public static boolean isArticle(Document page) {
        for (Element meta : page.select("meta[property=og:type], meta[name=og:type]")) {
            if (meta.attr("content").trim().equalsIgnoreCase("article")) {
                return true;
            }
        }
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                if (hasArticleType(JSON.readTree(script.data()), 0)) {
                    return true;
                }
            } catch (JsonProcessingException e) {
                // broken JSON-LD says nothing about the page; other signals decide
            }
        }
        return false;
    }

    private static boolean hasArticleType(JsonNode node, int depth) {
        if (node == null || depth > 8) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                if (hasArticleType(n, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (!node.isObject()) {
            return false;
        }
        JsonNode type = node.get("@type");
        if (type != null) {
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                String name = t.asText("");
                if (name.endsWith("Article") || name.equals("BlogPosting") || name.equals("Report")) {
                    return true;
                }
            }
        }
        return hasArticleType(node.get("@graph"), depth + 1);
    }
}
