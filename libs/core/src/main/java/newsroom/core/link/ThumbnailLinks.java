package newsroom.core.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.core.translation.StoredArticle;

/**
 * Points an article's front matter at its local thumbnail variants, in the shape Hugo themes read without changes:
 * {@code thumbnail} becomes the variant that fits the site's main width, {@code images} (Hugo's OpenGraph and
 * Twitter card templates) lists the variants, that one first, and {@code params.originalImage} keeps the publisher's
 * URL. Pure and idempotent: linking a linked article gives the same bytes, so every writer can apply it.
 *
 * <p>The image is found as {@code params.originalImage} when present (an article linked before, or a translation of
 * one), else as {@code thumbnail}; its variants are the object keys the index records for that URL. Without
 * variants the article is returned unchanged.
 */
public final class ThumbnailLinks {

    /** {@code static/thumbnails/<id>/<hash>-<width>.<ext>}: Hugo serves {@code static/x} at {@code /x}. */
    private static final Pattern VARIANT_KEY = Pattern.compile("static(/thumbnails/.+-([0-9]{1,5})\\.(jpg|png))");

    private final int mainWidth;

    /** @param mainWidth the site's main column width in pixels */
    public ThumbnailLinks(int mainWidth) {
        if (mainWidth < 1) {
            throw new IllegalArgumentException("mainWidth must be positive: " + mainWidth);
        }
        this.mainWidth = mainWidth;
    }

    /** One variant as the site serves it. */
    record Variant(int width, String url) {
    }

    /** The publisher's image URL the article names: {@code params.originalImage}, else {@code thumbnail}. */
    public static Optional<String> originalImage(Map<String, Object> frontMatter) {
        if (frontMatter.get("params") instanceof Map<?, ?> params && params.get("originalImage") instanceof String s
                && isHttp(s)) {
            return Optional.of(s);
        }
        return frontMatter.get("thumbnail") instanceof String s && isHttp(s) ? Optional.of(s) : Optional.empty();
    }

    /**
     * The Markdown file with its front matter linked to the variants {@code thumbnails} records for its image;
     * {@code file} itself when there are none or it is linked already.
     *
     * @param thumbnails image URL to thumbnail object keys, as {@code ArticleRecord.thumbnails()}
     * @throws StoredArticle.UnreadableArticleException when the file has no readable YAML front matter
     */
    public byte[] link(byte[] file, Map<String, List<String>> thumbnails) {
        StoredArticle article = StoredArticle.parse(file);
        Optional<Map<String, Object>> linked = linked(article.frontMatter(), thumbnails);
        if (linked.isEmpty()) {
            return file;
        }
        byte[] bytes = new StoredArticle(linked.get(), article.body()).toBytes();
        return Arrays.equals(bytes, file) ? file : bytes;
    }

    /** The front matter linked to its image's variants, or empty when {@code thumbnails} has none for it. */
    public Optional<Map<String, Object>> linked(Map<String, Object> frontMatter,
                                                Map<String, List<String>> thumbnails) {
        Optional<String> original = originalImage(frontMatter);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        List<Variant> variants = variants(thumbnails.get(original.get()));
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        Variant main = variants.stream().filter(v -> v.width() >= mainWidth).findFirst()
                .orElse(variants.get(variants.size() - 1));
        List<String> images = new ArrayList<>();
        images.add(main.url());
        variants.stream().map(Variant::url).filter(u -> !u.equals(main.url())).forEach(images::add);

        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : frontMatter.entrySet()) {
            switch (field.getKey()) {
                case "thumbnail" -> {
                    out.put("thumbnail", main.url());
                    out.put("images", images);
                }
                case "images", "params" -> { } // images right after thumbnail; params last, as the normalizer orders
                default -> out.put(field.getKey(), field.getValue());
            }
        }
        out.putIfAbsent("thumbnail", main.url());
        out.putIfAbsent("images", images);
        Map<String, Object> params = new LinkedHashMap<>();
        if (frontMatter.get("params") instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        params.put("originalImage", original.get());
        out.put("params", params);
        return Optional.of(out);
    }

    /** The variants named by the keys, narrowest first; keys of another shape are ignored. */
    static List<Variant> variants(List<String> keys) {
        if (keys == null) {
            return List.of();
        }
        List<Variant> variants = new ArrayList<>();
        for (String key : keys) {
            Matcher m = VARIANT_KEY.matcher(Objects.requireNonNull(key));
            if (m.matches()) {
                variants.add(new Variant(Integer.parseInt(m.group(2)), m.group(1)));
            }
        }
        variants.sort(Comparator.comparingInt(Variant::width));
        return variants;
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
