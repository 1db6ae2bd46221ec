package newsroom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.testing.RepoFiles;
import newsroom.extract.ArticleExtractor;
import newsroom.fetch.AddressPolicy;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;
import newsroom.local.UsageException;

/** The main job, end to end on the embedded default, through the command line's own entry point. */
class IngestCommandTest {

    @TempDir
    Path work;

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);

    /** What one run printed and returned. */
    record Result(int exit, String out, String err) {
    }

    private Result ingest(SafeHttpFetcher fetcher, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            exit = new IngestCommand(new ArticleExtractor(), fetcher, clock)
                    .run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (UsageException e) {
            exit = 2;
            err.writeBytes(e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result ingest(String... args) {
        return ingest(new SafeHttpFetcher(FetcherConfig.defaults(Newsroom.DEFAULT_CONTACT_URL)), args);
    }

    private Path site() {
        return work.resolve("site");
    }

    private List<String> events() throws IOException {
        Path log = site().resolve(".newsroom/events.jsonl");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void ingestsTheReferenceExample_intoExactlyTheCanonicalShape() throws IOException {
        Path input = work.resolve("coinlive-apple-alibaba.md");
        Files.copy(RepoFiles.shared().resolve("examples/coinlive-apple-alibaba.md"), input);

        Result result = ingest("--out", site().toString(), input.toString());

        assertThat(result.exit()).isZero();
        Path stored = site().resolve(
                "content/en/2025/02/east-meets-west-apple-and-alibaba-forge-ai-partnership-to-create-ai-tools-for.md");
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/frontmatter/coinlive-apple-alibaba.expected.md")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(stored)).isEqualTo(expected);
        assertThat(result.out()).contains("coinlive-apple-alibaba.md: stored -> ");
    }

    @Test
    void ingestsEverySample_thenReportsEachUnchanged_andEmitsNothingTheSecondTime() throws IOException {
        Path samples = RepoFiles.root().resolve("samples");

        Result first = ingest("--out", site().toString(), samples.toString());
        int eventsAfterFirst = events().size();
        Result second = ingest("--out", site().toString(), samples.toString());

        assertThat(first.exit()).isZero();
        assertThat(first.out()).containsPattern("stored\\s+4").doesNotContain("rejected:");
        assertThat(eventsAfterFirst).isEqualTo(4);
        assertThat(second.exit()).isZero();
        assertThat(second.out().lines().filter(l -> l.contains(": unchanged"))).hasSize(4);
        assertThat(second.out()).containsPattern("unchanged\\s+4");
        assertThat(events()).hasSize(4);
    }

    @Test
    void editingABody_storesVersionTwo_andRoutesArticleUpdatedToTheTranslationFunction() throws IOException {
        Path article = work.resolve("in/story.md");
        Files.createDirectories(article.getParent());
        Files.writeString(article, """
                ---
                title: "A story"
                date: 2025-02-12
                ---

                The first body.
                """);
        Path config = work.resolve("site.yaml");
        Files.writeString(config, "targetLanguages: [fr, de]\n");
        ingest("--out", site().toString(), "--config", config.toString(), article.toString());

        Files.writeString(article, Files.readString(article).replace("first body", "second body"));
        Result result = ingest("--out", site().toString(), "--config", config.toString(), article.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("story.md: updated (v2) -> ");
        List<String> events = events();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).contains("\"detail-type\":\"ArticleUpdated\"", "\"version\":2",
                "\"translationTargets\":[\"fr\",\"de\"]");
        assertThat(result.out())
                .contains("TranslationFunction    1 delivered, 0 failed".replace("    ", "  "))
                .contains("TranslationFunction fr: skipped: no translator configured")
                .contains("TranslationFunction de: skipped: no translator configured");
        assertThat(Files.readString(site().resolve("content/en/2025/02/a-story.md"))).contains("The second body.");
    }

    @Test
    void rejectsBadInput_withItsReason_storesNothingForIt_andExitsOne() throws IOException {
        Path good = work.resolve("in/good.md");
        Path bad = work.resolve("in/bad.md");
        Files.createDirectories(good.getParent());
        Files.writeString(good, "---\ntitle: Good\ndate: 2025-01-01\n---\nBody.\n");
        Files.writeString(bad, "---\ntitle: Unreadable date\ndate: someday\n---\nBody.\n");

        Result result = ingest("--out", site().toString(), work.resolve("in").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).containsPattern("bad\\.md: rejected: INVALID_DATE \\(.+\\)");
        assertThat(result.out()).contains("good.md: stored");
        assertThat(result.out()).containsPattern("rejected\\s+1");
        try (var files = Files.walk(site().resolve("content"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void usageErrors_exitTwo_withAMessage() {
        assertThat(ingest("--out", site().toString()).exit()).isEqualTo(2);
        Result unknown = ingest("--bogus", "x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option --bogus");
        Result missing = ingest("--out", site().toString(), work.resolve("nope.md").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or folder");
    }

    @Test
    void invalidConfiguration_failsAtStart_namingTheKey() throws IOException {
        Path config = work.resolve("site.yaml");
        Files.writeString(config, "timeZone: Mars/Olympus\n");
        Result result = ingest("--config", config.toString(), "--out", site().toString(),
                RepoFiles.root().resolve("samples").toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("timeZone").contains("Mars/Olympus");
        assertThat(site()).doesNotExist();
    }

    @Test
    void aUrlThatResolvesToAPrivateAddress_isRejectedWithTheReason_withoutAnyConnection() {
        Result result = ingest("--out", site().toString(), "http://127.0.0.1:8080/article",
                "http://169.254.169.254/latest/meta-data/");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("http://127.0.0.1:8080/article: rejected: URL_NOT_ALLOWED")
                .contains("http://169.254.169.254/latest/meta-data/: rejected: URL_NOT_ALLOWED");
    }

    @Test
    void ingestsAnArticleUrlAndTheItemsOfAFeed_fromAServerTheTestAllowsExplicitly() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/robots.txt",
                exchange -> respond(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n"));
        server.createContext("/news/", exchange -> {
            String slug = exchange.getRequestURI().getPath().substring("/news/".length());
            respond(exchange, 200, "text/html; charset=utf-8", "<html lang=en><head><title>Story " + slug
                    + "</title><meta property='article:published_time' content='2025-02-0" + slug.length()
                    + "T10:00:00Z'></head><body><article><h1>Story " + slug + "</h1><p>"
                    + "A paragraph long enough to be taken for the body of a real article about " + slug
                    + ", with enough words in it to pass as prose rather than navigation.</p><p>A second paragraph "
                    + "about " + slug + " that adds more words to the story.</p></article></body></html>");
        });
        server.createContext("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%1$s/</link>
                <item><title>B</title><link>%1$s/news/bb</link></item>
                <item><title>C</title><link>%1$s/news/ccc</link></item>
                </channel></rss>""".formatted(base)));
        server.start();
        try {
            SafeHttpFetcher fetcher = SafeHttpFetcher.builder(FetcherConfig.defaults(Newsroom.DEFAULT_CONTACT_URL)
                            .withAllowedPorts(Set.of(server.getAddress().getPort())))
                    .addressPolicy(AddressPolicy.publicOnly().allowingForTests("127.0.0.1/32"))
                    .build();

            Result result = ingest(fetcher, "--out", site().toString(), base + "/news/a", base + "/feed.xml");

            assertThat(result.exit()).as(result.out()).isZero();
            assertThat(result.out()).contains(base + "/news/a: stored -> ")
                    .contains(base + "/news/bb: stored -> ").contains(base + "/news/ccc: stored -> ");
            assertThat(site().resolve("content/en/2025/02/story-ccc.md")).exists();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void datesTheUndatedItemsOfAFeed_byTheirEntryDate_andTheRestByTheUrl() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/robots.txt",
                exchange -> respond(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n"));
        server.createContext("/news/", exchange -> respond(exchange, 200, "text/html; charset=utf-8",
                "<html lang=en><head><title>Undated " + exchange.getRequestURI().getPath().length() + "</title></head>"
                        + "<body><article><h1>Undated " + exchange.getRequestURI().getPath().length() + "</h1>"
                        + "<p>A paragraph long enough to be taken for the body of a"
                        + " real article, with enough words in it to pass as prose rather than navigation "
                        + exchange.getRequestURI().getPath() + ".</p><p>And a second paragraph with more words.</p>"
                        + "</article></body></html>"));
        server.createContext("/feed.xml", exchange -> respond(exchange, 200, "application/rss+xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%1$s/</link>
                <item><title>A</title><link>%1$s/news/a</link><pubDate>Thu, 20 Feb 2025 07:47:00 GMT</pubDate></item>
                <item><title>B</title><link>%1$s/news/2025/01/15/b</link></item>
                </channel></rss>""".formatted(base)));
        server.start();
        try {
            SafeHttpFetcher fetcher = SafeHttpFetcher.builder(FetcherConfig.defaults(Newsroom.DEFAULT_CONTACT_URL)
                            .withAllowedPorts(Set.of(server.getAddress().getPort())))
                    .addressPolicy(AddressPolicy.publicOnly().allowingForTests("127.0.0.1/32"))
                    .build();

            Result result = ingest(fetcher, "--out", site().toString(), base + "/feed.xml");

            assertThat(result.exit()).as(result.out()).isZero();
            String fromFeed = Files.readString(site().resolve("content/en/2025/02/undated-7.md"));
            assertThat(fromFeed).contains("date: \"2025-02-20T07:47:00Z\"", "dateSource: \"feed\"");
            String fromUrl = Files.readString(site().resolve("content/en/2025/01/undated-18.md"));
            assertThat(fromUrl).contains("date: \"2025-01-15T00:00:00Z\"", "dateSource: \"url\"");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void pollsASourcesFile_ingestsNewItemsWithTheSourceDefaults_andAsksWithValidatorsNextTime() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> conditionalRequests = new CopyOnWriteArrayList<>();
        server.createContext("/robots.txt",
                exchange -> respond(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n"));
        server.createContext("/news/", exchange -> respond(exchange, 200, "text/html; charset=utf-8",
                "<html><head><title>Local story</title><meta property='article:published_time' "
                        + "content='2025-02-27T10:00:00'></head><body><article><h1>Local story</h1><p>A paragraph long "
                        + "enough to be taken for the body of a real article, with enough words in it to pass as "
                        + "prose rather than navigation.</p><p>And a second paragraph with more words.</p></article>"
                        + "</body></html>"));
        server.createContext("/feed.xml", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                conditionalRequests.add("If-None-Match");
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            respond(exchange, 200, "application/rss+xml", """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%1$s/</link>
                    <item><title>Local story</title><link>%1$s/news/local</link></item>
                    </channel></rss>""".formatted(base));
        });
        server.start();
        Path sources = work.resolve("sources.yaml");
        Files.writeString(sources, """
                sources:
                  - name: city-desk
                    type: feed
                    url: %s/feed.xml
                    timeZone: Europe/Paris
                    language: fr
                    categories: [Ville]
                """.formatted(base));
        try {
            SafeHttpFetcher fetcher = SafeHttpFetcher.builder(FetcherConfig.defaults(Newsroom.DEFAULT_CONTACT_URL)
                            .withAllowedPorts(Set.of(server.getAddress().getPort())))
                    .addressPolicy(AddressPolicy.publicOnly().allowingForTests("127.0.0.1/32"))
                    .build();

            Result first = ingest(fetcher, "--out", site().toString(), "--sources", sources.toString());
            Result second = ingest(fetcher, "--out", site().toString(), "--sources", sources.toString());

            assertThat(first.exit()).as(first.out()).isZero();
            assertThat(first.out()).contains("source city-desk: 1 new item(s)", base + "/news/local: stored -> ");
            String stored = Files.readString(site().resolve("content/fr/2025/02/local-story.md"));
            assertThat(stored).contains("date: \"2025-02-27T10:00:00+01:00\"", "  - \"Ville\"", "  - \"fr\"");
            assertThat(second.out()).contains("source city-desk: not modified since the last poll");
            assertThat(conditionalRequests).containsExactly("If-None-Match");
        } finally {
            server.stop(0);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
