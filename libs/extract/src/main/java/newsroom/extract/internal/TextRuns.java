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
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (inRun.test(c)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                runs.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            runs.add(text.substring(start));
        }
        return runs;
    }
}
