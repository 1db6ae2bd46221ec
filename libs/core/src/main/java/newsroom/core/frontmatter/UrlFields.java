package newsroom.core.frontmatter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.core.model.NormalizedArticle.Warning;

/**
 * Front-matter fields that hold a URL, recognised by name, and the check that each such value is an absolute
 * http(s) URL: a theme prints these into {@code href} and {@code src} attributes, so {@code javascript:alert(1)} or
 * {@code //evil.example/} must never be stored. Thread-safe (stateless).
 */
final class UrlFields {

    /**
     * Names (or name endings after {@code _}, {@code -}, {@code .} or a camel-case hump: {@code og_image},
     * {@code imageUrl}) of fields that hold URLs; any name starting with {@code canonical} counts too.
     */
    private static final List<String> URL_NAMES = List.of("url", "uri", "link", "permalink", "href", "src", "image",
            "images", "thumbnail", "cover");

    private UrlFields() {
    }

    /** True when a field of this name holds a URL (or, for a map such as {@code cover}, fields that do). */
    static boolean isUrlKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("canonical")) {
            return true;
        }
        for (String name : URL_NAMES) {
            if (lower.equals(name)) {
                return true;
            }
            if (lower.endsWith(name)) {
                int at = key.length() - name.length();
                char before = key.charAt(at - 1);
                if (before == '_' || before == '-' || before == '.' || Character.isUpperCase(key.charAt(at))
                        && Character.isLowerCase(before)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An absolute {@code http}/{@code https} URL with a host. */
    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * {@code map} with every text value of a URL-named field (at any depth, in lists too) that is not an absolute
     * http(s) URL removed, each removal recorded in {@code warnings} under its path ({@code params.cover.image},
     * {@code params.images[1]}). A map or list left empty by removals is removed too. Other values are untouched.
     */
    static Map<String, Object> checked(Map<String, Object> map, String path, List<Warning> warnings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String fieldPath = path + "." + entry.getKey();
            Object value = checkedValue(entry.getValue(), isUrlKey(entry.getKey()), fieldPath, warnings);
            if (value != REMOVED) {
                out.put(entry.getKey(), value);
            }
        }
        return out;
    }

    private static final Object REMOVED = new Object();

    private static Object checkedValue(Object value, boolean holdsUrl, String path, List<Warning> warnings) {
        if (value instanceof String text && holdsUrl) {
            if (isHttpUrl(text.strip())) {
                return value;
            }
            warnings.add(new Warning(path, "\"" + shorten(text) + "\" is not an absolute http(s) URL; dropped"));
            return REMOVED;
        }
        if (value instanceof Map<?, ?> nested) {
            Map<String, Object> copy = new LinkedHashMap<>();
            nested.forEach((k, v) -> copy.put(String.valueOf(k), v));
            Map<String, Object> checked = checked(copy, path, warnings);
            return checked.isEmpty() && !copy.isEmpty() ? REMOVED : checked;
        }
        if (value instanceof List<?> list) {
            List<Object> kept = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = checkedValue(list.get(i), holdsUrl, path + "[" + i + "]", warnings);
                if (item != REMOVED) {
                    kept.add(item);
                }
            }
            return kept.isEmpty() && !list.isEmpty() ? REMOVED : kept;
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
