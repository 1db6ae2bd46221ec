package newsroom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.config.SiteConfig;
import newsroom.core.link.ArticleLinker;
import newsroom.core.model.ArticleId;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.Translator;
import newsroom.core.testing.RepoFiles;
import newsroom.core.translation.StoredArticle;
import newsroom.core.translation.TranslationService;
import newsroom.extract.ArticleExtractor;
import newsroom.fetch.AddressPolicy;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;
import newsroom.local.bus.InProcessEventBus;
import newsroom.local.store.EmbeddedArticleIndex;
import newsroom.local.store.FileObjectStore;

/**
 * Issue 14's "done when", end to end: {@code ./newsroom ingest} of a page whose lead image is a WebP, served from a
 * loopback origin the test allows explicitly, leaves local variants on disk and the article pointing at them; a
 * translation made afterwards carries the same links; and Hugo, building a small site from the output, renders
 * pages whose {@code <img>} and {@code og:image} are the local variant.
 */
class ThumbnailedSiteTest {

    @TempDir
    Path work;

    private HttpServer origin;
    private String base;

    @BeforeEach
    void serveTheArticleAndItsWebpImage() throws IOException {
        byte[] webp = Files.readAllBytes(RepoFiles.root().resolve("libs/media/src/test/resources/images/lossy.webp"));
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + origin.getAddress().getPort();
        origin.createContext("/robots.txt", exchange -> respond(exchange, "text/plain",
                "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8)));
        origin.createContext("/news/ferries", exchange -> respond(exchange, "text/html; charset=utf-8", """
                <html lang="en"><head><title>Harbour orders solar ferries</title>
                <meta property="og:image" content="%s/img/ferry.webp">
                <meta property="article:published_time" content="2025-03-04T09:30:00Z"></head>
                <body><article><h1>Harbour orders solar ferries</h1>
                <p>The harbour authority has signed a contract for six solar-electric ferries, a paragraph long
                enough to be taken for the body of a real article rather than navigation.</p>
                <p>Each vessel carries 150 passengers and charges in twelve minutes at the new terminal.</p>
                </article></body></html>""".formatted(base).getBytes(StandardCharsets.UTF_8)));
        origin.createContext("/img/ferry.webp", exchange -> respond(exchange, "image/webp", webp));
        origin.start();
    }

    @AfterEach
    void stopTheOrigin() {
        origin.stop(0);
    }

    @Test
    void ingestOfAWebpLedArticle_endsWithAHugoPageShowingTheLocalVariant() throws Exception {
        Path site = work.resolve("site");

        Result result = ingest("--out", site.toString(), base + "/news/ferries");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        ArticleId id = ArticleId.ofUrl(base + "/news/ferries");
        List<Path> variants = files(site.resolve("static/thumbnails/" + id.value()));
        assertThat(variants).as("the 400-px WebP gives one 320-px JPEG (never upscaled)").hasSize(1);
        String variant = "/thumbnails/" + id.value() + "/" + variants.get(0).getFileName();
        assertThat(variant).endsWith("-320.jpg");

        EmbeddedArticleIndex index = new EmbeddedArticleIndex(site.resolve(".newsroom/index"));
        ArticleRecord record = index.find(id).orElseThrow();
        Map<String, Object> article = frontMatter(site.resolve(record.file().objectKey()));
        assertThat(article.get("thumbnail")).isEqualTo(variant);
        assertThat(article.get("images")).isEqualTo(List.of(variant));
        assertThat(article.get("params")).isEqualTo(Map.of("dateSource", "page",
                "originalImage", base + "/img/ferry.webp"));
        assertThat(record.version()).isEqualTo(1);

        // a translation made after the thumbnails (the CLI runs no translator: the service is called directly)
        FileObjectStore store = new FileObjectStore(site);
        new TranslationService(store, index, new InProcessEventBus(List.of(), site.resolve(".newsroom"),
                Telemetry.silent(), Clock.systemUTC()), identity(),
                ArticleLinker.forSite(store, index, SiteConfig.defaults().thumbnails()))
                .translate(id.value(), 1, List.of("fr"));
        String frKey = index.find(id).orElseThrow().downstream().translations().get("fr");
        Map<String, Object> french = frontMatter(site.resolve(frKey));
        assertThat(french.get("thumbnail")).isEqualTo(variant);
        assertThat(french.get("images")).isEqualTo(List.of(variant));

        assumeTrue(hugoIsInstalled(), "the hugo binary is not on the PATH (apt-get install hugo): the Hugo build "
                + "of the output is not checked");
        writeHugoSite(site);
        Process hugo = new ProcessBuilder("hugo", "--source", site.toString(), "--destination",
                work.resolve("public").toString(), "--quiet").redirectErrorStream(true).start();
        assertThat(hugo.waitFor(120, TimeUnit.SECONDS)).as("hugo finished").isTrue();
        String log = new String(hugo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(hugo.exitValue()).as(log).isZero();

        for (String lang : List.of("en", "fr")) {
            Path page = pageOf(work.resolve("public/" + lang));
            String html = Files.readString(page);
            assertThat(html).as(lang + " page " + page).contains("<img class=\"lead\" src=\"" + variant + "\"")
                    .contains("<meta property=\"og:image\" content=\"https://site.example" + variant + "\"")
                    .doesNotContain("127.0.0.1");
        }
        assertThat(work.resolve("public" + variant)).exists();
    }

    /** One article page under {@code dir}: the index.html whose folder is the article's slug. */
    private static Path pageOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals("index.html"))
                    .filter(p -> p.toString().contains("/2025/03/"))
                    .findFirst().orElseThrow(() -> new AssertionError("no article page under " + dir));
        }
    }

