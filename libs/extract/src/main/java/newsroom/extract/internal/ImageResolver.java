package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.internal.Normalizer;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Gives every {@code <img>} its real source before the page is cleaned. Lazy-loading pages keep the real URL in
 * {@code data-src}, {@code data-lazy-src}, {@code data-original} and similar attributes, in {@code srcset} (the
 * widest candidate wins), in a {@code <picture><source>}, or in a {@code <noscript>} copy of the image, while
 * {@code src} holds a placeholder. The resolved absolute URL is written to {@code src}; an image without any usable
 * http(s) source is removed.
 */
public final class ImageResolver {

    private static final List<String> LAZY_ATTRIBUTES = List.of("data-src", "data-lazy-src", "data-original",
            "data-lazy", "data-url", "data-hi-res-src", "data-full-src", "data-original-src", "data-echo");
    private static final List<String> SRCSET_ATTRIBUTES = List.of("data-srcset", "data-lazy-srcset", "srcset");
    /** Where {@link #bestSource} looks, by rank: the lazy attributes, the srcset ones, then {@code src}. */
    private static final Map<String, Integer> SOURCE_ATTRIBUTES = sourceAttributes();
    private static final int SRC_RANK = LAZY_ATTRIBUTES.size() + SRCSET_ATTRIBUTES.size();
    private static final Pattern SRCSET_CANDIDATE =
            Pattern.compile("\\s*(\\S+?)(?:\\s+(\\d+(?:\\.\\d+)?)([wx]))?\\s*(?:,|$)");

    private ImageResolver() {
    }

    private static Map<String, Integer> sourceAttributes() {
        Map<String, Integer> ranks = new HashMap<>();
        for (String key : LAZY_ATTRIBUTES) {
            ranks.put(key, ranks.size());
        }
        for (String key : SRCSET_ATTRIBUTES) {
            ranks.put(key, ranks.size());
        }
        ranks.put("src", ranks.size());
        return Map.copyOf(ranks);
    }

    /** Resolves every image of the document in place; {@code baseUrl} may be null (then relative URLs are dropped). */
    public static void resolveAll(Document document, @Nullable String baseUrl) {
        find(document).resolveAll(baseUrl);
    }

