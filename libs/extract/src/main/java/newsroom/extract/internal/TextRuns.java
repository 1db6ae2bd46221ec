package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits a text into its maximal runs of code points of one class, in order: what a regular expression {@code
 * [class]+} finds with {@code Matcher.find}, without a matcher (the word and token lists of the finders).
 */
final class TextRuns {

    private TextRuns() {
    }

    /** The maximal runs of code points of {@code text} that {@code inRun} accepts, in order. */
    static List<String> of(String text, IntPredicate inRun) {
        List<String> runs = new ArrayList<>();
        int end = 0;
        for (int start = runStart(text, 0, inRun); start >= 0; start = runStart(text, end, inRun)) {
            end = runEnd(text, start, inRun);
            runs.add(text.substring(start, end));
        }
        return runs;
    }

    /**
     * Where the first run at or after {@code from} (a code point boundary) starts, or -1 if none does: with {@link
     * #runEnd}, the runs of {@link #of} as positions, for a caller that needs no string per run.
     */
    static int runStart(String text, int from, IntPredicate inRun) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (inRun.test(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Where the run that starts at {@code start} ends (its last code point's end). */
    static int runEnd(String text, int start, IntPredicate inRun) {
        int i = start;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!inRun.test(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }
}
