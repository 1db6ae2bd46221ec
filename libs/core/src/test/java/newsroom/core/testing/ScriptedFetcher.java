package newsroom.core.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher;

/**
 * A {@link Fetcher} that answers from a script: a body or a {@link FetchException} per URL, and
 * {@code FetchException(HTTP_ERROR, …, false, 0)} for anything unscripted. Records every request so tests can
 * assert what was fetched. A collaborator double; the real fetcher is tested in the fetch module.
 */
public final class ScriptedFetcher implements Fetcher {

    private final Map<URI, Object> answers = new HashMap<>();
    private final List<URI> requested = new ArrayList<>();

    /** Answers {@code url} with 200 and the bytes, as the given content type. */
    public ScriptedFetcher respond(String url, String contentType, byte[] body) {
        URI uri = URI.create(url);
        answers.put(uri, new FetchedResource(uri, uri, 200, contentType,
                contentType.startsWith("text/") ? "UTF-8" : null, body, false, Map.of()));
        return this;
    }

    public ScriptedFetcher respondHtml(String url, String html) {
        return respond(url, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code url} with 200 and the page, and these validators (ETag, Last-Modified) as the response's. */
    public ScriptedFetcher respondHtml(String url, String html, Map<String, String> validators) {
        URI uri = URI.create(url);
        answers.put(uri, new FetchedResource(uri, uri, 200, "text/html; charset=utf-8", "UTF-8",
                html.getBytes(StandardCharsets.UTF_8), false, validators));
        return this;
    }

    /** Answers {@code url} by throwing the exception. */
    public ScriptedFetcher fail(String url, FetchException failure) {
        answers.put(URI.create(url), failure);
        return this;
    }

    @Override
    public synchronized FetchedResource fetch(URI uri, ContentKind kind, Map<String, String> validators)
            throws FetchException {
        requested.add(uri);
        Object answer = answers.get(uri);
        if (answer instanceof FetchException failure) {
            throw failure;
        }
        if (answer == null) {
            throw new FetchException(FetchFailure.HTTP_ERROR, "no scripted answer for " + uri, false, 0);
        }
        return (FetchedResource) answer;
    }

    public synchronized List<URI> requested() {
        return List.copyOf(requested);
    }
}
