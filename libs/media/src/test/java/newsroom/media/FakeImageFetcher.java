package newsroom.media;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher;

/** Test double of {@link Fetcher}: answers from a map of URL to body or failure, and logs each request. */
final class FakeImageFetcher implements Fetcher {

    private final Map<URI, Object> answers = new HashMap<>();
    private final List<String> requests = new ArrayList<>();

    FakeImageFetcher answering(String url, byte[] body) {
        answers.put(URI.create(url), body);
        return this;
    }

    FakeImageFetcher failing(String url, FetchException failure) {
        answers.put(URI.create(url), failure);
        return this;
    }

    @Override
    public FetchedResource fetch(URI uri, ContentKind kind, Map<String, String> validators) throws FetchException {
        requests.add(kind + " " + uri);
        Object answer = answers.get(uri);
        if (answer instanceof FetchException failure) {
            throw failure;
        }
        if (answer == null) {
            throw new FetchException(FetchFailure.HTTP_ERROR, "no such test resource " + uri, false, 0);
        }
        return new FetchedResource(uri, uri, 200, "image/whatever", null, (byte[]) answer, false, Map.of());
    }

    /** "KIND url" for every request, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }
}
