package newsroom.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK {@link HttpServer} on a free loopback port that speaks an AWS wire protocol the way a test scripts it:
 * each request is recorded, and the answer is computed by the test's responder from the request and its number.
 * Used where a real local endpoint cannot produce the case (PutEvents partial failure with HTTP 200, throttling).
 */
final class FakeAwsEndpoint implements AutoCloseable {

    /**
     * One request as received: the operation header ({@code X-Amz-Target}), the path, the headers, the body bytes and
     * the HTTP method.
     */
    record Request(int number, String target, String path, Map<String, List<String>> headers, byte[] body,
                   String method) {
    }

    /** One scripted answer. */
    record Response(int status, String contentType, Map<String, String> headers, byte[] body) {
        static Response json(int status, String contentType, String json) {
            return new Response(status, contentType, Map.of(), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> responder = r -> Response.json(500, "text/plain", "no responder");

    FakeAwsEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every following request with {@code responder}; forgets the requests recorded so far. */
    void respondWith(Function<Request, Response> next) {
        requests.clear();
        responder = next;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Request request = new Request(requests.size() + 1, exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes(),
                    exchange.getRequestMethod());
            requests.add(request);
            Response response = responder.apply(request);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
