package newsroom.core.translation;

import java.util.Objects;

/**
 * A piece of a Markdown text: either prose to translate or a protected span that must come back byte for byte.
 * Concatenating the segments of a text gives the text again.
 *
 * @param text  the exact characters of the piece, never empty
 * @param kind  prose or which kind of protected span
 */
record Segment(String text, Kind kind) {

    /** Protected kinds are ordered by how strong a boundary they are for chunking. */
    enum Kind {
        /** Prose, sent to the translator. */
        TEXT,
        /** A protected span inside a line: code span, URL, link target, entity, shortcode, inline HTML. */
        INLINE,
        /** Line structure: line end, the next line's indentation and block markers (>, -, 1., #). */
        LINE,
        /** Paragraph structure: blank lines and whole protected blocks (code, HTML, table rules). */
        BLOCK
    }

    Segment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty segment");
        }
    }

    boolean isText() {
        return kind == Kind.TEXT;
    }

    /** Line and block spans are sent on their own line, so the translator sees the text's line structure. */
    boolean breaksLine() {
        return kind == Kind.LINE || kind == Kind.BLOCK;
    }
}
