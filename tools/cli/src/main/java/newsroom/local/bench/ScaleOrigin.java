package newsroom.local.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The loopback origin of the scale test: {@code hosts} web sites on 127.0.0.1, 127.0.0.2, … (all loopback on Linux),
 * one port, serving {@code sources} RSS feeds spread round-robin over the hosts, each with {@code itemsPerFeed}
 * articles. Every 10th host is slow (each answer takes {@link #SLOW_MILLIS} ms), every 7th host asks for a
 * Crawl-delay of {@link #CRAWL_DELAY_SECONDS} s, every 5th host answers the first request for each of its articles
 * with 429 and {@code Retry-After: 1}, and every 25th source's feed always fails (HTTP 500). It records, per host,
 * the requests in flight (the peak is the figure that must stay ≤ 1) and each request's start and end.
 */
final class ScaleOrigin implements AutoCloseable {

    static final int SLOW_MILLIS = 150;
    static final double CRAWL_DELAY_SECONDS = 0.2;
    /** Every answer takes at least this long: a real origin is never instant, and the fetchers' wait overlaps. */
    static final int BASE_MILLIS = 20;

    /** One request as the origin saw it. */
    record Hit(String host, String path, long startNanos, long endNanos, int status) {
    }

    private final int hosts;
    private final int sources;
    private final int itemsPerFeed;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(64);
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> peak = new ConcurrentHashMap<>();
    private final Map<String, Boolean> limitedOnce = new ConcurrentHashMap<>();
    private final List<Hit> hits = Collections.synchronizedList(new ArrayList<>());
    private final String published;
    private final int port;

    ScaleOrigin(int sources, int hosts, int itemsPerFeed) throws IOException {
        this.sources = sources;
        this.hosts = hosts;
        this.itemsPerFeed = itemsPerFeed;
        this.published = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().minusSeconds(3600)
                .atOffset(ZoneOffset.UTC));
        HttpServer first = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 100);
        this.port = first.getAddress().getPort();
        servers.add(first);
        for (int h = 2; h <= hosts; h++) {
            servers.add(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + h), port), 100));
        }
        for (HttpServer server : servers) {
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }
    }

    int port() {
        return port;
    }

    /** 127.0.0.1 … 127.0.0.{hosts} on {@link #port()}, for the fetcher's private-network allow-list. */
    String allowedNetworks() {
        return "127.0.0.0/24:" + port;
    }

    static String host(int index) {
        return "127.0.0." + (index + 1);
    }

    int hostOfSource(int source) {
        return source % hosts;
    }

    String feedUrl(int source) {
        return "http://" + host(hostOfSource(source)) + ":" + port + "/feeds/" + source + ".xml";
    }

    static boolean failingSource(int source) {
        return source % 25 == 24;
    }

    static boolean slowHost(int host) {
        return host % 10 == 9;
    }

    static boolean crawlDelayHost(int host) {
        return host % 7 == 6;
    }

    static boolean rateLimitingHost(int host) {
        return host % 5 == 4;
    }

    /** Articles the pipeline must store: every item of every feed that does not fail. */
    int expectedArticles() {
        int expected = 0;
        for (int s = 0; s < sources; s++) {
            expected += failingSource(s) ? 0 : itemsPerFeed;
        }
        return expected;
    }

    /** The sources file: one feed source per generated feed. */
    String sourcesFile() {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int s = 0; s < sources; s++) {
            yaml.append("  - {name: s").append(s).append(", type: feed, url: '").append(feedUrl(s))
                    .append("', maxItemsPerPoll: ").append(itemsPerFeed).append("}\n");
        }
        return yaml.toString();
    }

    int maxConcurrentPerHost() {
        return peak.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        String host = ex.getLocalAddress().getAddress().getHostAddress();
        int hostIndex = Integer.parseInt(host.substring(host.lastIndexOf('.') + 1)) - 1;
        int now = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        peak.merge(host, now, Math::max);
        int status = 200;
        try {
            pause(slowHost(hostIndex) ? SLOW_MILLIS : BASE_MILLIS);
            String path = ex.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                respond(ex, 200, "text/plain", crawlDelayHost(hostIndex)
                        ? "User-agent: *\nCrawl-delay: " + CRAWL_DELAY_SECONDS + "\n" : "User-agent: *\nAllow: /\n");
            } else if (path.startsWith("/feeds/")) {
                int source = Integer.parseInt(path.substring("/feeds/".length(), path.indexOf(".xml")));
                if (failingSource(source)) {
                    status = 500;
                    respond(ex, 500, "text/plain", "feed generator down");
                } else {
                    respond(ex, 200, "application/rss+xml", feed(source));
                }
            } else if (path.startsWith("/articles/")) {
                if (rateLimitingHost(hostIndex) && limitedOnce.putIfAbsent(path, Boolean.TRUE) == null) {
                    status = 429;
                    ex.getResponseHeaders().add("Retry-After", "1");
                    respond(ex, 429, "text/plain", "slow down");
                } else {
                    respond(ex, 200, "text/html; charset=utf-8", article(path.substring("/articles/".length())));
                }
            } else {
                status = 404;
                respond(ex, 404, "text/plain", "not found");
            }
        } finally {
            inFlight.get(host).decrementAndGet();
            hits.add(new Hit(host, ex.getRequestURI().getPath(), start, System.nanoTime(), status));
        }
    }

    private String feed(int source) {
        String base = "http://" + host(hostOfSource(source)) + ":" + port;
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < itemsPerFeed; i++) {
            items.append("<item><title>Report ").append(source).append('-').append(i).append("</title><link>")
                    .append(base).append("/articles/").append(source).append('-').append(i)
                    .append("</link><pubDate>").append(published).append("</pubDate></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + source + "</title><link>" + base
                + "/</link>" + items + "</channel></rss>";
    }

    private String article(String id) {
        String paragraph = "<p>The harbour authority published report " + id + " on the tides, the ferries and the "
                + "state of the quay walls, with figures gathered by the pilots over the last season.</p>";
        return "<!doctype html><html lang=\"en\"><head><title>Harbour report " + id + "</title>"
                + "<meta property=\"og:title\" content=\"Harbour report " + id + "\">"
                + "<meta property=\"article:published_time\" content=\"2025-02-12T08:00:00Z\">"
                + "<meta name=\"author\" content=\"Port Desk\"></head><body><article><h1>Harbour report " + id
                + "</h1>" + paragraph.repeat(6) + "</article></body></html>";
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
