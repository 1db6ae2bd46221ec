package newsroom.extract.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import newsroom.core.text.LanguageTags;
import newsroom.extract.Field;

/**
 * Chooses the article's language: the first well-formed tag the page declares (JSON-LD {@code inLanguage},
 * {@code og:locale} and other {@code <meta>} names, {@code <html lang>}), checked against the article text with an
 * n-gram detector (optimaize language-detector, 71 languages).
 *
 * <p>Contract: a declaration is kept unless the text is long enough ({@value #MIN_TEXT_CHARS} characters) and the
 * detector is sure ({@value #SURE} or more) of another primary language that it knows the declared one too (a
 * language without a profile is never overruled). With no usable declaration the detected language is taken when
 * the detector is sure, else there is none (the source's default applies later). The detector reads at most
 * {@value #MAX_TEXT_CHARS} characters. Its 71 profiles load once per JVM, on first use. Thread-safe.
 *
 * <p>Shortcut: the detector is costly (random-sampling trials over a large n-gram map), so the text's function words
 * are looked at first ({@link FunctionWords}): when they clearly say the declared language, the declaration is kept;
 * when they clearly say another listed language, that language is taken (origin {@code text}), overruling the
 * declaration as the detector's sure answer would (so only when the detector knows the declared language). Only the
 * remaining texts (mixed, thin, or in a language without a list) go to the detector. A Japanese or
 * Korean declaration is kept the same way when the text is mostly written in that language's own script
 * ({@link OwnScript}). On the 470 pages of the benchmark and metadata-dev sets the shortcuts give the detector's
 * answer on every page they decide.
 */
public final class LanguageCheck {

    /** Below this, n-gram statistics are too thin to overrule what the page says. */
    static final int MIN_TEXT_CHARS = 200;
    /**
     * More text changes nothing about the answer on the benchmark (same 26 choices with 3,000) and costs time: with
     * 1,000 characters the check is 3–7 % of the extraction time instead of 26–40 % (see docs/extraction.md).
     */
    static final int MAX_TEXT_CHARS = 1000;
    /** Probability the detector must give a language to overrule a declaration or stand in for a missing one. */
    static final double SURE = 0.95;
    private static final Pattern TAG_LIST_SEPARATOR = Pattern.compile("[,;\\s]+");
    /** A two-letter language, a three-letter second subtag, and the rest ({@code de-ere}, {@code en_abc-US}). */
    private static final Pattern STRAY_EXTLANG = Pattern.compile("(?i)([a-z]{2})[-_][a-z]{3}((?:[-_][a-z0-9]+)*)");
    /**
     * The two-letter ISO 639 macrolanguages (zh, ar, ms, sw, uz, lv …): only under a macrolanguage (or {@code sgn})
     * does the IANA registry list extended language subtags, so only there is {@code xx-yyy} a language of its own.
     */
    private static final Set<String> EXTLANG_PREFIXES = Set.of("ar", "ay", "az", "cr", "et", "fa", "ff", "gn", "ik",
            "iu", "kg", "kr", "ku", "kv", "lv", "mg", "mn", "ms", "ne", "no", "oj", "om", "or", "ps", "qu", "sc", "sq",
            "sw", "uz", "yi", "za", "zh");
    /** Origin of a language read from the text rather than from a declaration. */
    static final String DETECTED = "text";

    private LanguageCheck() {
    }

    /**
     * The first candidate that is a well-formed language tag, as a canonical tag ({@code en_US} gives
     * {@code en-US}; of a list such as {@code en, fr} the first), keeping the candidate's origin.
     */
    public static Optional<Field<String>> firstDeclared(List<Field<String>> candidates) {
        for (Field<String> candidate : candidates) {
            String first = withoutStrayExtlang(TAG_LIST_SEPARATOR.split(candidate.value(), 2)[0]);
            Optional<String> tag = first.isEmpty() ? Optional.empty() : LanguageTags.normalize(first);
            if (tag.isPresent()) {
                return Optional.of(new Field<>(tag.get(), candidate.origin()));
            }
        }
        return Optional.empty();
    }

