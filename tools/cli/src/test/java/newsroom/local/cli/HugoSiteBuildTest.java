package newsroom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.frontmatter.FrontMatterParser;
import newsroom.core.model.RawArticle;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher;
import newsroom.core.testing.RepoFiles;
import newsroom.extract.ArticleExtractor;

/**
 * Hugo is the real consumer of what we store: the samples and a handful of benchmark pages are ingested into a
 * site folder with a minimal multilingual Hugo configuration, {@code hugo} builds it, and every stored article must
 * be rendered with its title and date, in the language whose folder holds it; the language folders must be the
 * site's languages. Needs Debian's {@code hugo} (installed by {@code .ci/run}): in CI ({@code CI=true}) a missing
 * {@code hugo} fails the test; elsewhere the test is skipped with a message saying how to install it.
 */
class HugoSiteBuildTest {

    /** The site's languages: the samples are in English (one en_GB) and French, the benchmark pages below add two. */
    private static final List<String> LANGUAGES = List.of("en", "fr", "pt", "ru");
    /**
     * Benchmark pages whose declarations differ from the site's tags: en-US, en-GB, none (English text), "de" on an
     * English text, pt-BR and ru-RU — so every way onto the site's four trees is exercised.
     */
    private static final List<String> BENCHMARK_PAGES = List.of(
            "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
            "30b771a40a4e96156d398716c877deef54b05d091770d2717c98e4c6b670010c",
            "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f",
            "f81c6c05d9cbc93316992fa23ef74ec405194e292611f2e94f6a814868903665",
            "23aaecd14171f96cfd201a8a46666097e286ad71f74f29347a78c5ecba50da1e",
            "c4a3637c6696f238cf9fe1c7fbb17bbb6731a71d4f5fe399b9b4fc3294a96a6b");

    @TempDir
    Path work;

    @Test
    void rendersEveryIngestedArticle_withItsTitleAndDate_inTheSitesLanguages() throws Exception {
        requireHugo();
        Path site = work.resolve("site");
        Path inputs = work.resolve("inputs");
        copyInputs(inputs);
        Files.createDirectories(site);
        Files.writeString(work.resolve("site.yaml"), "languages: [" + String.join(", ", LANGUAGES) + "]\n");
        writeHugoSite(site);

        String ingestOutput = ingest("--out", site.toString(), "--config", work.resolve("site.yaml").toString(),
                inputs.toString());
        assertThat(ingestOutput).doesNotContain("rejected:");

        List<Path> stored = storedArticles(site);
        assertThat(stored).hasSize(4 + BENCHMARK_PAGES.size());
        assertThat(languageFolders(site)).containsExactlyInAnyOrderElementsOf(LANGUAGES);

        runHugo(site);

        Map<String, Element> rendered = renderedPages(site.resolve("public"));
        assertThat(rendered).hasSize(stored.size());
        for (Path file : stored) {
            RawArticle article = new FrontMatterParser().parse(Files.readAllBytes(file));
            String title = String.valueOf(article.fields().get("title"));
            String date = OffsetDateTime.parse(String.valueOf(article.fields().get("date"))).toLocalDate().toString();
            String language = site.resolve("content").relativize(file).getName(0).toString();
            Element page = rendered.get(title);
            assertThat(page).as("rendered page titled %s (from %s)", title, file).isNotNull();
            assertThat(page.selectFirst("time").attr("datetime")).as("date of %s", file).isEqualTo(date);
            assertThat(page.attr("data-lang")).as("language of %s", file).isEqualTo(language);
        }
    }

    private static void requireHugo() {
        boolean present;
        try {
            Process p = new ProcessBuilder("hugo", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("hugo is not installed; .ci/run installs Debian's hugo package (apt-get install -y hugo)");
            }
            Assumptions.abort("hugo is not installed: skipped outside CI (apt-get install -y hugo to run it)");
        }
    }

    private static void copyInputs(Path inputs) throws IOException {
        Files.createDirectories(inputs);
        try (Stream<Path> samples = Files.list(RepoFiles.root().resolve("samples"))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, inputs.resolve(sample.getFileName()));
            }
        }
        Path benchmark = RepoFiles.shared("data/article-extraction-benchmark/html");
        for (String id : BENCHMARK_PAGES) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(benchmark.resolve(id + ".html.gz")))) {
                Files.copy(in, inputs.resolve(id + ".html"));
            }
        }
    }

    /** A minimal multilingual site: one content folder per language, layouts that render title and date. */
    private static void writeHugoSite(Path site) throws IOException {
        StringBuilder config = new StringBuilder("""
                baseURL = "https://news.example.org/"
                title = "Newsroom Ingest test site"
                defaultContentLanguage = "%s"
                defaultContentLanguageInSubdir = true
                disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
                """.formatted(LANGUAGES.get(0)));
        for (int i = 0; i < LANGUAGES.size(); i++) {
            config.append("[languages.").append(LANGUAGES.get(i)).append("]\n")
                    .append("contentDir = \"content/").append(LANGUAGES.get(i)).append("\"\n")
                    .append("weight = ").append(i + 1).append('\n');
        }
        Files.writeString(site.resolve("hugo.toml"), config);
        Path layouts = Files.createDirectories(site.resolve("layouts/_default"));
        Files.writeString(layouts.resolve("single.html"), """
                <!doctype html>
                <html lang="{{ .Lang }}"><head><title>{{ .Title }}</title></head>
                <body><article class="single" data-lang="{{ .Lang }}"><h1>{{ .Title }}</h1>
                <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
                {{ .Content }}</article></body></html>
                """);
        Files.writeString(layouts.resolve("list.html"), """
                <!doctype html>
                <html><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
                </body></html>
                """);
    }

    private static String ingest(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);
        // Offline: the thumbnail function's image fetches are refused rather than sent anywhere.
        Fetcher offline = (uri, kind, validators) -> {
            throw new Fetcher.FetchException(FetchFailure.URL_NOT_ALLOWED, "offline test: " + uri, false, 0);
        };
        int exit = new IngestCommand(new ArticleExtractor(), offline, clock)
                .run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        return output;
    }

    private static List<Path> storedArticles(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site.resolve("content"))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static Set<String> languageFolders(Path site) throws IOException {
        try (Stream<Path> folders = Files.list(site.resolve("content"))) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void runHugo(Path site) throws IOException, InterruptedException {
        Path log = site.resolveSibling("hugo.log");
        Process hugo = new ProcessBuilder("hugo", "--source", site.toString(), "--destination",
                site.resolve("public").toString(), "--noBuildLock")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!hugo.waitFor(120, TimeUnit.SECONDS)) {
            hugo.destroyForcibly();
            fail("hugo did not finish within 120 s: " + Files.readString(log));
        }
        assertThat(hugo.exitValue()).as("hugo exit code; its output:%n%s", Files.readString(log)).isZero();
    }

    /** Every page rendered with the single layout, by its title. */
    private static Map<String, Element> renderedPages(Path publicDir) throws IOException {
        List<Element> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(publicDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("index.html")).toList()) {
                Document html = Jsoup.parse(file.toFile(), "UTF-8");
                Element single = html.selectFirst("article.single");
                if (single != null) {
                    pages.add(single);
                }
            }
        }
        return pages.stream().collect(Collectors.toMap(p -> p.selectFirst("h1").text(), p -> p));
    }
}