    private static void writeHugoSite(Path site) throws IOException {
        Files.writeString(site.resolve("config.toml"), """
                baseURL = "https://site.example/"
                title = "Harbour News"
                defaultContentLanguage = "en"
                defaultContentLanguageInSubdir = true
                disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
                [permalinks]
                  posts = "/:year/:month/:slug/"
                [languages.en]
                  contentDir = "content/en"
                  weight = 1
                [languages.fr]
                  contentDir = "content/fr"
                  weight = 2
                """);
        Path layouts = Files.createDirectories(site.resolve("layouts/_default"));
        // what a theme does: <img> from .Params.thumbnail, OpenGraph from Hugo's internal template (.Params.images)
        Files.writeString(layouts.resolve("single.html"), """
                <!DOCTYPE html><html><head>{{ template "_internal/opengraph.html" . }}</head>
                <body><h1>{{ .Title }}</h1>{{ with .Params.thumbnail }}<img class="lead" src="{{ . }}" alt="">{{ end }}
                {{ .Content }}</body></html>
                """);
        Files.writeString(layouts.resolve("list.html"),
                "<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>");
    }

    private static boolean hugoIsInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "hugo"))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> frontMatter(Path file) throws IOException {
        return StoredArticle.parse(Files.readAllBytes(file)).frontMatter();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    /** Returns the text as it is: this test is about the links, not the language. */
    private static Translator identity() {
        return new Translator() {
            @Override
            public String translate(String text, String sourceLanguage, String targetLanguage) {
                return text;
            }

            @Override
            public int maxRequestBytes() {
                return 10_000;
            }
        };
    }

    record Result(int exit, String out, String err) {
    }

    private Result ingest(String... args) {
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder(FetcherConfig.defaults(Newsroom.DEFAULT_CONTACT_URL)
                        .withAllowedPorts(Set.of(origin.getAddress().getPort())))
                .addressPolicy(AddressPolicy.publicOnly().allowingForTests("127.0.0.1/32"))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new IngestCommand(new ArticleExtractor(), fetcher,
                Clock.fixed(Instant.parse("2025-03-05T00:00:00Z"), ZoneOffset.UTC))
                .run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
