package newsroom.ingestapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.ingest.IngestService;
import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.testing.RecordingFetchQueue;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.TelemetryLines;

class IngestApiHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_ID = "3f2a9c1e4b5d6e7f80912a3b";
    private static final String SUBMITTED = "https://news.example.com/2025/02/apple-alibaba-ai";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryArticleIndex index = new InMemoryArticleIndex();
    private final RecordingEventPublisher bus = new RecordingEventPublisher();
    private final RecordingFetchQueue queue = new RecordingFetchQueue();
    private final TelemetryLines telemetry = new TelemetryLines("ingest-api");
    /** Stands in for the fetch module's SSRF guard: refuses the loopback literal. */
    private final UrlCheck urlCheck = uri -> uri.getHost().equals("127.0.0.1")
            ? Optional.of("127.0.0.1 is a loopback address") : Optional.empty();

    private final IngestApiHandler handler = new IngestApiHandler(IngestApiWiring.of(new ArticleApi(
            new IngestService(SiteConfig.defaults(), store, index, bus, telemetry.telemetry(),
                    TelemetryLines.CLOCK),
            index, store, queue, urlCheck, SiteConfig.defaults(), telemetry.telemetry()),
            SiteConfig.defaults(), telemetry.telemetry()));

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent(RepoFiles.event(name));
    }

    private static APIGatewayV2HTTPEvent postJson(String body) {
        APIGatewayV2HTTPEvent event = event("ingest-api-post-url.json");
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent list(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = event("ingest-api-list-articles.json");
        event.setQueryStringParameters(query);
        return event;
    }

    private static APIGatewayV2HTTPEvent get(String id) {
        APIGatewayV2HTTPEvent event = event("ingest-api-get-article.json");
        event.setRawPath("/articles/" + id);
        event.setPathParameters(Map.of("id", id));
        return event;
    }

    private static Map<String, Object> body(APIGatewayV2HTTPResponse response) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.readValue(response.getBody(), LinkedHashMap.class);
        return map;
    }

    private static Map<String, Object> problem(int status, String code, String title, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:newsroom:problem:" + code);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        return p;
    }

    private void assertProblem(APIGatewayV2HTTPResponse response, int status, String code, String title,
                               String detail) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(body(response)).isEqualTo(problem(status, code, title, detail));
    }

    private static ArticleRecord record(String id, String lang, String date, List<String> tags) {
        return ArticleRecord.newVersion(new ArticleId(id), 1,
                new ArticleRecord.StoredFile("content/" + lang + "/" + id + ".md", "ab".repeat(32)),
                new ArticleRecord.Listing("Title " + id, "slug-" + id, lang, OffsetDateTime.parse(date), tags,
                        List.of("news"), null),
                new ArticleRecord.Origin("https://news.example.com/" + id, Set.of(), null), null,
                Instant.parse("2025-02-12T15:10:00Z"));
    }

    @Test
    void queuesTheUrlAndAnswers202WithItsId_whenAUrlIsPosted() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("ingest-api-post-url.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(body(response)).isEqualTo(Map.of("id", ArticleId.ofUrl(SUBMITTED).value(), "status", "queued",
                "url", SUBMITTED));
        assertThat(queue.requests()).containsExactly(new FetchRequest(SUBMITTED, "api", 0));
    }

    @Test
    void answers422AndQueuesNothing_whenTheUrlPointsAtAnInternalAddress() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                postJson("{\"url\":\"http://127.0.0.1:8080/admin\"}"), null);

        assertProblem(response, 422, "url-not-allowed", "URL not allowed",
                "this URL may not be fetched: 127.0.0.1 is a loopback address");
        assertThat(queue.requests()).isEmpty();
        assertThat(telemetry.metrics()).containsExactly("ArticlesRejected api");
    }

    @Test
    void answers400_whenTheUrlIsNotHttp() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(postJson("{\"url\":\"file:///etc/passwd\"}"), null);

        assertProblem(response, 400, "invalid-url", "Invalid URL",
                "only absolute http and https URLs can be fetched: file:///etc/passwd");
        assertThat(queue.requests()).isEmpty();
    }

    @Test
    void answers400_whenTheJsonBodyIsMalformed() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(postJson("{\"url\": "), null);

        assertProblem(response, 400, "invalid-request", "Invalid request",
                "the body is not valid JSON; send {\"url\": \"https://…\"}");
    }

    @Test
    void answers400_whenTheJsonHasNoUrl() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(postJson("{\"link\":\"https://x.example\"}"), null);

        assertProblem(response, 400, "invalid-request", "Invalid request",
                "the body must be a JSON object with a \"url\" string");
    }

    @Test
    void answers500WithoutInternals_whenTheQueueIsUnavailable() throws Exception {
        queue.failNextEnqueues(1);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event("ingest-api-post-url.json"), null);

        assertProblem(response, 500, "internal-error", "Internal error",
                "the request could not be completed; it is safe to send it again");
        assertThat(response.getBody()).doesNotContain("IllegalStateException").doesNotContain("at newsroom");
        assertThat(telemetry.events()).containsExactly("api.failed");
    }

    @Test
    void answers413_whenTheBodyIsOverOneMebibyte() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                postJson("{\"url\":\"" + "a".repeat(ArticleApi.MAX_BODY_BYTES) + "\"}"), null);

        assertProblem(response, 413, "body-too-large", "Request body too large", "the limit is 1048576 bytes");
    }

    @Test
    void answers415_whenTheContentTypeIsNeitherJsonNorMarkdown() throws Exception {
        APIGatewayV2HTTPEvent event = postJson("<p>hi</p>");
        event.setHeaders(Map.of("content-type", "text/html"));

        assertProblem(handler.handleRequest(event, null), 415, "unsupported-media-type", "Unsupported media type",
                "send application/json {\"url\": \"https://…\"} or text/markdown with front matter; got 'text/html'");
    }

    @Test
    void answers400_whenABase64BodyIsNotBase64() throws Exception {
        APIGatewayV2HTTPEvent event = event("ingest-api-post-markdown.json");
        event.setBody("%%% not base64 %%%");

        assertProblem(handler.handleRequest(event, null), 400, "invalid-request", "Invalid request",
                "the body is marked base64-encoded but is not valid base64");
    }

    @Test
    void storesTheMarkdownAndAnswers201WithCanonicalFrontMatter_whenMarkdownIsPosted() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("ingest-api-post-markdown.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        Map<String, Object> body = body(response);
        assertThat(body).containsEntry("status", "stored").containsEntry("version", 1)
                .containsEntry("objectKey", "content/en/2025/02/apple-alibaba-ai-china.md");
        @SuppressWarnings("unchecked")
        Map<String, Object> frontMatter = (Map<String, Object>) body.get("frontMatter");
        assertThat(frontMatter).containsEntry("title", "Apple and Alibaba team up on AI in China")
                .containsEntry("date", "2025-02-12T15:10:00Z").containsEntry("lang", List.of("en"))
                .containsEntry("slug", "apple-alibaba-ai-china");
        assertThat(bus.detailTypes()).containsExactly("ArticleStored");
    }

    @Test
    void answers200AndStoresNothingTwice_whenTheSameMarkdownIsPostedAgain() throws Exception {
        handler.handleRequest(event("ingest-api-post-markdown.json"), null);

        APIGatewayV2HTTPResponse again = handler.handleRequest(event("ingest-api-post-markdown.json"), null);

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(body(again)).containsEntry("status", "unchanged").containsEntry("version", 1);
        assertThat(store.keys()).hasSize(1);
        assertThat(bus.detailTypes()).containsExactly("ArticleStored");
    }

    @Test
    void answers422WithTheRejectionReason_whenTheMarkdownHasNoTitle() throws Exception {
        APIGatewayV2HTTPEvent event = event("ingest-api-post-markdown.json");
        event.setBody(Base64.getEncoder().encodeToString(
                "---\ndate: 2025-02-12T15:10:00Z\n---\n\nBody without a title.\n".getBytes(StandardCharsets.UTF_8)));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(body(response)).containsEntry("type", "urn:newsroom:problem:missing-title")
                .containsEntry("title", "Article rejected (MISSING_TITLE)").containsEntry("status", 422);
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void answersTheRecord_whenTheArticleExists() throws Exception {
        index.commit(record(SAMPLE_ID, "en", "2025-02-12T15:10:00Z", List.of("ai")), 0);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event("ingest-api-get-article.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", SAMPLE_ID);
        expected.put("version", 1);
        expected.put("title", "Title " + SAMPLE_ID);
        expected.put("slug", "slug-" + SAMPLE_ID);
        expected.put("lang", "en");
        expected.put("date", "2025-02-12T15:10:00Z");
        expected.put("tags", List.of("ai"));
        expected.put("categories", List.of("news"));
        expected.put("thumbnail", null);
        expected.put("url", "https://news.example.com/" + SAMPLE_ID);
        expected.put("objectKey", "content/en/" + SAMPLE_ID + ".md");
        expected.put("location", "mem://content/en/" + SAMPLE_ID + ".md");
        expected.put("contentHash", "ab".repeat(32));
        expected.put("translations", Map.of());
        expected.put("thumbnails", Map.of());
        expected.put("updatedAt", "2025-02-12T15:10:00Z");
        assertThat(body(response)).isEqualTo(expected);
    }

    @Test
    void answers404Problem_whenTheArticleDoesNotExist() throws Exception {
        assertProblem(handler.handleRequest(event("ingest-api-get-article.json"), null), 404, "article-not-found",
                "Article not found", "no article with id " + SAMPLE_ID);
    }

    @Test
    void answers400_whenTheIdIsNotAnArticleId() throws Exception {
        assertProblem(handler.handleRequest(get("..%2Fetc"), null), 400, "invalid-request", "Invalid request",
                "'..%2Fetc' is not an article id (24 lower-case hex digits)");
    }

    @Test
    void listsNewestFirstPageByPage_followingTheCursor() throws Exception {
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa1", "en", "2025-02-10T00:00:00Z", List.of("ai")), 0);
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa2", "en", "2025-02-12T00:00:00Z", List.of("ai")), 0);
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa3", "fr", "2025-02-13T00:00:00Z", List.of("ai")), 0);
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa4", "en", "2025-02-11T00:00:00Z", List.of("ai")), 0);
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa5", "en", "2025-02-14T00:00:00Z", List.of("sport")), 0);

        Map<String, Object> first = body(handler.handleRequest(event("ingest-api-list-articles.json"), null));
        Map<String, Object> second = body(handler.handleRequest(list(Map.of("lang", "en", "tag", "ai", "limit", "2",
                "cursor", (String) first.get("nextCursor"))), null));

        assertThat(ids(first)).containsExactly("aaaaaaaaaaaaaaaaaaaaaaa2", "aaaaaaaaaaaaaaaaaaaaaaa4");
        assertThat(ids(second)).containsExactly("aaaaaaaaaaaaaaaaaaaaaaa1");
        assertThat(second.get("nextCursor")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("id")).toList();
    }

    @Test
    void listsByLanguageAndTag_inAnyCase() throws Exception {
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa1", "en-GB", "2025-02-10T00:00:00Z", List.of("AI")), 0);
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa2", "en", "2025-02-11T00:00:00Z", List.of("AI")), 0);
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa3", "en-GB", "2025-02-12T00:00:00Z", List.of("sport")), 0);

        Map<String, Object> page = body(handler.handleRequest(list(Map.of("lang", "en_gb", "tag", "ai")), null));

        assertThat(ids(page)).containsExactly("aaaaaaaaaaaaaaaaaaaaaaa1");
    }

    @Test
    void listsFromMidnightUtc_whenSinceIsADate() throws Exception {
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa1", "en", "2025-02-11T23:59:59Z", List.of("ai")), 0);
        index.commit(record("aaaaaaaaaaaaaaaaaaaaaaa2", "en", "2025-02-12T00:00:00Z", List.of("ai")), 0);

        Map<String, Object> page = body(handler.handleRequest(list(Map.of("since", "2025-02-12")), null));

        assertThat(ids(page)).containsExactly("aaaaaaaaaaaaaaaaaaaaaaa2");
    }

    @Test
    void answers400_whenLangIsNotALanguageTag() throws Exception {
        assertProblem(handler.handleRequest(list(Map.of("lang", "English")), null), 400, "invalid-request",
                "Invalid request", "lang: 'English' is not a language tag such as en or pt-BR");
    }

    @Test
    void answers400_whenLimitIsOutOfRange() throws Exception {
        assertProblem(handler.handleRequest(list(Map.of("limit", "0")), null), 400, "invalid-request",
                "Invalid request", "limit: '0' must be a whole number from 1 to 100");
    }

    @Test
    void answers400_whenSinceIsNotADateTime() throws Exception {
        assertProblem(handler.handleRequest(list(Map.of("since", "yesterday")), null), 400, "invalid-request",
                "Invalid request", "since: 'yesterday' is not an RFC 3339 date-time such as 2025-02-12T00:00:00Z"
                        + " or a date such as 2025-02-12");
    }

    @Test
    void answers400_whenSinceIsADateThatDoesNotExist() throws Exception {
        assertProblem(handler.handleRequest(list(Map.of("since", "2025-02-30")), null), 400, "invalid-request",
                "Invalid request", "since: '2025-02-30' is not an RFC 3339 date-time such as 2025-02-12T00:00:00Z"
                        + " or a date such as 2025-02-12");
    }

    @Test
    void answers400_whenTheCursorIsForged() throws Exception {
        assertProblem(handler.handleRequest(list(Map.of("cursor", "bm90LWEtY3Vyc29y")), null), 400,
                "invalid-request", "Invalid request",
                "cursor: invalid cursor: use the nextCursor of a previous page");
    }

    @Test
    void answers400_whenAQueryParameterIsUnknown() throws Exception {
        assertProblem(handler.handleRequest(list(Map.of("language", "en")), null), 400, "invalid-request",
                "Invalid request", "unknown query parameter 'language' (known: cursor, lang, limit, since, tag)");
    }

    @Test
    void answers405_whenTheMethodIsNotServed() throws Exception {
        APIGatewayV2HTTPEvent event = event("ingest-api-get-article.json");
        event.getRequestContext().getHttp().setMethod("DELETE");

        assertProblem(handler.handleRequest(event, null), 405, "method-not-allowed", "Method not allowed",
                "DELETE is not allowed on /articles/" + SAMPLE_ID + "; use GET");
    }

    @Test
    void primesWithoutWritingAnything_beforeTheSnapStartCheckpoint() {
        handler.beforeCheckpoint(null);

        assertThat(store.keys()).isEmpty();
        assertThat(index.records()).isEmpty();
        assertThat(bus.published()).isEmpty();
        assertThat(queue.requests()).isEmpty();
        assertThat(telemetry.events()).doesNotContain("priming.incomplete");
    }
}