    /**
     * Finds, in one walk, the images of {@code document}, the noscripts of its body and its first {@code base[href]}
     * (which the base URL for the images comes from). The document must not change before {@link
     * PageImages#resolveAll}, except by reading it.
     */
    public static PageImages find(Document document) {
        Element body = document.body();
        PageImages found = new PageImages(document);
        NodeTraversor.traverse(new NodeVisitor() {
            private boolean inBody;

            @Override
            public void head(Node node, int depth) {
                if (node == body) {
                    inBody = true;
                } else if (node instanceof Element element) {
                    if (element.nameIs("img")) {
                        found.images.add(element);
                    } else if (inBody && element.nameIs("noscript")) {
                        found.noscripts.add(element);
                    } else if (found.base == null && element.nameIs("base") && element.hasAttr("href")) {
                        found.base = element;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node == body) {
                    inBody = false;
                }
            }
        }, document);
        return found;
    }

    /** What {@link #find} found in a page. */
    public static final class PageImages {
        private final Document document;
        private final List<Element> images = new ArrayList<>();
        private final List<Element> noscripts = new ArrayList<>();
        private @Nullable Element base;

        private PageImages(Document document) {
            this.document = document;
        }

        /** The page's first {@code base} element with an {@code href}, or null. */
        public @Nullable Element base() {
            return base;
        }

        /** Resolves every image of the page in place; {@code baseUrl} may be null (then relative URLs are dropped). */
        public void resolveAll(@Nullable String baseUrl) {
            UrlResolver.Base resolver = UrlResolver.against(baseUrl);
            // the page's images now: those found that are still in it, and the ones the noscripts put in (each
            // image is resolved on its own, so the order does not matter); no second search of the page
            images.addAll(replaceNoscriptFallbacks(noscripts));
            for (Element img : images) {
                if (!noscripts.isEmpty() && img.root() != document) {
                    continue;
                }
                String source = bestSource(img);
                String absolute = source == null ? null : resolver.http(source).orElse(null);
                if (absolute == null) {
                    img.remove();
                } else {
                    img.attr("src", absolute);
                }
            }
        }
    }

    /**
     * The most useful source URL of {@code img} as written in the page (maybe relative), or null. The attributes are
     * read in one pass (keys compared ignoring ASCII case, the first of a key counting, as {@link Element#attr} reads
     * them); the first of {@link #LAZY_ATTRIBUTES}, then of {@link #SRCSET_ATTRIBUTES}, that holds a real source wins.
     */
    static @Nullable String bestSource(Element img) {
        String[] values = new String[SOURCE_ATTRIBUTES.size()];
        if (img.attributesSize() > 0) {
            for (Attribute attribute : img.attributes()) {
                Integer rank = SOURCE_ATTRIBUTES.get(Normalizer.asciiLowerCase(attribute.getKey()));
                if (rank != null && values[rank] == null) {
                    values[rank] = attribute.getValue();
                }
            }
        }
        for (int rank = 0; rank < LAZY_ATTRIBUTES.size(); rank++) {
            String value = values[rank] == null ? "" : values[rank].strip();
            if (isRealSource(value)) {
                return value;
            }
        }
        for (int rank = LAZY_ATTRIBUTES.size(); rank < SRC_RANK; rank++) {
            String best = widestCandidate(values[rank] == null ? "" : values[rank]);
            if (best != null) {
                return best;
            }
        }
        String src = values[SRC_RANK] == null ? "" : values[SRC_RANK].strip();
        if (isRealSource(src)) {
            return src;
        }
        Element picture = img.parent() != null && img.parent().nameIs("picture") ? img.parent() : null;
        if (picture != null) {
            for (Element source : picture.select("source")) {
                String best = widestCandidate(
                        source.hasAttr("srcset") ? source.attr("srcset") : source.attr("data-srcset"));
                if (best != null) {
                    return best;
                }
            }
        }
        return null;
    }

    /** The candidate with the largest width (or density) descriptor; the first when none has one. */
    static @Nullable String widestCandidate(@Nullable String srcset) {
        if (srcset == null || srcset.isBlank()) {
            return null;
        }
        String best = null;
        double bestSize = -1;
        Matcher m = SRCSET_CANDIDATE.matcher(srcset);
        while (m.find() && m.end() > m.start()) {
            String url = m.group(1);
            if (!isRealSource(url)) {
                continue;
            }
            double size = m.group(2) == null ? 0 : Double.parseDouble(m.group(2)) * ("x".equals(m.group(3)) ? 1000 : 1);
            if (size > bestSize) {
                best = url;
                bestSize = size;
            }
            if (m.end() >= srcset.length()) {
                break;
            }
        }
        return best;
    }

    private static boolean isRealSource(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return !lower.startsWith("data:") && !lower.startsWith("about:") && !lower.startsWith("javascript:")
                && !lower.equals("#");
    }

    /**
     * A {@code <noscript>} holding an image replaces the placeholder image just before it (or stands alone when there
     * is none); other noscript content is dropped later with the scripts. Returns the images put into the page.
     */
    private static List<Element> replaceNoscriptFallbacks(List<Element> noscripts) {
        List<Element> inserted = new ArrayList<>();
        for (Element noscript : noscripts) {
            Elements images = noscriptImages(noscript);
            if (images.isEmpty()) {
                continue;
            }
            Element previous = noscript.previousElementSibling();
            Element placeholder = previous != null && previous.nameIs("img") ? previous
                    : previous != null ? previous.selectFirst("img") : null;
            if (placeholder != null && bestSource(placeholder) == null) {
                placeholder.remove();
            } else if (placeholder != null) {
                noscript.remove();
                continue;
            }
            Element image = images.first().clone();
            noscript.after(image);
            noscript.remove();
            inserted.add(image);
        }
        return inserted;
    }

    private static Elements noscriptImages(Element noscript) {
        Elements images = noscript.select("img");
        if (!images.isEmpty()) {
            return images;
        }
        StringBuilder markup = new StringBuilder();
        for (Node child : noscript.childNodes()) {
            if (child instanceof TextNode text) {
                markup.append(text.getWholeText());
            } else if (child instanceof DataNode data) {
                markup.append(data.getWholeData());
            }
        }
        return markup.indexOf("<img") < 0 ? new Elements() : Jsoup.parseBodyFragment(markup.toString()).select("img");
    }
}
