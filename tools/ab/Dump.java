import java.io.File;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes everything {@code ArticleExtractor.extractArticle} returns for every page of the two shared data sets (the
 * 181 article-extraction-benchmark pages and the 289 metadata-dev pages): page URL, every PageMetadata field,
 * Markdown and text, or the rejection. Two builds whose dumps are byte-identical extract identically on those
 * pages; the speed work checks each step with it. Usage: see dump.sh.
 */
public class Dump {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Class<?> type = Class.forName("newsroom.extract.ArticleExtractor");
        Object extractor = type.getConstructor().newInstance();
        Method extract = type.getMethod("extractArticle", String.class, String.class);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            for (String set : List.of("article-extraction-benchmark", "metadata-dev")) {
                Path dir = Path.of(args[0], set);
                JsonNode truth = json.readTree(new File(dir.resolve("ground-truth.json").toString()));
                for (Path page : Files.list(dir.resolve("html")).sorted().toList()) {
                    String id = page.getFileName().toString().replace(".html.gz", "");
                    String html;
                    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    String url = truth.path(id).path("url").asText(null);
                    out.println("=== " + id + " " + url);
                    try {
                        Object article = extract.invoke(extractor, html, url);
                        Class<?> result = article.getClass();
                        Object content = result.getMethod("content").invoke(article);
                        out.println(result.getMethod("pageUrl").invoke(article));
                        out.println(result.getMethod("metadata").invoke(article));
                        out.println("--- markdown");
                        out.println(content.getClass().getMethod("markdown").invoke(content));
                        out.println("--- text");
                        out.println(content.getClass().getMethod("text").invoke(content));
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        out.println("EXC " + e.getCause());
                    }
                }
            }
        }
    }
}
