package newsroom.core.translation;

import java.util.Objects;

import newsroom.core.port.Translator;

/**
 * Translates Markdown through a {@link Translator} without touching its protected spans (see
 * {@link MarkdownSegmenter}), in requests that respect {@link Translator#maxRequestBytes()} (see
 * {@link ChunkPlanner}). When a response comes back with placeholders lost or reordered, that request's prose runs
 * are translated one by one instead, so structure is never damaged. Thread-safe if the translator is.
 */
final class MarkdownTranslator {

    private final Translator translator;
    private final MarkdownSegmenter segmenter = new MarkdownSegmenter();
    private final ChunkPlanner planner;

    MarkdownTranslator(Translator translator) {
        this.translator = Objects.requireNonNull(translator, "translator");
        this.planner = new ChunkPlanner(translator.maxRequestBytes());
    }

    /** The translated text; exceptions of the translator pass through unchanged. */
    String translate(String markdown, String sourceLanguage, String targetLanguage) {
        StringBuilder out = new StringBuilder(markdown.length() + markdown.length() / 4);
        for (ChunkPlanner.Part part : planner.plan(segmenter.segment(markdown))) {
            if (!part.isChunk()) {
                out.append(part.verbatim());
                continue;
            }
            Chunk chunk = part.chunk();
            String response = call(chunk.request(), sourceLanguage, targetLanguage);
            out.append(chunk.restore(response)
                    .orElseGet(() -> translateRunByRun(chunk, sourceLanguage, targetLanguage)));
        }
        return out.toString();
    }

    private String translateRunByRun(Chunk chunk, String sourceLanguage, String targetLanguage) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : chunk.segments()) {
            String text = segment.text();
            if (!segment.isText() || !ChunkPlanner.hasLetter(text)) {
                out.append(text);
                continue;
            }
            String prose = text.strip();
            int start = text.indexOf(prose);
            out.append(text, 0, start)
                    .append(call(prose, sourceLanguage, targetLanguage).strip())
                    .append(text, start + prose.length(), text.length());
        }
        return out.toString();
    }

    private String call(String text, String sourceLanguage, String targetLanguage) {
        return Objects.requireNonNull(translator.translate(text, sourceLanguage, targetLanguage),
                "the translator returned null");
    }
}
