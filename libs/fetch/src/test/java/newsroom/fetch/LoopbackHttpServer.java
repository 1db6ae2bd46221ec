package newsroom.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HttpServer on 127.0.0.1 and a free port, with handlers per exact path; unknown paths answer 404 (so
 * robots.txt is "unavailable" unless a test serves one). Records every request (path and headers).
 */
final class LoopbackHttpServer implements AutoCloseable {

    /** One recorded request. */
    record Seen(String path, Headers headers) {
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();

    LoopbackHttpServer() throws IOException {
        this(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50));
    }

    LoopbackHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::dispatch);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(new Seen(path, exchange.getRequestHeaders()));
        try {
            Handler h = handlers.getOrDefault(path, handlers.get(exchange.getRequestURI().getRawPath()));
            if (h == null) {
                respond(exchange, 404, "text/plain", "not found");
            } else {
                h.handle(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    LoopbackHttpServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    LoopbackHttpServer serve(String path, int status, String contentType, String body) {
        return on(path, ex -> respond(ex, status, contentType, body));
    }

    LoopbackHttpServer redirect(String path, int status, String location) {
        return on(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(status, -1);
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Requests to a path (robots.txt excluded unless asked for). */
    long hits(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        respond(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().add("Content-Type", contentType);
        }
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
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
