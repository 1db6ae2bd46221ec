package newsroom.core.translation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One translator request: a run of segments that starts and ends with prose. Protected spans travel as numbered
 * placeholders {@code {0}}, {@code {1}}, … (on a line of their own when they carry line structure), so the
 * translator sees the sentence around a link or a code span but never its content. Prose cannot contain a brace
 * (the segmenter protects braces), so every placeholder in a response is one of ours.
 */
record Chunk(List<Segment> segments) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,6})}");

    Chunk {
        segments = List.copyOf(segments);
    }

    /** The text sent to the translator. */
    String request() {
        StringBuilder request = new StringBuilder();
        int placeholder = 0;
        for (Segment segment : segments) {
            if (segment.isText()) {
                request.append(segment.text());
            } else if (segment.breaksLine()) {
                request.append('\n').append('{').append(placeholder++).append("}\n");
            } else {
                request.append('{').append(placeholder++).append('}');
            }
        }
        return request.toString();
    }

    /**
     * Puts the protected spans back into a translated response. Empty when the translator lost, repeated or
     * reordered a placeholder: the caller then translates the prose runs one by one instead.
     */
    Optional<String> restore(String response) {
        List<Segment> protectedSpans = segments.stream().filter(s -> !s.isText()).toList();
        String body = response.strip();
        StringBuilder out = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(body);
        int position = 0;
        int expected = 0;
        Segment previous = null;
        while (placeholder.find()) {
            if (expected >= protectedSpans.size() || Integer.parseInt(placeholder.group(1)) != expected) {
                return Optional.empty();
            }
            Segment span = protectedSpans.get(expected++);
            out.append(prose(body.substring(position, placeholder.start()), previous, span));
            out.append(span.text());
            previous = span;
            position = placeholder.end();
        }
        if (expected != protectedSpans.size()) {
            return Optional.empty();
        }
        out.append(prose(body.substring(position), previous, null));
        return Optional.of(out.toString());
    }

    /** Drops the newlines this request put around line-structure placeholders (the span brings its own). */
    private static String prose(String text, Segment before, Segment after) {
        String result = text;
        if (before != null && before.breaksLine()) {
            result = result.stripLeading();
        }
        if (after != null && after.breaksLine()) {
            result = result.stripTrailing();
        }
        return result;
    }
}
