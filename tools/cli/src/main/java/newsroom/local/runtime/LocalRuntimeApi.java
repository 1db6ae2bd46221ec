package newsroom.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.jspecify.annotations.Nullable;

/**
 * The one loopback Lambda Runtime API (2018-06-01) of this module, used by {@code ./newsroom invoke} (one event) and
 * {@code ./newsroom bench} (a cold event then warm ones in the same process). It listens on 127.0.0.1 at a free port
 * ({@link #address()}, the value of AWS_LAMBDA_RUNTIME_API) and feeds one execution environment the submitted events
 * in order, as Lambda does.
 *
 * <p>Contract:
 * <ul>
 * <li>{@code GET /2018-06-01/runtime/invocation/next} takes the next {@linkplain #submit submitted} event, waiting
 * while there is none (as an idle environment does; it gets no event once the API is closed), and answers 200 with
 * the event as body, Content-Type application/json and the Lambda-Runtime-Aws-Request-Id (a fresh UUID per event),
 * Lambda-Runtime-Deadline-Ms (now + the timeout), Lambda-Runtime-Invoked-Function-Arn and Lambda-Runtime-Trace-Id
 * headers.</li>
 * <li>{@code POST …/invocation/{id}/response} and {@code …/invocation/{id}/error} answer 202 and complete that
 * invocation's {@link Outcome} (RESPONSE or FUNCTION_ERROR, with the body and the
 * Lambda-Runtime-Function-Error-Type header) with the {@link System#nanoTime()} of delivery and answer. An id not
 * in flight is refused with 400 InvalidRequestID; a body over {@value #MAX_BODY_BYTES} bytes with 413, and the
 * invocation ends as a FUNCTION_ERROR of type ResponseSizeTooLarge.</li>
 * <li>{@code POST /2018-06-01/runtime/init/error} answers 202 and fails every pending and later invocation with an
 * INIT_ERROR outcome.</li>
 * <li>Any other call is a 404 naming it.</li>
 * </ul>
 *
 * <p>The server sets TCP_NODELAY (see the static initializer): without it each exchange costs ~40 ms of delayed
 * ACK, which {@code invoke} would add to every call and {@code bench} would measure as function time.
 */
public final class LocalRuntimeApi implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";
    /** Largest response or error body accepted, as Lambda's synchronous response limit. */
    public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    /** The invocation timeout when none is given (the benchmark's). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

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
        // added to every invoke and measured as function time by bench. The JDK reads this property once, when the
        // first HttpServer of the JVM is created; this initializer runs before the constructor creates ours.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final String functionArn;
    private final long timeoutMillis;
    private volatile @Nullable Outcome initError;

    /** Starts listening on 127.0.0.1 at a free port, with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
    public LocalRuntimeApi(String functionArn) throws IOException {
        this(functionArn, DEFAULT_TIMEOUT);
    }

    /** Starts listening on 127.0.0.1 at a free port; each event's deadline is its delivery time plus timeout. */
    public LocalRuntimeApi(String functionArn, Duration timeout) throws IOException {
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        this.timeoutMillis = Objects.requireNonNull(timeout, "timeout").toMillis();
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
                Long.toString(System.currentTimeMillis() + timeoutMillis));
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
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            pending.outcome().complete(new Outcome(Outcome.Kind.FUNCTION_ERROR,
                    "{\"errorMessage\":\"response larger than " + MAX_BODY_BYTES
                            + " bytes\",\"errorType\":\"ResponseSizeTooLarge\"}",
                    "ResponseSizeTooLarge", pending.delivered()[0], answered));
            reply(exchange, 413,
                    "{\"errorMessage\":\"payload too large\",\"errorType\":\"RequestEntityTooLarge\"}");
            return;
        }
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
