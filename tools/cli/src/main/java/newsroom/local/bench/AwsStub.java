package newsroom.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AWS endpoint a benchmarked function talks to: a loopback server that answers the few calls the benchmark
 * events cause, at once and always the same way, so that the cold-start figures measure the function and not a
 * service. S3 (path style): {@code GET} of a configured object returns it, other keys are {@code NoSuchKey};
 * {@code PUT} succeeds. JSON protocols (DynamoDB, SQS, EventBridge) by {@code X-Amz-Target}: {@code GetItem} finds
 * nothing, {@code Query} returns no items, {@code PutEvents} accepts every entry, anything else answers {@code {}}.
 * Every request is recorded, so a caller can check which calls a phase (such as SnapStart priming) made.
 */
public final class AwsStub implements AutoCloseable {

    /** One request as received: when, the operation ({@code X-Amz-Target}, or {@code S3 METHOD}) and the path. */
    public record Call(long nanos, String operation, String path) {
        /** True for calls that change state: S3 PUT/POST/DELETE and the JSON write operations. */
        public boolean isWrite() {
            return operation.startsWith("S3 PUT") || operation.startsWith("S3 POST")
                    || operation.startsWith("S3 DELETE")
                    || operation.matches(".*\\.(Put|Update|Delete|Send|Change|BatchWrite|TransactWrite).*");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: ~40 ms per exchange,
        // which would be measured as function time. Read once, when the first HttpServer of this JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-aws-stub");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> objects;
    private final List<Call> calls = new ArrayList<>();

    /**
     * @param objects S3 objects served by GET, keyed {@code bucket/key}
     */
    public AwsStub(Map<String, byte[]> objects) throws IOException {
        this.objects = Map.copyOf(Objects.requireNonNull(objects, "objects"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint to give the SDK ({@code AWS_ENDPOINT_URL}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The calls received so far, oldest first. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getRawPath();
            String operation = target != null ? target : "S3 " + exchange.getRequestMethod();
            synchronized (this) {
                calls.add(new Call(System.nanoTime(), operation, path));
            }
            if (target != null) {
                json(exchange, target, body);
            } else {
                s3(exchange, path);
            }
        }
    }

    private void json(HttpExchange exchange, String target, byte[] body) throws IOException {
        String operation = target.substring(target.indexOf('.') + 1);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String answer = switch (operation) {
            case "Query", "Scan" -> "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}";
            case "PutEvents" -> putEvents(body);
            default -> "{}";
        };
        send(exchange, 200, contentType == null ? "application/x-amz-json-1.0" : contentType,
                answer.getBytes(StandardCharsets.UTF_8));
    }

    private static String putEvents(byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        ObjectNode answer = JSON.createObjectNode().put("FailedEntryCount", 0);
        ArrayNode entries = answer.putArray("Entries");
        for (int i = 0; i < request.path("Entries").size(); i++) {
            entries.addObject().put("EventId", "bench-" + i);
        }
        return JSON.writeValueAsString(answer);
    }

    private void s3(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        String objectPath = path.startsWith("/") ? path.substring(1) : path;
        if (method.equals("PUT")) {
            exchange.getResponseHeaders().set("ETag", "\"bench\"");
            send(exchange, 200, "application/xml", new byte[0]);
            return;
        }
        byte[] object = objects.get(URLDecoder.decode(objectPath, StandardCharsets.UTF_8));
        if (object != null && (method.equals("GET") || method.equals("HEAD"))) {
            exchange.getResponseHeaders().set("ETag", "\"bench\"");
            send(exchange, 200, "application/octet-stream", method.equals("HEAD") ? new byte[0] : object);
            return;
        }
        send(exchange, 404, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey"
                + "</Code><Message>The specified key does not exist.</Message></Error>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "bench");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
