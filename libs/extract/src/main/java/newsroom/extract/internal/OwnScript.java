package newsroom.extract.internal;

/**
 * A cheap first look for the languages whose script no other language writes: Japanese (its syllabaries, hiragana
 * and katakana, beside Chinese characters) and Korean (Hangul). A text mostly in such a script is in that language
 * for the n-gram detector too: the syllabaries and Hangul occur in no other language's profile.
 *
 * <p>Contract: {@link #confirms} is true only for {@code ja} and {@code ko}, and only when the text has at least
 * {@value #MIN_SCRIPT_LETTERS} letters of the language's own script and they make up most of its letters: for
 * Korean, Hangul at least two thirds of the letters; for Japanese, kana at least a third and kana with Chinese
 * characters at least two thirds (Chinese text, all Chinese characters and no kana, is never taken for Japanese).
 * Anything else is left to the detector. Stateless and thread-safe.
 */
final class OwnScript {

    static final int MIN_SCRIPT_LETTERS = 100;

    private OwnScript() {
    }

    /** Whether the text is clearly written in the own script of {@code language} (a lower-case primary subtag). */
    static boolean confirms(String language, String text) {
        boolean japanese = language.equals("ja");
        if (!japanese && !language.equals("ko")) {
            return false;
        }
        int letters = 0;
        int kana = 0;
        int han = 0;
        int hangul = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            switch (Character.UnicodeScript.of(c)) {
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case HANGUL -> hangul++;
                default -> {
                }
            }
        }
        if (japanese) {
            return kana >= MIN_SCRIPT_LETTERS && kana * 3 >= letters && (kana + han) * 3 >= letters * 2;
        }
        return hangul >= MIN_SCRIPT_LETTERS && hangul * 3 >= letters * 2;
    }
}
