package newsroom.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import newsroom.core.config.InvalidConfigurationException;

/**
 * Reads and validates the sources file (YAML). Every problem names the entry and the key, e.g.
 * {@code sources[2] (name "x"): url: not an http(s) URL}; unknown keys and duplicate names are errors, so a typo
 * never silently disables a source. Limits: 1 MiB, nesting depth 10, 10 aliases, 10,000 sources
 * (the poll dispatcher fans them out one queue message each; docs/scale.md).
 *
 * <pre>
 * sources:
 *   - name: coinlive            # required, [A-Za-z0-9._-], unique
 *     type: feed                # required: feed | sitemap | homepage
 *     url: https://coinlive.example/feed
 *     timeZone: Asia/Seoul      # default UTC
 *     language: ko              # default: the site's default language
 *     categories: [crypto]      # default none
 *     tags: [markets]           # default none
 *     maxItemsPerPoll: 20       # default 50, 1..1000
 *     pollEveryMinutes: 60      # default: the deployment's POLL_INTERVAL_MINUTES; 1..10080 (a week)
 *     enabled: true             # default true
 * </pre>
 */
public final class SourcesFileLoader {

    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final int MAX_SOURCES = 10_000;
    public static final int MAX_POLL_EVERY_MINUTES = 7 * 24 * 60;
    public static final int DEFAULT_MAX_ITEMS_PER_POLL = 50;

    private static final Set<String> KEYS = Set.of("name", "type", "url", "timeZone", "language", "categories",
            "tags", "maxItemsPerPoll", "enabled", "pollEveryMinutes");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private SourcesFileLoader() {
    }

    /** Reads the file; every source in it, enabled or not, in file order. */
    public static List<Source> load(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidConfigurationException(file + ": larger than " + MAX_FILE_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            }
        } catch (IOException e) {
            throw new InvalidConfigurationException(file + ": cannot read sources file: "
                    + FeedParser.firstLine(e.getMessage()));
        }
    }

    /** Parses YAML from a stream; {@code origin} names it in messages. */
    public static List<Source> parse(InputStream in, String origin) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10).build()).build());
        yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Object tree;
        try {
            tree = yaml.readValue(in, Object.class);
        } catch (IOException e) {
            throw new InvalidConfigurationException(origin + ": not valid YAML: "
                    + FeedParser.firstLine(e.getMessage()));
        }
        if (!(tree instanceof Map<?, ?> top) || !top.containsKey("sources")) {
            throw new InvalidConfigurationException(origin + ": expected a mapping with a 'sources' list at the top");
        }
        if (top.size() != 1) {
            throw new InvalidConfigurationException(origin + ": unknown top-level key(s) "
                    + top.keySet().stream().filter(k -> !"sources".equals(k)).toList() + " (only 'sources')");
        }
        if (!(top.get("sources") instanceof List<?> entries)) {
            throw new InvalidConfigurationException(origin + ": 'sources' must be a list");
        }
        if (entries.size() > MAX_SOURCES) {
            throw new InvalidConfigurationException(origin + ": more than " + MAX_SOURCES + " sources");
        }
        List<Source> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Source s = source(entries.get(i), i, origin);
            if (!names.add(s.name())) {
                throw new InvalidConfigurationException(where(origin, i, s.name()) + "name: duplicate of an earlier "
                        + "source");
            }
            sources.add(s);
        }
        return sources;
    }

    private static Source source(Object entry, int index, String origin) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new InvalidConfigurationException(where(origin, index, null) + "expected a mapping of settings");
        }
        Object rawName = map.get("name");
        String name = rawName == null ? null : String.valueOf(rawName);
        String at = where(origin, index, name);
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new InvalidConfigurationException(at + key + ": unknown key (known: "
                        + KEYS.stream().sorted().toList() + ")");
            }
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigurationException(at + "name: required, 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        Source.Type type = type(map.get("type"), at);
        URI url = url(map.get("url"), at);
        ZoneId zone = ZoneOffset.UTC;
        if (map.get("timeZone") != null) {
            try {
                zone = ZoneId.of(String.valueOf(map.get("timeZone")));
            } catch (DateTimeException e) {
                throw new InvalidConfigurationException(at + "timeZone: not a time zone: " + map.get("timeZone")
                        + " (use an IANA name such as Europe/Paris, or UTC)");
            }
        }
        String language = null;
        if (map.get("language") != null) {
            language = String.valueOf(map.get("language")).trim().replace('_', '-');
            if (!LANGUAGE.matcher(language.toLowerCase(Locale.ROOT).split("-")[0]).matches()) {
                throw new InvalidConfigurationException(at + "language: '" + map.get("language")
                        + "' is not a BCP 47 language tag (e.g. en, fr, pt-BR)");
            }
        }
        int maxItems = DEFAULT_MAX_ITEMS_PER_POLL;
        Object rawMax = map.get("maxItemsPerPoll");
        if (rawMax != null) {
            if (!(rawMax instanceof Integer m) || m < 1 || m > 1000) {
                throw new InvalidConfigurationException(at + "maxItemsPerPoll: expected a whole number 1..1000, was "
                        + rawMax);
            }
            maxItems = m;
        }
        Duration interval = null;
        Object rawEvery = map.get("pollEveryMinutes");
        if (rawEvery != null) {
            if (!(rawEvery instanceof Integer m) || m < 1 || m > MAX_POLL_EVERY_MINUTES) {
                throw new InvalidConfigurationException(at + "pollEveryMinutes: expected a whole number 1.."
                        + MAX_POLL_EVERY_MINUTES + ", was " + rawEvery);
            }
            interval = Duration.ofMinutes(m);
        }
        boolean enabled = true;
        Object rawEnabled = map.get("enabled");
        if (rawEnabled != null) {
            if (!(rawEnabled instanceof Boolean b)) {
                throw new InvalidConfigurationException(at + "enabled: expected true or false, was " + rawEnabled);
            }
            enabled = b;
        }
        return new Source(name, type, url, zone, language, strings(map.get("categories"), at + "categories"),
                strings(map.get("tags"), at + "tags"), maxItems, enabled, interval);
    }

    private static Source.Type type(Object raw, String at) {
        if (raw == null) {
            throw new InvalidConfigurationException(at + "type: required (feed | sitemap | homepage)");
        }
        try {
            return Source.Type.valueOf(String.valueOf(raw).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(at + "type: '" + raw + "' is not one of feed | sitemap | homepage");
        }
    }

    private static URI url(Object raw, String at) {
        if (raw == null) {
            throw new InvalidConfigurationException(at + "url: required");
        }
        try {
            URI uri = new URI(String.valueOf(raw).trim());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw new InvalidConfigurationException(at + "url: not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(at + "url: not an http(s) URL");
        }
    }

    private static List<String> strings(Object raw, String at) {
        if (raw == null) {
            return List.of();
        }
        List<?> list = raw instanceof List<?> l ? l : List.of(raw);
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String || o instanceof Number) || String.valueOf(o).isBlank()) {
                throw new InvalidConfigurationException(at + ": expected a list of words, found " + o);
            }
            out.add(String.valueOf(o).trim());
        }
        return out;
    }

    private static String where(String origin, int index, String name) {
        return origin + ": sources[" + index + "]" + (name == null ? "" : " (name \"" + name + "\")") + ": ";
    }
}
