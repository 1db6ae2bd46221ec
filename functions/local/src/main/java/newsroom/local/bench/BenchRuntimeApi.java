package newsroom.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Lambda Runtime API (2018-06-01) on a free loopback port that feeds one execution environment a sequence of
 * events, as Lambda does: each {@code GET /runtime/invocation/next} takes the next submitted event (waiting while
 * there is none) and answers it with Content-Type and the Lambda-Runtime-Aws-Request-Id, -Deadline-Ms,
 * -Invoked-Function-Arn and -Trace-Id headers; {@code POST …/{id}/response} and {@code …/{id}/error} complete that
 * invocation's {@link Outcome} with the {@link System#nanoTime()} of delivery and answer; {@code /init/error} fails
 * every pending and later invocation. The benchmark needs several invocations per process (cold, then warm), which
 * the one-shot API of {@code ./newsroom invoke} does not serve.
 */
public final class BenchRuntimeApi implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";
    /** Largest response or error body read, as Lambda's synchronous response limit. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    private static final long DEADLINE_MILLIS = 120_000;

    /** How one invocation ended, with the nanoTime its event left and its answer arrived (0 when never sent). */
    public record Outcome(Kind kind, String body, String errorType, long deliveredNanos, long answeredNanos) {
        /** Response, function error, or initialization error (the handler never got the event). */
        public enum Kind { RESPONSE, FUNCTION_ERROR, INIT_ERROR }

        /** Milliseconds between the event leaving this API and its answer arriving. */
        public double handlingMillis() {
            return (answeredNanos - deliveredNanos) / 1e6;
        }
    }

    private record Pending(String requestId, byte[] event, CompletableFuture<Outcome> outcome, long[] delivered) {
    }

    private static final Pending CLOSED = new Pending("", new byte[0], new CompletableFuture<>(), new long[1]);

    static {
        // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: ~40 ms per exchange,
        // which would be measured as function time. Read once, when the first HttpServer of this JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final String functionArn;
    private volatile Outcome initError;

    /** Starts listening on 127.0.0.1 at a free port. */
    public BenchRuntimeApi(String functionArn) throws IOException {
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event for the next {@code next} call; the future completes when the function answers it. */
    public CompletableFuture<Outcome> submit(byte[] event) {
        Pending pending = new Pending(UUID.randomUUID().toString(), event.clone(), new CompletableFuture<>(),
                new long[1]);
        Outcome failed = initError;
        if (failed != null) {
            pending.outcome().complete(failed);
        } else {
            queue.add(pending);
        }
        return pending.outcome();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(exchange, path, "/response", Outcome.Kind.RESPONSE);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(exchange, path, "/error", Outcome.Kind.FUNCTION_ERROR);
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError(exchange);
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"unknown runtime API call " + method + " " + path
                        + "\",\"errorType\":\"InvalidRequest\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Pending pending;
        try {
            pending = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // closing: the environment is shut down without another event
        }
        if (pending == CLOSED) {
            queue.add(CLOSED); // wake any other waiting caller too
            return;
        }
        pending.delivered()[0] = System.nanoTime(); // written before the put, so the answering thread sees it
        inFlight.put(pending.requestId(), pending);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + DEADLINE_MILLIS));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        exchange.sendResponseHeaders(200, pending.event().length == 0 ? -1 : pending.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(pending.event());
        }
    }

    private void complete(HttpExchange exchange, String path, String suffix, Outcome.Kind kind) throws IOException {
        long answered = System.nanoTime();
        String requestId = path.substring("invocation/".length(), path.length() - suffix.length());
        Pending pending = inFlight.remove(requestId);
        if (pending == null) {
            reply(exchange, 400, "{\"errorMessage\":\"no invocation in flight with id " + requestId
                    + "\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        byte[] body = readBody(exchange);
        String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        pending.outcome().complete(new Outcome(kind, new String(body, StandardCharsets.UTF_8), errorType,
                pending.delivered()[0], answered));
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private void initError(HttpExchange exchange) throws IOException {
        byte[] body = readBody(exchange);
        Outcome failed = new Outcome(Outcome.Kind.INIT_ERROR, new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), 0, System.nanoTime());
        initError = failed;
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.outcome().complete(failed);
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes(MAX_BODY_BYTES);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops serving; callers still waiting on {@code next} get no event. */
    @Override
    public void close() {
        queue.add(CLOSED);
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
