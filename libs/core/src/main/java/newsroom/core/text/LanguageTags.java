package newsroom.core.text;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalizes language tags to canonical BCP 47 spelling: {@code en_US} and {@code en-us} become {@code en-US},
 * {@code zh_hant_tw} becomes {@code zh-Hant-TW}. The primary language must be a two- or three-letter ISO 639 code
 * (so a language name such as {@code English} is not taken for a tag); deprecated codes are replaced by their
 * current ones ({@code iw} gives {@code he}).
 */
public final class LanguageTags {

    private LanguageTags() {
    }

    /** The canonical tag, or empty when {@code text} is not a well-formed tag with an ISO 639 language. */
    public static Optional<String> normalize(String text) {
        String candidate = text.strip().replace('_', '-');
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(candidate).build();
            int languageLength = locale.getLanguage().length();
            if (languageLength < 2 || languageLength > 3) {
                return Optional.empty();
            }
            return Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
