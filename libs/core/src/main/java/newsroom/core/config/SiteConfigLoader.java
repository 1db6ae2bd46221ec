package newsroom.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads {@link SiteConfig} from a YAML file (local runs) or from a string map (Lambda environment variables), and
 * validates it. Unknown keys and bad values fail with the key named, so a typo never silently becomes a default.
 *
 * <pre>
 * timeZone: Europe/Paris            # default UTC
 * languages: [en, fr]               # the site's languages; default none (each article's primary subtag)
 * defaultLanguage: en               # default the first of languages, else en
 * targetLanguages: [fr, de]         # default none
 * thumbnailWidths: [320, 640, 1280] # default
 * pathPattern: "content/{lang}/{yyyy}/{mm}/{slug}.md"
 * themeDefaults: { sidebar: left }  # merged over the example's values
 * fetchAllowedNetworks: ["10.20.0.0/16", "127.0.0.1/32:8080"]  # default none (public addresses only)
 * missingDate: fallback             # or reject; default fallback
 * summaryMaxChars: 300              # default 300
 * maxTags: 10                       # default 10
 * thumbnails: { link: true, mainWidth: 640, minSize: 100 } # defaults; link: false keeps hotlinking
 * </pre>
 */
public final class SiteConfigLoader {

    private static final Set<String> KEYS =
            Set.of("timeZone", "defaultLanguage", "targetLanguages", "thumbnailWidths", "pathPattern", "themeDefaults",
                    "fetchAllowedNetworks", "languages", "missingDate", "summaryMaxChars", "maxTags", "thumbnails");
    /** The shape of an allow-list entry; the fetcher's configuration checks the address and prefix themselves. */
    private static final Pattern NETWORK = Pattern.compile("[0-9A-Fa-f:.]+/[0-9]{1,3}(:[0-9]{1,5}(-[0-9]{1,5})?)?");
    private static final Set<String> THUMBNAIL_KEYS = Set.of("link", "mainWidth", "minSize");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final Set<String> PLACEHOLDERS = Set.of("lang", "yyyy", "mm", "dd", "slug", "id");

    private SiteConfigLoader() {
    }

