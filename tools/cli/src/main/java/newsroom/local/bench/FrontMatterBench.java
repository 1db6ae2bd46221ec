package newsroom.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import newsroom.core.config.SiteConfig;
import newsroom.core.frontmatter.FrontMatterNormalizer;
import newsroom.core.model.SourceContext;

/**
 * Front matter normalization throughput on a mixed corpus: the repository's samples (YAML, TOML and JSON front
 * matter) and the shared reference example, each parsed from its file bytes and normalized to the canonical Hugo
 * front matter, as {@code ./newsroom ingest} does for a Markdown file.
 */
final class FrontMatterBench {

    /** A corpus document: its name, its front matter format, its bytes. */
    record Document(String name, String format, byte[] bytes) {
    }

    /** Normalizations per second per round, over {@code documents}. */
    record Result(List<Document> documents, List<Double> perSecond) {
    }

    private final List<Path> corpusFiles;
    private final PrintStream progress;

    FrontMatterBench(List<Path> corpusFiles, PrintStream progress) {
        this.corpusFiles = List.copyOf(corpusFiles);
        this.progress = progress;
    }

    /** The corpus: {@code samples/*.md} of the repository, then the shared examples. */
    static List<Path> corpusFiles(Path repo, Path shared) throws IOException {
        List<Path> files = new ArrayList<>(markdownIn(repo.resolve("samples")));
        files.addAll(markdownIn(shared.resolve("examples")));
        return files;
    }

    private static List<Path> markdownIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    static List<Document> load(List<Path> files) throws IOException {
        List<Document> documents = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            documents.add(new Document(file.getFileName().toString(), format(bytes), bytes));
        }
        return documents;
    }

    /** The front matter format by its opening delimiter: {@code ---} YAML, {@code +++} TOML, <code>{</code> JSON. */
    static String format(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 3), StandardCharsets.UTF_8);
        if (start.equals("---")) {
            return "YAML";
        }
        if (start.equals("+++")) {
            return "TOML";
        }
        return start.startsWith("{") ? "JSON" : "none";
    }

    /**
     * @param rounds     timed rounds (after untimed warm-up rounds)
     * @param iterations passes over the corpus per round
     * @throws IllegalStateException when a corpus document does not normalize: the benchmark would time rejections
     */
    Result run(int rounds, int iterations) throws IOException {
        List<Document> documents = load(corpusFiles);
        if (documents.isEmpty()) {
            throw new IllegalStateException("no front matter corpus found (samples/*.md)");
        }
        FrontMatterNormalizer normalizer = new FrontMatterNormalizer(SiteConfig.defaults());
        for (Document document : documents) {
            normalizer.normalize(document.bytes(), SourceContext.ofFile(document.name())); // fails loudly if rejected
        }
        for (int i = 0; i < 2; i++) {
            pass(normalizer, documents, iterations);
        }
        List<Double> perSecond = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            progress.println("  front matter: round " + round + "/" + rounds);
            perSecond.add(pass(normalizer, documents, iterations));
        }
        return new Result(documents, perSecond);
    }

    private static double pass(FrontMatterNormalizer normalizer, List<Document> documents, int iterations) {
        long characters = 0;
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            for (Document document : documents) {
                characters += normalizer.normalize(document.bytes(), SourceContext.ofFile(document.name()))
                        .markdown().length();
            }
        }
        long elapsed = System.nanoTime() - start;
        if (characters == 0) {
            throw new IllegalStateException("normalization produced no output");
        }
        return (double) iterations * documents.size() / (elapsed / 1e9);
    }
}
