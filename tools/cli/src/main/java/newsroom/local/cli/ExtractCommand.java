package newsroom.local.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import newsroom.core.ingest.HtmlDecoding;
import newsroom.core.model.ArticleRejectedException;
import newsroom.extract.ArticleContent;
import newsroom.extract.ArticleExtractor;
import newsroom.extract.ExtractedArticle;
import newsroom.extract.Field;
import newsroom.extract.PageMetadata;
import newsroom.local.Arguments;

/**
 * {@code extract FILE.html [--url URL]}: extracts one saved page and prints the article as pretty JSON: every
 * metadata field with its origin, the Markdown and the plain text. The file is read as UTF-8.
 */
public final class ExtractCommand {

    static final String USAGE = "usage: extract FILE.html [--url URL]";

    private ExtractCommand() {
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed or rejected, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Arguments.run(args, USAGE, Set.of("--url"), Set.of(), out, err,
                arguments -> extract(Paths.get(arguments.single("FILE.html")), arguments.option("--url"), out,
                        err));
    }

    private static int extract(Path file, @Nullable String url, PrintStream out, PrintStream err) {
        try {
            if (Files.size(file) > ArticleExtractor.MAX_PAGE_BYTES) {
                err.println("extract: rejected: TOO_LARGE (" + file + " is over " + ArticleExtractor.MAX_PAGE_BYTES
                        + " bytes)");
                return 1;
            }
            String html = HtmlDecoding.decode(Files.readAllBytes(file), null);
            ExtractedArticle article = new ArticleExtractor().extractArticle(html, url);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(toJson(json, article)));
            return 0;
        } catch (ArticleRejectedException e) {
            err.println("extract: rejected: " + e.rejection());
            return 1;
        } catch (IOException e) {
            err.println("extract: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }

    static ObjectNode toJson(ObjectMapper json, ExtractedArticle article) {
        PageMetadata page = article.metadata();
        ArticleContent content = article.content();
        ObjectNode root = json.createObjectNode();
        root.put("pageUrl", article.pageUrl());
        ObjectNode metadata = root.putObject("metadata");
        put(json, metadata, "title", page.title());
        put(json, metadata, "authors", page.authors());
        put(json, metadata, "published", page.published().map(f -> new Field<>(f.value().toString(), f.origin())));
        put(json, metadata, "modified", page.modified().map(f -> new Field<>(f.value().toString(), f.origin())));
        put(json, metadata, "language", page.language());
        put(json, metadata, "summary", page.summary());
        put(json, metadata, "canonical", page.canonical());
        put(json, metadata, "siteName", page.siteName());
        put(json, metadata, "section", page.section());
        put(json, metadata, "tags", page.tags());
        put(json, metadata, "leadImage", page.leadImage());
        put(json, metadata, "paywalled", page.paywalled());
        root.put("markdown", content.markdown());
        root.put("text", content.text());
        return root;
    }

    private static void put(ObjectMapper json, ObjectNode metadata, String name, Optional<? extends Field<?>> field) {
        field.ifPresent(f -> {
            ObjectNode node = metadata.putObject(name);
            node.set("value", json.valueToTree(f.value()));
            node.put("origin", f.origin());
        });
    }
}
