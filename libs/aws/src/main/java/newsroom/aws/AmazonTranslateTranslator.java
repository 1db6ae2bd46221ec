package newsroom.aws;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;

import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.TextSizeLimitExceededException;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

import newsroom.core.port.Translator;

/**
 * {@link Translator} on Amazon Translate's TranslateText. Requests are refused before sending when the text is over
 * {@value #MAX_REQUEST_BYTES} UTF-8 bytes (the API's limit); throttling is retried by the SDK client
 * ({@link AwsClients} uses standard retries); a language pair Translate does not support fails with
 * {@link UnsupportedTranslationException}.
 */
public final class AmazonTranslateTranslator implements Translator {

    /** TranslateText accepts at most 10,000 bytes of UTF-8 text per request. */
    public static final int MAX_REQUEST_BYTES = 10_000;

    private final TranslateClient translate;

    public AmazonTranslateTranslator(TranslateClient translate) {
        this.translate = Objects.requireNonNull(translate, "translate");
    }

    /**
     * @throws IllegalArgumentException        when the text is empty or over {@link #maxRequestBytes()} bytes
     * @throws UnsupportedTranslationException when Translate cannot translate between the two languages
     */
    @Override
    public String translate(String text, String sourceLanguage, String targetLanguage) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceLanguage, "sourceLanguage");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        int bytes = text.getBytes(UTF_8).length;
        if (bytes == 0 || bytes > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("text to translate must be 1.." + MAX_REQUEST_BYTES
                    + " UTF-8 bytes, was " + bytes + " (split it before calling)");
        }
        try {
            TranslateTextResponse response = translate.translateText(b -> b.text(text)
                    .sourceLanguageCode(sourceLanguage)
                    .targetLanguageCode(targetLanguage));
            return response.translatedText();
        } catch (UnsupportedLanguagePairException e) {
            throw new UnsupportedTranslationException("Amazon Translate cannot translate " + sourceLanguage + " to "
                    + targetLanguage + ": " + e.awsErrorDetails().errorMessage());
        } catch (TextSizeLimitExceededException e) {
            throw new IllegalArgumentException("Amazon Translate refused the text as too long (" + bytes + " bytes): "
                    + e.awsErrorDetails().errorMessage());
        }
    }

    /** SnapStart priming: a {@code TranslateText} request marshalled and signed, then stopped before transmission. */
    void primeDryRun() {
        try {
            translate.translateText(b -> b.text("priming").sourceLanguageCode("en").targetLanguageCode("de")
                    .overrideConfiguration(DryRun::apply));
        } catch (RuntimeException e) {
            if (!DryRun.stopped(e)) {
                throw e;
            }
            return;
        }
        throw new IllegalStateException("the TranslateText dry run was not stopped before transmission");
    }

    @Override
    public int maxRequestBytes() {
        return MAX_REQUEST_BYTES;
    }

    /** The language pair cannot be translated; retrying will not help. */
    public static final class UnsupportedTranslationException extends IllegalArgumentException {
        public UnsupportedTranslationException(String message) {
            super(message);
        }
    }
}
