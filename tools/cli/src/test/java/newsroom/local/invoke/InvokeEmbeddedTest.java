package newsroom.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import newsroom.core.testing.RepoFiles;

/**
 * {@code newsroom invoke FUNCTION events/FILE.json} with no {@code --env}: every sample event runs on the embedded
 * default through the real runtime interface client and gets the function's response, with nothing set up first.
 */
class InvokeEmbeddedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The function each sample event is for, by the event file's name. */
    private static final Map<String, String> FUNCTION_OF_PREFIX = Map.of(
            "article-fetcher-", "ArticleFetcherFunction",
            "feed-poller-", "FeedPollerFunction",
            "poll-dispatcher-", "PollDispatcherFunction",
            "ingest-api-", "IngestApiFunction",
            "thumbnail-", "ThumbnailFunction",
            "translation-", "TranslationFunction");

    @TempDir
    Path site;

    private record Run(int status, String out, String err) {
    }

    private static Run invoke(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InvokeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Path> sampleEvents() throws IOException {
        try (Stream<Path> files = Files.list(RepoFiles.root().resolve("events"))) {
            List<Path> events = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(events).hasSizeGreaterThanOrEqualTo(8);
            return events.stream();
        }
    }

    private static String functionFor(Path event) {
        String name = event.getFileName().toString();
        return FUNCTION_OF_PREFIX.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no function known for events/" + name
                        + "; add its prefix to FUNCTION_OF_PREFIX"));
    }

    private Run invokeEmbedded(String function, Path event) {
        return invoke(function, event.toString(), "--out", site.toString(), "--template",
                RepoFiles.template().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void answersEverySampleEvent_withNoSetup(Path event) throws Exception {
        Run run = invokeEmbedded(functionFor(event), event);

        assertThat(run.status()).as(run.err() + run.out()).isZero();
        JsonNode response = JSON.readTree(run.out());
        assertThat(response.isObject()).as(run.out()).isTrue();
        assertThat(run.err()).doesNotContain("missing variable").contains("embedded default in " + site);
    }

    @Test
    void storesThePostedMarkdown_inTheSiteFolder_andRecordsTheEvent() throws Exception {
        Run run = invokeEmbedded("IngestApiFunction", Path.of(RepoFiles.event("ingest-api-post-markdown.json")));

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode response = JSON.readTree(run.out());
        assertThat(response.path("statusCode").asInt()).as(run.out()).isEqualTo(201);
        assertThat(site.resolve("content/en/2025/02/apple-alibaba-ai-china.md")).exists()
                .content().contains("title: \"Apple and Alibaba team up on AI in China\"");
        assertThat(Files.readString(site.resolve(".newsroom/events.jsonl")))
                .contains("\"detail-type\":\"ArticleStored\"");
        assertThat(run.err()).as("log lines of the invocation").contains("\"awsRequestId\":\"", "\"coldStart\":true",
                "\"functionVersion\":\"$LATEST\"");

        Run again = invokeEmbedded("IngestApiFunction", Path.of(RepoFiles.event("ingest-api-post-markdown.json")));
        assertThat(JSON.readTree(again.out()).path("statusCode").asInt()).as(again.out()).isEqualTo(200);
    }

    @Test
    void refusesOutTogetherWithEnv() {
        Run run = invoke("IngestApiFunction", RepoFiles.event("ingest-api-get-article.json"), "--out", "x", "--env",
                "y.json");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--out (embedded default) and --env (AWS endpoints) exclude each other");
    }

    @Test
    void namesTheEmbeddedTwin_ofAHandler() {
        assertThat(InvokeCommand.embeddedHandler("newsroom.ingestapi.IngestApiHandler::handleRequest"))
                .isEqualTo("newsroom.ingestapi.EmbeddedIngestApiHandler::handleRequest");
    }
}
