package newsroom.local.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Lambda Runtime API (version 2018-06-01) for one invocation, on a free loopback port: the first
 * {@code GET /runtime/invocation/next} receives the event (with Content-Type and the Lambda-Runtime-Aws-Request-Id,
 * -Deadline-Ms and -Invoked-Function-Arn headers); later ones wait until the server stops, as on Lambda where an
 * idle environment waits for work. {@code POST …/response}, {@code …/error} and {@code /runtime/init/error}
 * complete {@link #outcome()}.
 */
final class LocalRuntimeApi implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";
    /** Largest response or error body accepted, as Lambda's synchronous response limit. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

    /** How the invocation ended: a response, a function error, or an initialization error (body as sent). */
    record Outcome(Kind kind, String body, String errorType) {
        enum Kind { RESPONSE, FUNCTION_ERROR, INIT_ERROR }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final byte[] event;
    private final String requestId;
    private final String functionArn;
    private final long timeoutMillis;
    private final Clock clock;
    private boolean delivered;

    LocalRuntimeApi(byte[] event, String requestId, String functionArn, long timeoutMillis, Clock clock)
            throws IOException {
        this.event = event.clone();
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        this.timeoutMillis = timeoutMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals("invocation/" + requestId + "/response")) {
                complete(exchange, Outcome.Kind.RESPONSE);
            } else if (method.equals("POST") && path.equals("invocation/" + requestId + "/error")) {
                complete(exchange, Outcome.Kind.FUNCTION_ERROR);
            } else if (method.equals("POST") && path.equals("init/error")) {
                complete(exchange, Outcome.Kind.INIT_ERROR);
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"unknown runtime API call " + method + " " + path
                        + "\",\"errorType\":\"InvalidRequest\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        boolean first;
        synchronized (this) {
            first = !delivered;
            delivered = true;
        }
        if (!first) {
            try {
                stopped.await(); // no second event: wait like an idle execution environment
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", requestId);
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                Long.toString(clock.millis() + timeoutMillis));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        exchange.sendResponseHeaders(200, event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(event);
        }
    }

    private void complete(HttpExchange exchange, Outcome.Kind kind) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            outcome.complete(new Outcome(Outcome.Kind.FUNCTION_ERROR, "{\"errorMessage\":\"response larger than "
                    + MAX_BODY_BYTES + " bytes\",\"errorType\":\"ResponseSizeTooLarge\"}", "ResponseSizeTooLarge"));
            reply(exchange, 413, "{\"errorMessage\":\"payload too large\",\"errorType\":\"RequestEntityTooLarge\"}");
            return;
        }
        String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        outcome.complete(new Outcome(kind, new String(body, StandardCharsets.UTF_8), errorType));
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
