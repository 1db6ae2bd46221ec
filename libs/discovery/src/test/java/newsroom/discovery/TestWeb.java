package newsroom.discovery;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import newsroom.fetch.AddressPolicy;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;

/**
 * A loopback web site for discovery tests (JDK HttpServer on 127.0.0.1, name site.test) and the real
 * {@link SafeHttpFetcher} wired to reach it through the explicit test allowance. Unknown paths answer 404.
 */
final class TestWeb implements AutoCloseable {

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    TestWeb() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 20);
        server.createContext("/", ex -> {
            try (ex) {
                requests.add(ex.getRequestURI().getPath());
                Handler h = handlers.get(ex.getRequestURI().getPath());
                if (h == null) {
                    respond(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                } else {
                    h.handle(ex);
                }
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    TestWeb serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    TestWeb serve(String path, String contentType, byte[] body) {
        handlers.put(path, ex -> respond(ex, 200, contentType, body));
        return this;
    }

    /** Serves the body with an ETag, answering 304 when the client sends it back. */
    TestWeb serveWithEtag(String path, String contentType, String body, String etag) {
        handlers.put(path, ex -> {
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", etag);
            respond(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
        });
        return this;
    }

    long hits(String path) {
        return requests.stream().filter(path::equals).count();
    }

    String base() {
        return "http://site.test:" + server.getAddress().getPort();
    }

    URI url(String path) {
        return URI.create(base() + path);
    }

    SafeHttpFetcher fetcher() {
        FetcherConfig config = FetcherConfig.defaults("https://newsroom.example/bot")
                .withAllowedPorts(Set.of(80, 443, server.getAddress().getPort()))
                .withPoliteness(Duration.ZERO, Duration.ofSeconds(30));
        return SafeHttpFetcher.builder(config)
                .resolver(host -> List.of(InetAddress.getByName(host.equals("site.test") ? "127.0.0.1" : "127.0.0.2")))
                .addressPolicy(AddressPolicy.publicOnly().allowingForTests("127.0.0.1/32"))
                .sleeper(d -> { })
                .build();
    }

    private static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
