import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import newsroom.extract.ArticleExtractor;

/**
 * Extracts the 181 article-extraction-benchmark pages over and over for N seconds: a steady load to profile under
 * JFR, e.g. {@code java -XX:StartFlightRecording=filename=x.jfr,settings=profile -cp CLASSES:. Loop PAGES_DIR 60},
 * then {@code jfr print --json --stack-depth 64 --events jdk.ExecutionSample x.jfr} (without --stack-depth JFR prints
 * five frames). CLASSES is the classpath ab.sh builds for a checkout.
 */
public class Loop {
    public static void main(String[] args) throws Exception {
        List<String> pages = new ArrayList<>();
        for (Path page : Files.list(Path.of(args[0])).sorted().toList()) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        ArticleExtractor extractor = new ArticleExtractor();
        long end = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        int extracted = 0;
        while (System.currentTimeMillis() < end) {
            for (String html : pages) {
                extractor.extractArticle(html, "https://news.example/a");
                extracted++;
            }
        }
        System.out.println(extracted + " pages");
    }
}