    /** Reads the file; a missing file is an error (the caller decides whether a config file is optional). */
    public static SiteConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10).build())
                    .build());
            yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            Object tree = yaml.readValue(in, Object.class);
            if (tree == null) {
                return SiteConfig.defaults();
            }
            if (!(tree instanceof Map<?, ?> map)) {
                throw new InvalidConfigurationException(file + ": expected a mapping of settings at the top level");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) map;
            return fromMap(values, file.toString());
        } catch (IOException e) {
            throw new InvalidConfigurationException(file + ": cannot read configuration: " + firstLine(e.getMessage()));
        }
    }

    /** Builds a configuration from already-parsed values; {@code origin} names the file or "environment". */
    public static SiteConfig fromMap(Map<String, Object> values, String origin) {
        SiteConfig d = SiteConfig.defaults();
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidConfigurationException(origin + ": unknown key '" + key + "' (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        ZoneId zone = d.timeZone();
        if (values.get("timeZone") != null) {
            try {
                zone = ZoneId.of(String.valueOf(values.get("timeZone")));
            } catch (DateTimeException e) {
                throw new InvalidConfigurationException(origin + ": key 'timeZone': not a time zone: "
                        + values.get("timeZone") + " (use an IANA name such as Europe/Paris, or UTC)");
            }
        }
        List<String> languages = new ArrayList<>();
        for (Object l : list(values.get("languages"), origin, "languages")) {
            String tag = language(l, origin, "languages");
            if (!languages.contains(tag)) {
                languages.add(tag);
            }
        }
        SiteLanguages siteLanguages = SiteLanguages.of(languages);
        String defaultLanguage = values.get("defaultLanguage") != null
                ? language(values.get("defaultLanguage"), origin, "defaultLanguage")
                : languages.isEmpty() ? d.languages().defaultLanguage() : languages.get(0);
        requireListed(siteLanguages, defaultLanguage, origin, "defaultLanguage");
        List<String> targets = new ArrayList<>();
        for (Object t : list(values.get("targetLanguages"), origin, "targetLanguages")) {
            String target = language(t, origin, "targetLanguages");
            requireListed(siteLanguages, target, origin, "targetLanguages");
            targets.add(target);
        }
        List<Integer> widths = new ArrayList<>();
        Object rawWidths = values.get("thumbnailWidths");
        if (rawWidths == null) {
            widths.addAll(d.thumbnails().widths());
        } else {
            for (Object w : list(rawWidths, origin, "thumbnailWidths")) {
                if (!(w instanceof Integer i) || i < 16 || i > 4096) {
                    throw new InvalidConfigurationException(origin + ": key 'thumbnailWidths': " + w
                            + " is not a width in pixels between 16 and 4096");
                }
                widths.add(i);
            }
            widths.sort(Integer::compare);
        }
        String pattern = values.get("pathPattern") == null ? d.output().pathPattern()
                : String.valueOf(values.get("pathPattern"));
        validatePattern(pattern, origin);
        Map<String, Object> theme = new LinkedHashMap<>(d.output().themeDefaults());
        Object rawTheme = values.get("themeDefaults");
        if (rawTheme != null) {
            if (!(rawTheme instanceof Map<?, ?> m)) {
                throw new InvalidConfigurationException(origin + ": key 'themeDefaults': expected a mapping");
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String flag = String.valueOf(e.getKey());
                if (!SiteConfig.THEME_FLAGS.contains(flag)) {
                    throw new InvalidConfigurationException(origin + ": key 'themeDefaults." + flag
                            + "': not a theme flag (known: " + String.join(", ", SiteConfig.THEME_FLAGS) + ")");
                }
                theme.put(flag, e.getValue());
            }
        }
        List<String> networks = new ArrayList<>();
        for (Object n : list(values.get("fetchAllowedNetworks"), origin, "fetchAllowedNetworks")) {
            String entry = String.valueOf(n).trim();
            if (!NETWORK.matcher(entry).matches()) {
                throw new InvalidConfigurationException(origin + ": key 'fetchAllowedNetworks': '" + n
                        + "' is not a CIDR block with an optional port (e.g. 10.20.0.0/16 or 127.0.0.1/32:8080)");
            }
            networks.add(entry);
        }
        return new SiteConfig(zone, new SiteConfig.Languages(defaultLanguage, languages, targets),
                new SiteConfig.Output(pattern, theme), thumbnails(values.get("thumbnails"), widths, origin),
                frontMatterRules(values, origin), networks);
    }

    /** A default or target language the site does not publish in would land in a folder Hugo does not render. */
    private static void requireListed(SiteLanguages site, String tag, String origin, String key) {
        if (!site.covers(tag)) {
            throw new InvalidConfigurationException(origin + ": key '" + key + "': '" + tag
                    + "' is not one of the site's languages " + site.listed() + " (key 'languages')");
        }
    }

    /** The keys of {@link SiteConfig.FrontMatterRules}: missingDate, summaryMaxChars, maxTags. */
    private static SiteConfig.FrontMatterRules frontMatterRules(Map<String, Object> values, String origin) {
        SiteConfig.FrontMatterRules d = SiteConfig.FrontMatterRules.DEFAULTS;
        SiteConfig.MissingDate missingDate = d.missingDate();
        Object rawMissingDate = values.get("missingDate");
        if (rawMissingDate != null) {
            String word = String.valueOf(rawMissingDate).trim();
            if (!word.equals("fallback") && !word.equals("reject")) {
                throw new InvalidConfigurationException(origin + ": key 'missingDate': '" + rawMissingDate
                        + "' is neither fallback nor reject");
            }
            missingDate = SiteConfig.MissingDate.valueOf(word.toUpperCase(Locale.ROOT));
        }
        return new SiteConfig.FrontMatterRules(missingDate,
                count(values.get("summaryMaxChars"), d.summaryMaxChars(), 50, 5000, origin, "summaryMaxChars"),
                count(values.get("maxTags"), d.maxTags(), 1, 1000, origin, "maxTags"));
    }

    private static int count(Object value, int fallback, int min, int max, String origin, String key) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = value instanceof Integer i ? i : Integer.parseInt(String.valueOf(value).trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(origin + ": key '" + key + "': " + value
                + " is not a whole number between " + min + " and " + max);
    }

    private static ThumbnailSettings thumbnails(Object raw, List<Integer> widths, String origin) {
        ThumbnailSettings d = ThumbnailSettings.defaults().withWidths(widths);
        if (raw == null) {
            return d;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw new InvalidConfigurationException(origin + ": key 'thumbnails': expected a mapping such as "
                    + "{link: false}");
        }
        for (Object key : m.keySet()) {
            if (!THUMBNAIL_KEYS.contains(String.valueOf(key))) {
                throw new InvalidConfigurationException(origin + ": key 'thumbnails." + key + "': unknown (known: "
                        + String.join(", ", THUMBNAIL_KEYS.stream().sorted().toList()) + ")");
            }
        }
        boolean link = d.link();
        Object rawLink = m.get("link");
        if (rawLink != null) {
            if (rawLink instanceof Boolean b) {
                link = b;
            } else if (rawLink.equals("true") || rawLink.equals("false")) {
                link = Boolean.parseBoolean((String) rawLink);
            } else {
                throw new InvalidConfigurationException(origin + ": key 'thumbnails.link': " + rawLink
                        + " is not true or false");
            }
        }
        return new ThumbnailSettings(widths, link,
                pixels(m.get("mainWidth"), d.mainWidth(), origin, "thumbnails.mainWidth"),
                pixels(m.get("minSize"), d.minSide(), origin, "thumbnails.minSize"));
    }

    private static int pixels(Object raw, int fallback, String origin, String key) {
        if (raw == null) {
            return fallback;
        }
        Object value = raw;
        if (raw instanceof String text && text.matches("[0-9]{1,4}")) {
            value = Integer.parseInt(text);
        }
        if (!(value instanceof Integer i) || i < 1 || i > 4096) {
            throw new InvalidConfigurationException(origin + ": key '" + key + "': " + raw
                    + " is not a number of pixels between 1 and 4096");
        }
        return i;
    }

    private static void validatePattern(String pattern, String origin) {
        if (pattern.isBlank() || pattern.startsWith("/") || pattern.contains("..") || !pattern.contains("{slug}")
                && !pattern.contains("{id}")) {
            throw new InvalidConfigurationException(origin + ": key 'pathPattern': '" + pattern
                    + "' must be a relative path containing {slug} or {id}, without '..'");
        }
        var m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new InvalidConfigurationException(origin + ": key 'pathPattern': unknown placeholder {"
                        + m.group(1) + "} (known: {lang} {yyyy} {mm} {dd} {slug} {id})");
            }
        }
    }

    private static List<?> list(Object value, String origin, String key) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l;
        }
        if (value instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"));
        }
        throw new InvalidConfigurationException(origin + ": key '" + key + "': expected a list");
    }

    private static String language(Object value, String origin, String key) {
        String tag = String.valueOf(value).trim().replace('_', '-');
        String[] parts = tag.split("-");
        parts[0] = parts[0].toLowerCase(Locale.ROOT);
        if (parts.length > 1 && parts[1].length() == 2) {
            parts[1] = parts[1].toUpperCase(Locale.ROOT);
        }
        tag = String.join("-", parts);
        if (!LANGUAGE.matcher(tag).matches()) {
            throw new InvalidConfigurationException(origin + ": key '" + key + "': '" + value
                    + "' is not a BCP 47 language tag (e.g. en, fr, pt-BR)");
        }
        return tag;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
