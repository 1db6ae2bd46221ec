package newsroom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./newsroom ingest} for real (its main entry point, in-process, with an environment map) against a loopback
 * origin that serves a feed, a sitemap, articles and their images. The origin is reachable only because the
 * private-network allow-list names it; nothing in the fetcher is replaced.
 */
class LoopbackOriginIngestTest {

    @TempDir
    Path work;

    private HttpServer origin;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        base = "http://127.0.0.1:" + origin.getAddress().getPort();
        byte[] png = png(400, 300);
        origin.createContext("/", ex -> {
            requests.add(ex.getRequestURI().getPath());
            String path = ex.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                respond(ex, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/feed.xml")) {
                respond(ex, "application/rss+xml", """
                        <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><link>%1$s/</link>
                        <item><title>A</title><link>%1$s/news/ferries</link></item>
                        <item><title>B</title><link>%1$s/news/tides</link></item>
                        </channel></rss>""".formatted(base).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/sitemap.xml")) {
                respond(ex, "application/xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                        <url><loc>%s/news/lighthouse</loc></url></urlset>""".formatted(base)
                        .getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/news/")) {
                respond(ex, "text/html; charset=utf-8", article(path.substring("/news/".length()))
                        .getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/img/")) {
                respond(ex, "image/png", png);
            } else if (path.equals("/page.txt")) {
                respond(ex, "text/plain", ("<html><head><title>Plain</title></head><body>"
                        + "<p>A page served as plain text.</p>".repeat(250_000) + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                ex.sendResponseHeaders(404, -1);
                ex.close();
            }
        });
        origin.start();
    }

    @AfterEach
    void stop() {
        origin.stop(0);
    }

    private String article(String slug) {
        return "<html lang=en><head><title>Harbour " + slug + "</title>"
                + "<meta property='og:type' content='article'>"
                + "<meta property='og:image' content='" + base + "/img/" + slug + ".png'>"
                + "<meta property='article:published_time' content='2025-02-1" + slug.length() % 10
                + "T10:00:00Z'></head><body><article><h1>Harbour " + slug + "</h1><p>"
                + "A paragraph long enough to be taken for the body of a real article about the " + slug
                + ", with enough words in it to pass as prose rather than navigation.</p><p>A second paragraph "
                + "about the " + slug + " that adds more words to the story.</p></article></body></html>";
    }

    private Result ingest(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = Stream.concat(Stream.of("ingest", "--out", site().toString()), Stream.of(args))
                .toArray(String[]::new);
        int exit = Newsroom.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The environment a user sets to ingest from their own staging server; no contact URL. */
    private Map<String, String> allowingTheOrigin(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSROOM_FETCH_ALLOWED_NETWORKS", "127.0.0.1/32:" + origin.getAddress().getPort());
        env.put("NEWSROOM_FETCH_HOST_DELAY_MS", "0");
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private Path site() {
        return work.resolve("site");
    }

    private List<String> storedArticles() throws IOException {
        try (Stream<Path> files = Files.walk(site().resolve("content"))) {
            return files.filter(Files::isRegularFile).map(p -> site().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void ingestsAFeedASitemapAndAnArticle_withTheirImages_fromAnAllowListedLoopbackOrigin() throws IOException {
        Result result = ingest(allowingTheOrigin(), base + "/feed.xml", base + "/sitemap.xml", base + "/news/quay");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.err()).contains("newsroom: fetching may reach these private networks: 127.0.0.1/32:"
                + origin.getAddress().getPort());
        assertThat(result.out()).contains(base + "/news/ferries: stored -> ", base + "/news/tides: stored -> ",
                base + "/news/lighthouse: stored -> ", base + "/news/quay: stored -> ")
                .containsPattern("stored\\s+4");
        assertThat(storedArticles()).containsExactly("content/en/2025/02/harbour-ferries.md",
                "content/en/2025/02/harbour-lighthouse.md", "content/en/2025/02/harbour-quay.md",
                "content/en/2025/02/harbour-tides.md");
        assertThat(Files.readString(site().resolve("content/en/2025/02/harbour-lighthouse.md")))
                .contains("title: \"Harbour lighthouse\"", "A second paragraph about the lighthouse");
        assertThat(requests).contains("/img/ferries.png", "/img/tides.png", "/img/lighthouse.png", "/img/quay.png");
        assertThat(result.out()).contains("ThumbnailFunction").doesNotContain("failed:");
        try (Stream<Path> thumbnails = Files.walk(site().resolve("static/thumbnails"))) {
            // 400×300 images: the 320 px variant only (never upscaled), one per article
            assertThat(thumbnails.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .hasSize(4).allMatch(name -> name.endsWith("-320.jpg"));
        }
        assertThat(Files.readString(site().resolve(".newsroom/log.jsonl"))).contains("\"fetch.allowed-networks\"");
    }

    @Test
    void takesTheAllowListFromTheSiteConfig_too() throws IOException {
        Path config = work.resolve("site.yaml");
        Files.writeString(config, "fetchAllowedNetworks: [\"127.0.0.0/8:" + origin.getAddress().getPort() + "\"]\n");

        Result result = ingest(Map.of("NEWSROOM_FETCH_HOST_DELAY_MS", "0"), "--config", config.toString(),
                base + "/news/quay");

        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(storedArticles()).containsExactly("content/en/2025/02/harbour-quay.md");
    }

    @Test
    void aBadAllowListEntry_stopsAtStart_namingTheKey_andWritesNothing() throws IOException {
        Path config = work.resolve("site.yaml");
        Files.writeString(config, "fetchAllowedNetworks: [\"10.0.0.0/33\"]\n");

        Result fromConfig = ingest(Map.of(), "--config", config.toString(), base + "/news/quay");
        Result fromEnv = ingest(Map.of("NEWSROOM_FETCH_ALLOWED_NETWORKS", "intranet"), base + "/news/quay");

        assertThat(fromConfig.exit()).isEqualTo(2);
        assertThat(fromConfig.err()).contains("fetchAllowedNetworks").contains("10.0.0.0/33");
        assertThat(fromEnv.exit()).isEqualTo(2);
        assertThat(fromEnv.err()).contains("NEWSROOM_FETCH_ALLOWED_NETWORKS").contains("intranet");
        assertThat(site()).doesNotExist();
        assertThat(requests).isEmpty();
    }

    @Test
    void withoutTheAllowList_theOriginIsRefused_withTheReasonCodeOnce() {
        Result result = ingest(Map.of(), base + "/news/quay");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains(base + "/news/quay: rejected: URL_NOT_ALLOWED (port "
                + origin.getAddress().getPort() + " is not allowed (allowed: [80, 443]))");
        assertThat(requests).isEmpty();
    }

    @Test
    void readsTheFetchVariables_withoutAContactUrl() {
        Result result = ingest(allowingTheOrigin("NEWSROOM_FETCH_MAX_HTML_BYTES", "200"), base + "/news/quay");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains(base + "/news/quay: rejected: FETCH_FAILED (TOO_LARGE: ")
                .contains("exceeds the limit of 200 bytes");
    }

    @Test
    void refusesAnHtmlPageServedAsPlainText_inOneGet_withTheRealReason() throws IOException {
        Result result = ingest(allowingTheOrigin(), base + "/page.txt");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains(base + "/page.txt: rejected: FETCH_FAILED (UNSUPPORTED_CONTENT_TYPE: "
                + base + "/page.txt: text/plain that is not a list of URLs (it starts with <html>))");
        assertThat(requests.stream().filter("/page.txt"::equals)).hasSize(1);
        assertThat(site().resolve("content")).doesNotExist();
    }

    private static void respond(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
