package newsroom.core.port;

/**
 * Machine translation of plain text or Markdown fragments (Amazon Translate on AWS).
 * Callers keep each request under {@link #maxRequestBytes()} UTF-8 bytes.
 */
public interface Translator {

    String translate(String text, String sourceLanguage, String targetLanguage);

    /** Largest text, in UTF-8 bytes, one {@link #translate} call accepts. */
    int maxRequestBytes();
}
