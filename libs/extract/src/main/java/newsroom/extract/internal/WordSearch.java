package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A list of lower-case ASCII words looked for in a value (a class or id name, a {@code rel}) ignoring case, as
 * {@code value.toLowerCase(Locale.ROOT).contains(word)} answers for any of them (what a {@code [class~=(?i)a|b]}
 * query answers), in one pass over the value instead of one search per word.
 *
 * <p>Contract: {@link #foundIn} gives exactly the answer of the lower-case copy's {@code contains}; an ASCII value
 * (nearly every class name) is read once, each position compared only with the words that start with its letter;
 * a value with another character is lower-cased and searched word by word, as the words may then match letters that
 * lower-case to ASCII (the Kelvin sign, the dotted capital I). Immutable and thread-safe.
 */
final class WordSearch {

    /** The words by their first character (ASCII). */
    private final String[][] byFirst = new String[128][];

    private final List<String> words;
    /** The length of the shortest word: a shorter value holds none (see {@link #foundIn}). */
    private final int shortest;

    private WordSearch(List<String> words) {
        this.words = List.copyOf(words);
        this.shortest = this.words.stream().mapToInt(String::length).min().orElse(0);
        List<List<String>> lists = new ArrayList<>();
        for (int c = 0; c < byFirst.length; c++) {
            lists.add(new ArrayList<>());
        }
        for (String word : this.words) {
            if (word.isEmpty() || !word.chars().allMatch(c -> c < 128 && (c < 'A' || c > 'Z'))) {
                throw new IllegalArgumentException("not a non-empty lower-case ASCII word: " + word);
            }
            lists.get(word.charAt(0)).add(word);
        }
        for (int c = 0; c < byFirst.length; c++) {
            byFirst[c] = lists.get(c).isEmpty() ? null : lists.get(c).toArray(String[]::new);
        }
    }

    /** @param words non-empty lower-case ASCII words */
    static WordSearch of(List<String> words) {
        return new WordSearch(words);
    }

    /** Whether the value holds one of the words, ignoring case. */
    boolean foundIn(String value) {
        // each character lower-cases to at most one ASCII character (the dotted capital I gives "i" and a combining
        // dot), so a word spans at least as many characters of the value as it has: a shorter value holds none
        if (value.length() < shortest) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128) {
                return foundInLowerCase(value);
            }
            String[] candidates = byFirst[lower(c)];
            if (candidates != null) {
                for (String word : candidates) {
                    if (startsAt(value, i, word)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean foundInLowerCase(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII lower case of {@code value} holds {@code word} at {@code at}. */
    private static boolean startsAt(String value, int at, String word) {
        if (at + word.length() > value.length()) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            if (lower(value.charAt(at + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