    /**
     * The tag without a three-letter second subtag after a language that has no extended language subtags
     * ({@code de-ere} gives {@code de}). BCP 47 reads such a subtag as an extlang, which names the language itself
     * ({@code zh-yue} is Cantonese), and a tag parser takes it for the language ({@code ere}); but extlangs are
     * registered only under macrolanguages, so after any other language it is a stray (a typo or a template's
     * placeholder) and the first subtag is what the page says.
     */
    static String withoutStrayExtlang(String tag) {
        Matcher m = STRAY_EXTLANG.matcher(tag.strip());
        return m.matches() && !EXTLANG_PREFIXES.contains(m.group(1).toLowerCase(Locale.ROOT))
                ? m.group(1) + (m.group(2) == null ? "" : m.group(2)) : tag;
    }

    /**
     * @param declared what the page declares (see {@link #firstDeclared}), or empty
     * @param text     the article's plain text
     * @return the declaration, or the detected language with origin {@code text} (naming the overruled declaration)
     */
    public static Optional<Field<String>> check(Optional<Field<String>> declared, String text) {
        String sample = sampleOf(text);
        if (sample.strip().length() < MIN_TEXT_CHARS) {
            return declared;
        }
        if (declared.isPresent() && (FunctionWords.confirms(primary(declared.get().value()), sample)
                || OwnScript.confirms(primary(declared.get().value()), sample))) {
            // the text's function words, or a script only the declared language writes, clearly say the declared
            // language: the detector would agree
            return declared;
        }
        // the function words clearly say one listed language (not the declared one: that was confirmed above), which
        // is what the detector is sure of on such text: taken as it would take its own answer
        Optional<String> clear = FunctionWords.language(sample);
        if (clear.isPresent() && (declared.isEmpty() || Detector.knows(primary(declared.get().value())))) {
            return detected(declared, clear.get());
        }
        return byDetector(declared, sample);
    }

    /**
     * What {@link #check} answers by its contract, from the detector alone (no shortcut): the answer the shortcuts
     * must give on every text they decide.
     */
    static Optional<Field<String>> checkByDetector(Optional<Field<String>> declared, String text) {
        String sample = sampleOf(text);
        return sample.strip().length() < MIN_TEXT_CHARS ? declared : byDetector(declared, sample);
    }

    /** The part of the text the check reads. */
    private static String sampleOf(String text) {
        return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    }

    private static Optional<Field<String>> byDetector(Optional<Field<String>> declared, String sample) {
        Optional<String> detected = Detector.sureLanguage(sample);
        if (detected.isEmpty()) {
            return declared;
        }
        if (declared.isPresent() && (primary(declared.get().value()).equals(detected.get())
                || !Detector.knows(primary(declared.get().value())))) {
            return declared;
        }
        return detected(declared, detected.get());
    }

    /** The language read from the text, naming the declaration it overrules, if any. */
    private static Optional<Field<String>> detected(Optional<Field<String>> declared, String language) {
        if (declared.isEmpty()) {
            return Optional.of(new Field<>(language, DETECTED));
        }
        return Optional.of(new Field<>(language, DETECTED + " (declared " + declared.get().value() + " in "
                + declared.get().origin() + ")"));
    }

    /**
     * Loads the detector's profiles now (the costly part, 1–4 s) and runs it once, for SnapStart priming: the
     * function-word shortcut means an ordinary page may never reach the detector.
     */
    public static void warmUp() {
        Detector.sureLanguage("The harbour authority said on Tuesday that the two solar ferries would enter service.");
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** The detector and its profiles, loaded on first use (class initialization is thread-safe and done once). */
    private static final class Detector {
        private static final LanguageDetector DETECTOR;
        private static final Set<String> LANGUAGES;
        /** The article text is already clean plain text: the large-text factory's filters only cost time. */
        private static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingShortCleanText();

        static {
            try {
                List<LanguageProfile> profiles = new LanguageProfileReader().readAllBuiltIn();
                DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
                LANGUAGES = profiles.stream().map(p -> p.getLocale().getLanguage()).collect(Collectors.toSet());
            } catch (IOException e) {
                throw new UncheckedIOException("the language detector's built-in profiles cannot be read", e);
            }
        }

        static Optional<String> sureLanguage(String text) {
            List<DetectedLanguage> ranked = DETECTOR.getProbabilities(TEXT.forText(text));
            if (ranked.isEmpty() || ranked.get(0).getProbability() < SURE) {
                return Optional.empty();
            }
            return Optional.of(ranked.get(0).getLocale().getLanguage());
        }

        static boolean knows(String language) {
            return LANGUAGES.contains(language);
        }
    }
}
