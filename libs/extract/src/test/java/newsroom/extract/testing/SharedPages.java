package newsroom.extract.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import newsroom.core.testing.RepoFiles;

/**
 * The real pages of both shared sets (the 181 article-extraction benchmark pages, then the 289 metadata-dev pages),
 * read one at a time in name order, for tests that check a rule on every real page. Not kept in memory: the 470 pages
 * are about 150 MB as strings, more than this module's test heap should hold at once.
 */
public final class SharedPages {

    /** The folders of the two sets, under the shared folder. */
    public static final List<String> SETS = List.of("data/article-extraction-benchmark/html", "data/metadata-dev/html");

    /** Receives one page: its file name (for messages) and its HTML. */
    @FunctionalInterface
    public interface PageCheck {
        void check(String name, String html) throws IOException;
    }

    private SharedPages() {
    }

    /** Hands every page of both sets to {@code check}, in order; returns how many there were. */
    public static int forEach(PageCheck check) throws IOException {
        int pages = 0;
        for (String set : SETS) {
            pages += forEachIn(set, 1, check);
        }
        return pages;
    }

    /**
     * Hands every {@code step}-th page of the article-extraction benchmark alone to {@code check}, from the first in
     * name order (for a check that is costly per page); returns how many there were.
     */
    public static int forEachBenchmarkPage(int step, PageCheck check) throws IOException {
        return forEachIn(SETS.get(0), step, check);
    }

    private static int forEachIn(String set, int step, PageCheck check) throws IOException {
        int pages = 0;
        try (Stream<Path> files = Files.list(RepoFiles.shared(set))) {
            List<Path> sorted = files.sorted().toList();
            for (int i = 0; i < sorted.size(); i += step) {
                Path file = sorted.get(i);
                String html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                check.check(file.getFileName().toString(), html);
                pages++;
            }
        }
        return pages;
    }
}
