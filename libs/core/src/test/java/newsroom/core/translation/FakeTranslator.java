package newsroom.core.translation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.core.port.Translator;

/**
 * Deterministic translator for tests. It enforces the port's size contract (a request over the limit fails the
 * test, as Amazon Translate would fail it), records every request, and applies a visible transformation.
 */
final class FakeTranslator implements Translator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private final int maxBytes;
    private final UnaryOperator<String> behaviour;
    private final List<String> requests = new ArrayList<>();

    private FakeTranslator(int maxBytes, UnaryOperator<String> behaviour) {
        this.maxBytes = maxBytes;
        this.behaviour = behaviour;
    }

    /** Returns the text unchanged. */
    static FakeTranslator identity(int maxBytes) {
        return new FakeTranslator(maxBytes, UnaryOperator.identity());
    }

    /** Wraps each run of prose between placeholders in ⟦lang:…⟧, keeping placeholders and edge whitespace. */
    static FakeTranslator visible(int maxBytes, String language) {
        return new FakeTranslator(maxBytes, text -> wrapRuns(text, language));
    }

    /** Like {@link #visible} but loses every placeholder, as a careless engine might. */
    static FakeTranslator losingPlaceholders(int maxBytes, String language) {
        return new FakeTranslator(maxBytes, text -> wrapRuns(PLACEHOLDER.matcher(text).replaceAll(""), language));
    }

    /** Fails every request with the given exception. */
    static FakeTranslator failing(int maxBytes, RuntimeException failure) {
        return new FakeTranslator(maxBytes, text -> {
            throw failure;
        });
    }

    @Override
    public synchronized String translate(String text, String sourceLanguage, String targetLanguage) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new AssertionError("request of " + bytes + " bytes exceeds the limit of " + maxBytes);
        }
        requests.add(text);
        return behaviour.apply(text);
    }

    @Override
    public int maxRequestBytes() {
        return maxBytes;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private static String wrapRuns(String text, String language) {
        StringBuilder out = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int position = 0;
        while (placeholder.find()) {
            out.append(wrap(text.substring(position, placeholder.start()), language)).append(placeholder.group());
            position = placeholder.end();
        }
        return out.append(wrap(text.substring(position), language)).toString();
    }

    private static String wrap(String run, String language) {
        String prose = run.strip();
        if (prose.codePoints().noneMatch(Character::isLetter)) {
            return run;
        }
        int start = run.indexOf(prose);
        return run.substring(0, start) + "⟦" + language + ":" + prose + "⟧" + run.substring(start + prose.length());
    }
}
