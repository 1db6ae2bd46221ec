package newsroom.core.translation;

/**
 * Thrown by a {@link newsroom.core.port.Translator} adapter when the engine cannot translate between two languages.
 * Retrying will not help: {@link TranslationService} records a skip with the reason. Any other runtime exception
 * from a translator (throttling, timeouts, service errors) is treated as transient and passed on for a retry.
 */
public class UnsupportedLanguagePairException extends RuntimeException {

    public UnsupportedLanguagePairException(String sourceLanguage, String targetLanguage, String detail) {
        super("unsupported language pair " + sourceLanguage + " -> " + targetLanguage
                + (detail == null || detail.isBlank() ? "" : ": " + detail));
    }
}
