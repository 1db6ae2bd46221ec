package newsroom.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link SiteConfig} from a Lambda function's environment variables (the edge passes
 * {@code System.getenv()}); every variable is optional and falls back to the documented default. Values are
 * validated by {@link SiteConfigLoader}, so a bad value fails at start with the variable named.
 *
 * <pre>
 * SITE_TIME_ZONE=Europe/Paris  SITE_LANGUAGES=en,fr  DEFAULT_LANGUAGE=en  TARGET_LANGUAGES=fr
 * THUMBNAIL_WIDTHS=320,640,1280  PATH_PATTERN=content/{lang}/{yyyy}/{mm}/{slug}.md
 * MISSING_DATE=fallback  SUMMARY_MAX_CHARS=300  MAX_TAGS=10
 * </pre>
 */
public final class SiteEnvironment {

    /** Variable name to the {@link SiteConfigLoader} key it sets. */
    private static final Map<String, String> KEYS = Map.of(
            "SITE_TIME_ZONE", "timeZone",
            "DEFAULT_LANGUAGE", "defaultLanguage",
            "TARGET_LANGUAGES", "targetLanguages",
            "THUMBNAIL_WIDTHS", "thumbnailWidths",
            "PATH_PATTERN", "pathPattern",
            "SITE_LANGUAGES", "languages",
            "MISSING_DATE", "missingDate", "SUMMARY_MAX_CHARS", "summaryMaxChars", "MAX_TAGS", "maxTags");

    /** Every variable this class reads, for the template checks. */
    public static final List<String> VARIABLES =
            List.of("SITE_TIME_ZONE", "DEFAULT_LANGUAGE", "TARGET_LANGUAGES", "THUMBNAIL_WIDTHS", "PATH_PATTERN",
                    "SITE_LANGUAGES", "MISSING_DATE", "SUMMARY_MAX_CHARS", "MAX_TAGS",
                    "THUMBNAIL_LINK", "THUMBNAIL_MAIN_WIDTH", "THUMBNAIL_MIN_SIZE");

    /** Variable name to the key it sets under the {@code thumbnails} mapping. */
    private static final Map<String, String> THUMBNAIL_KEYS = Map.of(
            "THUMBNAIL_LINK", "link",
            "THUMBNAIL_MAIN_WIDTH", "mainWidth",
            "THUMBNAIL_MIN_SIZE", "minSize");

    private SiteEnvironment() {
    }

    /** @throws InvalidConfigurationException naming the variable whose value cannot be used */
    public static SiteConfig fromEnvironment(Map<String, String> env) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String variable : VARIABLES) {
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (THUMBNAIL_KEYS.containsKey(variable)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> thumbnails = (Map<String, Object>) values.computeIfAbsent("thumbnails",
                        k -> new LinkedHashMap<String, Object>());
                thumbnails.put(THUMBNAIL_KEYS.get(variable), value.trim());
                continue;
            }
            values.put(KEYS.get(variable), variable.equals("THUMBNAIL_WIDTHS") ? widths(value) : value.trim());
        }
        try {
            return SiteConfigLoader.fromMap(values, "environment");
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException(e.getMessage() + " (variables: " + String.join(", ", VARIABLES)
                    + ")");
        }
    }

    private static List<Integer> widths(String value) {
        List<Integer> widths = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                widths.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException("environment: variable THUMBNAIL_WIDTHS: '" + value
                        + "' is not a comma-separated list of widths in pixels such as 320,640,1280");
            }
        }
        return widths;
    }
}
