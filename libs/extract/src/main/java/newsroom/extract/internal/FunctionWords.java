package newsroom.extract.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cheap first look at a text's language: counts the most frequent function words ("the", "und", "les", "que" …)
 * of the Latin-script languages the newsroom meets, of Indonesian with Malay beside it, and of Russian with its
 * Cyrillic neighbours Ukrainian and Bulgarian, to confirm a page's declaration without running the n-gram detector (a
 * small fraction of its cost).
 *
 * <p>Contract: {@link #confirms} is true only when the declared language has a list here, the text has at least
 * {@value #MIN_WORDS} words, at least {@value #MIN_SHARE_PERCENT} % of them are in the declared language's list,
 * at least {@value #MIN_DISTINCT} of them are words of that list alone (not "de", "en", "la", "die", which several
 * languages share), and those are at least {@value #DOMINANCE} times as many as the words of any other list alone.
 * Close relatives are listed (Catalan beside Spanish and Portuguese, Swedish beside Danish, Ukrainian and Bulgarian
 * beside Russian, Malay beside Indonesian) so that one of them is never taken for the other; Ukrainian, Bulgarian and
 * Malay are never said (they are there to keep the words Russian or Indonesian shares with them from counting as that
 * language alone), and Indonesian is confirmed but never named ({@link #language} leaves it to the detector).
 * Anything else (a language without a list, a mixed or thin text, no declaration) leaves the decision to the
 * detector. Stateless and thread-safe.
 */
final class FunctionWords {

    static final int MIN_WORDS = 30;
    static final int MIN_SHARE_PERCENT = 12;
    static final int MIN_DISTINCT = 5;
    static final int DOMINANCE = 4;

    private static final String SHARED_BY_INDONESIAN_AND_MALAY = "yang dan di ini itu dengan untuk tidak dari dalam"
            + " akan pada juga ke ada atau oleh kami kita mereka sudah telah lebih adalah sebagai tersebut hanya jika"
            + " namun tetapi belum masih harus seperti sangat agar serta hingga sampai kepada lagi pun secara bagi"
            + " antara boleh daripada ia cuma jadi";

    /** The frequent function words of each language. */
    private static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("en", "the of and to a in is that for it with as was on are be by this at from or have an they"
                    + " which you were her his has their not but we had been will would there can what all when who"
                    + " more one said about its into than them these after if only other new some could our most over"
                    + " such"),
            Map.entry("de", "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es"
                    + " an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum"
                    + " war haben nur oder aber vor zur bis mehr durch man sein wurde sei ich wir uns kann können diese"
                    + " dieser wenn schon also"),
            Map.entry("fr", "le la les de des et un une du est en que qui dans pour pas au sur par plus ne se ce il"
                    + " elle sont avec ont été mais ou aux son sa ses leur nous vous cette comme fait être tout très"
                    + " aussi si à"),
            Map.entry("es", "el la los las de del y a en que un una es por con para no se su sus al lo como más pero"
                    + " fue ha han va son este esta entre sobre también hay muy ya desde todo cuando si dos te mi"),
            Map.entry("it", "il lo la gli le di del della dei delle e a in che un una è per con non si sono da al alla"
                    + " nel nella anche come più ma ha questo questa essere stato tra dopo"),
            Map.entry("nl", "de het een en van in is dat op te zijn met voor niet die aan er ook als bij om maar door"
                    + " wordt worden naar dan heeft nog wel deze meer uit tot kan"),
            Map.entry("pt", "o a os as de do da dos das e em um uma que é para com não se no na por mais mas foi ao"
                    + " seu sua como são também pelo pela está muito ou já entre"),
            Map.entry("pl", "i w na z się że do nie jest to jak o po za od ale co przez czy jego są tak tym oraz może"
                    + " być już był była ich które który która także dla"),
            Map.entry("ca", "el la els les de del i a en que un una és per amb no es al als més però com va ha han"
                    + " aquest aquesta també molt seu seva dels pel"),
            Map.entry("sv", "och att det som en på är av för med till den har de inte om ett var jag men från vi kan"
                    + " sig ska så när eller efter också"),
            Map.entry("da", "og at det som en på er af for med til den har de ikke om et var jeg men fra vi kan sig"
                    + " skal så når eller efter også"),
            // Russian with Ukrainian and Bulgarian beside it: the words Russian shares with them are in their lists
            // too, so that only Russian forms (что, это, его, было …) count as Russian alone; Russian words that
            // Serbian, Macedonian or Belarusian also write (он, она, они, мы, вы, бы) are left out: those have no
            // list, so such a word would count as Russian alone in their texts
            Map.entry("ru", "и в не на что с по как это из у за то от о до для же так но все его было были был была"
                    + " только еще ещё даже когда который которые которая которых также может если чтобы её ее нет"
                    + " очень этого этой этом эти этот будет ему кто чем тоже можно при или"),
            // guards only (see NEVER_SAID): Serbian and Macedonian share many of their words
            Map.entry("uk", "і в у на не що з до за як це та й від по для його але ми він вона вони було були також"
                    + " якщо коли тільки вже ще же ж так все при о то які який яка"),
            Map.entry("bg", "и в на не да се за от с по е че това като са ще си но до из как или така при то той тя"
                    + " те бъде беше"),
            // Indonesian with Malay beside it: the two write most function words alike, so both lists hold those,
            // and only Indonesian forms (bisa, karena, bahwa, saja, setelah …) count as Indonesian alone
            Map.entry("id", SHARED_BY_INDONESIAN_AND_MALAY + " bisa karena bahwa saja setelah yaitu mau tapi nggak gak"
                    + " enggak sih dong udah aja"),
            // guard only (see NEVER_SAID)
            Map.entry("ms", SHARED_BY_INDONESIAN_AND_MALAY + " kerana bahawa sahaja selepas iaitu mahu semasa manakala"
                    + " tak"));

    /**
     * Languages listed only so that the words another list shares with them are not counted as that language alone;
     * their lists never confirm or name them (Ukrainian and Bulgarian share too many words with Serbian, Macedonian
     * and Belarusian, which have no list, to be told from them here; Malay is there for Indonesian).
     */
    private static final Set<String> NEVER_SAID = Set.of("uk", "bg", "ms");
    /**
     * Languages a list confirms when the page declares them but never names from the text alone: the detector's
     * Indonesian and Malay profiles overlap, and on real Indonesian pages (both of the benchmark's) it is often sure
     * of neither, so naming Indonesian where nothing is declared would answer what the detector does not.
     */
    private static final Set<String> NEVER_NAMED = Set.of("id");

    /** The listed languages; a language's index is its bit in {@link #LANGUAGES_OF}. */
    private static final String[] LANGUAGES = LISTS.keySet().stream().sorted().toArray(String[]::new);
    /** Each function word with the languages whose list holds it, as a bit set over {@link #LANGUAGES}. */
    private static final Map<String, Integer> LANGUAGES_OF = languagesOf();
    /** No function word is longer: a longer word is counted without being looked up. */
    private static final int LONGEST_WORD = LANGUAGES_OF.keySet().stream().mapToInt(String::length).max().orElse(0);
    /**
     * {@link #LANGUAGES_OF} as an open-addressing table keyed by {@link String#hashCode}, so that a word of the text
     * is looked up from its characters, lower-cased one at a time, without a substring or a lower-case copy.
     */
    private static final int TABLE_MASK = Integer.highestOneBit(LANGUAGES_OF.size() * 4) - 1;
    private static final String[] TABLE_WORDS = new String[TABLE_MASK + 1];
    private static final int[] TABLE_LANGUAGES = new int[TABLE_MASK + 1];

    static {
        LANGUAGES_OF.forEach((word, languages) -> {
            int slot = word.hashCode() & TABLE_MASK;
            while (TABLE_WORDS[slot] != null) {
                slot = slot + 1 & TABLE_MASK;
            }
            TABLE_WORDS[slot] = word;
            TABLE_LANGUAGES[slot] = languages;
        });
    }

    private FunctionWords() {
    }

    /** Whether the text's function words clearly say {@code language} (a lower-case primary subtag). */
    static boolean confirms(String language, String text) {
        return LISTS.containsKey(language) && !NEVER_SAID.contains(language)
                && count(text).say(Arrays.binarySearch(LANGUAGES, language));
    }

    /**
     * The listed language the text's function words clearly say, if any (the same test as {@link #confirms}): the
     * one with most words of its list alone. When two share the most, neither says it clearly.
     */
    static Optional<String> language(String text) {
        Counts counts = count(text);
        int most = 0;
        for (int language = 1; language < LANGUAGES.length; language++) {
            if (counts.distinct[language] > counts.distinct[most]) {
                most = language;
            }
        }
        return counts.say(most) && !NEVER_SAID.contains(LANGUAGES[most]) && !NEVER_NAMED.contains(LANGUAGES[most])
                ? Optional.of(LANGUAGES[most]) : Optional.empty();
    }

    /** Words of a text, and per language (by index) the words in its list and the words in its list alone. */
    private record Counts(int words, int[] listed, int[] distinct) {

        boolean say(int language) {
            int own = distinct[language];
            if (words < MIN_WORDS || listed[language] * 100 < words * MIN_SHARE_PERCENT || own < MIN_DISTINCT) {
                return false;
            }
            for (int other = 0; other < distinct.length; other++) {
                if (other != language && own < DOMINANCE * distinct[other]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Counts count(String text) {
        int words = 0;
        int[] listed = new int[LANGUAGES.length];
        int[] distinct = new int[LANGUAGES.length];
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                // lower case is never shorter, so a longer word is no function word
                int languages = i - start > LONGEST_WORD ? 0 : languagesOf(text, start, i);
                if (languages != 0) {
                    for (int language = 0; language < LANGUAGES.length; language++) {
                        if ((languages & 1 << language) != 0) {
                            listed[language]++;
                        }
                    }
                    if (Integer.bitCount(languages) == 1) {
                        distinct[Integer.numberOfTrailingZeros(languages)]++;
                    }
                }
                start = -1;
            }
        }
        return new Counts(words, listed, distinct);
    }

    /**
     * The languages (bit set, 0 for none) whose list holds {@code text[start, end)} in lower case: what
     * {@code LANGUAGES_OF.get(text.substring(start, end).toLowerCase(Locale.ROOT))} gives. A word of letters
     * lower-cases one character at a time ({@code Character.toLowerCase}) except for the two letters whose
     * {@code String} lower case differs (dotted capital I, two characters; capital sigma, final at a word's end):
     * such a word is looked up the slow way.
     */
    static int languagesOf(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\u0130' || c == '\u03A3') {
                return languagesOfLowerCase(text.substring(start, end).toLowerCase(Locale.ROOT));
            }
            hash = 31 * hash + Character.toLowerCase(c);
        }
        for (int slot = hash & TABLE_MASK; TABLE_WORDS[slot] != null; slot = slot + 1 & TABLE_MASK) {
            if (isLowerCaseOf(TABLE_WORDS[slot], text, start, end)) {
                return TABLE_LANGUAGES[slot];
            }
        }
        return 0;
    }

    /** The languages (bit set, 0 for none) whose list holds {@code word}, by the map the table is built from. */
    static int languagesOfLowerCase(String word) {
        Integer languages = LANGUAGES_OF.get(word);
        return languages == null ? 0 : languages;
    }

    private static boolean isLowerCaseOf(String word, String text, int start, int end) {
        if (word.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (word.charAt(i - start) != Character.toLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> languagesOf() {
        Map<String, Integer> languagesOf = new HashMap<>();
        for (int language = 0; language < LANGUAGES.length; language++) {
            for (String word : LISTS.get(LANGUAGES[language]).split(" ")) {
                languagesOf.merge(word, 1 << language, (a, b) -> a | b);
            }
        }
        return Map.copyOf(languagesOf);
    }
}
