package newsroom.aws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.adobe.testing.s3mock.S3MockApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import newsroom.aws.FakeAwsEndpoint.Request;
import newsroom.aws.FakeAwsEndpoint.Response;
import newsroom.core.config.SiteConfig;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.ingest.IngestService;
import newsroom.core.link.ArticleLinker;
import newsroom.core.link.ThumbnailLinks;
import newsroom.core.model.ArticleId;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.ObjectStore;
import newsroom.core.testing.DelegatingIndex;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * The store/emit protocol of {@link IngestService} on the AWS adapters (S3Mock, dynalite, and a loopback
 * EventBridge endpoint that records every accepted entry), crashed at each step and then redelivered. Whatever the
 * crash point, after redelivery: exactly one S3 object version per distinct content, the index at the version of
 * the last content and not pending, at least one accepted event per version, and nothing more on a further
 * redelivery. The same holds when a duplicate delivery overtakes another and commits first. See {@code docs/store-emit-protocol.md}.
 */
class StoreEmitProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = "https://harbour.example/news/solar-ferries";
    private static final ArticleId ID = ArticleId.ofUrl(URL);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static S3MockApplication s3mock;
    private static Path s3root;
    private static S3Client s3;
    private static Dynalite dynalite;
    private static FakeAwsEndpoint bus;
    private static EventBridgeClient eventBridge;

    /** Events the bus accepted (entries it answered without an error code), as parsed details. */
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    /** PutEvents calls still to be answered with a failed entry (InternalFailure, HTTP 200). */
    private final AtomicInteger failingPutEvents = new AtomicInteger();

    private String bucket;
    private CrashingStore store;
    private CrashingIndex index;
    private IngestService service;

    /** Where the first delivery dies. */
    enum CrashPoint {
        AFTER_OBJECT_PUT, AFTER_INDEX_COMMIT, DURING_PUT_EVENTS, AFTER_PUT_EVENTS_BEFORE_CLEAR_PENDING
    }

    @BeforeAll
    static void startEndpoints() throws IOException {
        s3root = Files.createTempDirectory("s3mock");
        Map<String, Object> properties = new HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_ROOT_DIRECTORY, s3root.toString(),
                S3MockApplication.PROP_SILENT, true));
        s3mock = S3MockApplication.start(properties);
        dynalite = Dynalite.start();
        bus = new FakeAwsEndpoint();
        AwsClients clients = TestAws.clients(Map.of(
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3mock.getHttpPort(),
                "AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint()));
        s3 = clients.s3();
        eventBridge = clients.eventBridge();
    }

    @AfterAll
    static void stopEndpoints() {
        s3.close();
        eventBridge.close();
        bus.close();
        dynalite.close();
        s3mock.stop();
        TestAws.deleteRecursively(s3root);
    }

    @BeforeEach
    void wireService() {
        bucket = "protocol-" + NAMES.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        store = new CrashingStore(new S3ObjectStore(s3, bucket));
        index = new CrashingIndex(new DynamoArticleIndex(dynalite.client(), dynalite.newTable()));
        bus.respondWith(this::answerPutEvents);
        RetryPolicy twoAttempts = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, pause -> { });
        service = new IngestService(SiteConfig.defaults(), store, index,
                new EventBridgePublisher(eventBridge, "newsroom", twoAttempts), null, Telemetry.silent(),
                Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void storesOneVersionAndEmitsIt_whenNewArticleIsRedeliveredAfterACrash(CrashPoint crash) {
        RawArticle article = article("The harbour authority has signed a contract for six solar-electric ferries.");

        assertThatThrownBy(() -> deliverCrashingAt(crash, article)).isInstanceOf(RuntimeException.class);
        IngestOutcome redelivered = deliver(article);

        assertThat(redelivered.status()).isEqualTo(IngestOutcome.Status.STORED);
        assertConverged(List.of(article), 1);
        assertThat(deliver(article).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertConverged(List.of(article), 1);
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void storesOneNewVersionAndEmitsIt_whenUpdateIsRedeliveredAfterACrash(CrashPoint crash) {
        RawArticle first = article("The harbour authority has signed a contract for six solar-electric ferries.");
        RawArticle second = article("The harbour authority has signed a contract for eight solar-electric ferries.");
        assertThat(deliver(first).status()).isEqualTo(IngestOutcome.Status.STORED);

        assertThatThrownBy(() -> deliverCrashingAt(crash, second)).isInstanceOf(RuntimeException.class);
        IngestOutcome redelivered = deliver(second);

        assertThat(redelivered.status()).isEqualTo(IngestOutcome.Status.UPDATED);
        assertConverged(List.of(first, second), 2);
        assertThat(deliver(second).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertConverged(List.of(first, second), 2);
    }

    @Test
    void storesOneVersion_whenADuplicateDeliveryCommitsFirst() {
        RawArticle article = article("The harbour authority has signed a contract for six solar-electric ferries.");
        index.beforeNextCommit = () -> assertThat(deliver(article).status()).isEqualTo(IngestOutcome.Status.STORED);

        assertThatThrownBy(() -> deliver(article)).isInstanceOf(ArticleIndex.ConcurrentUpdateException.class);
        IngestOutcome redelivered = deliver(article);

        assertThat(redelivered.status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertConverged(List.of(article), 1);
    }

    @Test
    void storesOneNewVersion_whenADuplicateDeliveryOfTheUpdateCommitsFirst() {
        RawArticle first = article("The harbour authority has signed a contract for six solar-electric ferries.");
        RawArticle second = article("The harbour authority has signed a contract for eight solar-electric ferries.");
        deliver(first);
        index.beforeNextCommit = () -> assertThat(deliver(second).status()).isEqualTo(IngestOutcome.Status.UPDATED);

        assertThatThrownBy(() -> deliver(second)).isInstanceOf(ArticleIndex.ConcurrentUpdateException.class);
        IngestOutcome redelivered = deliver(second);

        assertThat(redelivered.status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertConverged(List.of(first, second), 2);
    }

    // ---- the linking step of the thumbnail function (docs/downstream.md, "Linking the variants") ----

    private static final String IMAGE = "https://cdn.harbour.example/ferry.webp";
    private static final List<String> VARIANTS = List.of("static/thumbnails/" + ID.value() + "/0123456789ab-320.jpg",
            "static/thumbnails/" + ID.value() + "/0123456789ab-640.jpg");

    /** Where the thumbnail function dies inside its linking step. */
    enum LinkCrashPoint { AFTER_RELINK_COMMIT, AFTER_CONDITIONAL_PUT }

    @ParameterizedTest
    @EnumSource(LinkCrashPoint.class)
    void linksTheArticleOnce_whenTheLinkingStepIsRedeliveredAfterACrash(LinkCrashPoint crash) {
        RawArticle article = withImage(article("The harbour authority has signed a contract for six ferries."));
        assertThat(deliver(article).status()).isEqualTo(IngestOutcome.Status.STORED);
        index.recordThumbnails(ID, IMAGE, VARIANTS);
        ArticleLinker linker = new ArticleLinker(store, index, new ThumbnailLinks(640));
        switch (crash) {
            case AFTER_RELINK_COMMIT -> index.crashAfterNextRelink = true;
            case AFTER_CONDITIONAL_PUT -> store.crashAfterNextPutIfMatch = true;
        }

        assertThatThrownBy(() -> linker.linkArticle(ID)).isInstanceOf(SimulatedCrash.class);
        linker.linkArticle(ID);

        ArticleRecord record = index.find(ID).orElseThrow();
        byte[] stored = store.get(record.objectKey()).orElseThrow();
        assertThat(record.version()).as("linking makes no version").isEqualTo(1);
        assertThat(ArticleId.sha256Hex(stored)).as("the stored file is the one the index names")
                .isEqualTo(record.contentHash());
        assertThat(new String(stored, UTF_8)).contains("thumbnail: \"/thumbnails/" + ID.value() + "/0123456789ab-640.jpg\"")
                .contains("originalImage: \"" + IMAGE + "\"");
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix(record.objectKey())).versions())
                .as("the stored article and its linked rewrite").hasSize(2);
        assertThat(accepted).as("linking emits nothing").hasSize(1);

        assertThat(linker.linkArticle(ID).files()).extracting(ArticleLinker.FileOutcome::status)
                .containsExactly(ArticleLinker.FileStatus.UNCHANGED);
        assertThat(deliver(article).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix(record.objectKey())).versions()).hasSize(2);
    }

    @Test
    void keepsTheUpdate_whenAContentUpdateIsStoredWhileTheArticleIsBeingLinked() {
        RawArticle first = withImage(article("The harbour authority has signed a contract for six ferries."));
        RawArticle second = withImage(article("The harbour authority has signed a contract for eight ferries."));
        deliver(first);
        index.recordThumbnails(ID, IMAGE, VARIANTS);
        // S3 If-Match refuses the linker's stale rewrite once the update's put changed the object's ETag
        store.beforeNextPutIfMatch = () -> assertThat(deliver(second).status()).isEqualTo(IngestOutcome.Status.UPDATED);

        ArticleLinker.Result result = new ArticleLinker(store, index, new ThumbnailLinks(640)).linkArticle(ID);

        assertThat(result.files()).extracting(ArticleLinker.FileOutcome::status)
                .containsExactly(ArticleLinker.FileStatus.CHANGED_MEANWHILE);
        ArticleRecord record = index.find(ID).orElseThrow();
        String stored = new String(store.get(record.objectKey()).orElseThrow(), UTF_8);
        assertThat(record.version()).isEqualTo(2);
        assertThat(stored).contains("eight ferries").contains("originalImage: \"" + IMAGE + "\"");
        assertThat(ArticleId.sha256Hex(stored.getBytes(UTF_8))).isEqualTo(record.contentHash());
    }

    private static RawArticle withImage(RawArticle article) {
        Map<String, Object> fields = new HashMap<>(article.fields());
        fields.put("image", IMAGE);
        return new RawArticle(fields, article.body());
    }

    // ---- the invariants ----

    private void assertConverged(List<RawArticle> contents, long expectedVersion) {
        ArticleRecord record = index.find(ID).orElseThrow(() -> new AssertionError("article lost: not in index"));
        assertThat(record.version()).as("index version").isEqualTo(expectedVersion);
        assertThat(record.pendingEvent()).as("pending mark").isNull();

        byte[] stored = store.get(record.objectKey()).orElseThrow(() -> new AssertionError("article lost: no object"));
        assertThat(ArticleId.sha256Hex(stored)).as("stored bytes are the committed version").isEqualTo(record.contentHash());

        List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket(bucket).prefix(record.objectKey())).versions();
        assertThat(versions).as("one S3 object version per distinct content").hasSize(contents.size());

        for (long v = 1; v <= expectedVersion; v++) {
            long version = v;
            assertThat(accepted).as("events accepted for version " + v)
                    .anySatisfy(detail -> {
                        assertThat(detail.get("articleId").asText()).isEqualTo(ID.value());
                        assertThat(detail.get("version").asLong()).isEqualTo(version);
                    });
        }
        assertThat(accepted).as("no event for a version that was never committed")
                .allSatisfy(detail -> assertThat(detail.get("version").asLong()).isBetween(1L, expectedVersion));
    }

    // ---- deliveries ----

    private IngestOutcome deliver(RawArticle article) {
        return service.ingest(article, SourceContext.ofUrl("harbour", URL));
    }

    private void deliverCrashingAt(CrashPoint crash, RawArticle article) {
        switch (crash) {
            case AFTER_OBJECT_PUT -> store.crashAfterNextPut = true;
            case AFTER_INDEX_COMMIT -> index.crashAfterNextCommit = true;
            case DURING_PUT_EVENTS -> failingPutEvents.set(2); // both attempts of the publisher fail
            case AFTER_PUT_EVENTS_BEFORE_CLEAR_PENDING -> index.crashBeforeNextClearPending = true;
        }
        deliver(article);
    }

    private static RawArticle article(String lead) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "Harbour Authority Orders Solar-Electric Ferries");
        fields.put("date", "2025-03-04T09:30:00Z");
        fields.put("lang", "en");
        fields.put("slug", "solar-ferries");
        fields.put("tags", List.of("ferries", "energy"));
        fields.put("url", URL);
        String body = lead + "\n\nEach vessel carries 150 passengers and charges in twelve minutes at the new "
                + "terminal docks. The authority expects fuel costs on the routes to fall by about a third.\n";
        return new RawArticle(fields, body);
    }

    // ---- the bus: accepts entries, or fails them all with HTTP 200 while failingPutEvents > 0 ----

    private Response answerPutEvents(Request request) {
        boolean fail = failingPutEvents.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        JsonNode entries = readTree(new String(request.body(), UTF_8)).get("Entries");
        ArrayNode results = JSON.createArrayNode();
        List<JsonNode> details = new ArrayList<>();
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            if (fail) {
                result.put("ErrorCode", "InternalFailure").put("ErrorMessage", "simulated");
            } else {
                result.put("EventId", "e-" + request.number());
                details.add(readTree(entry.get("Detail").asText()));
            }
        }
        accepted.addAll(details);
        ObjectNode body = JSON.createObjectNode().put("FailedEntryCount", fail ? entries.size() : 0);
        body.set("Entries", results);
        return Response.json(200, "application/x-amz-json-1.1", body.toString());
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- crash injection: the real adapter does its work, then the "process" dies ----

    /** Thrown where the function would have died. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private static final class CrashingStore implements ObjectStore {
        private final ObjectStore delegate;
        boolean crashAfterNextPut;
        boolean crashAfterNextPutIfMatch;
        /** Runs (once) just before the next conditional put: a content update racing with the linking. */
        Runnable beforeNextPutIfMatch;

        CrashingStore(ObjectStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void put(String key, byte[] content, String contentType) {
            delegate.put(key, content, contentType);
            if (crashAfterNextPut) {
                crashAfterNextPut = false;
                throw new SimulatedCrash("after the S3 put");
            }
        }

        @Override
        public Optional<byte[]> get(String key) {
            return delegate.get(key);
        }

        @Override
        public Optional<Tagged> getTagged(String key) {
            return delegate.getTagged(key);
        }

        @Override
        public boolean putIfMatch(String key, byte[] content, String contentType, String tag) {
            if (beforeNextPutIfMatch != null) {
                Runnable overtaking = beforeNextPutIfMatch;
                beforeNextPutIfMatch = null;
                overtaking.run();
            }
            boolean written = delegate.putIfMatch(key, content, contentType, tag);
            if (crashAfterNextPutIfMatch) {
                crashAfterNextPutIfMatch = false;
                throw new SimulatedCrash("after the conditional S3 put of the linked file");
            }
            return written;
        }

        @Override
        public String locationOf(String key) {
            return delegate.locationOf(key);
        }
    }

    private static final class CrashingIndex extends DelegatingIndex {
        boolean crashAfterNextRelink;
        boolean crashAfterNextCommit;
        boolean crashBeforeNextClearPending;
        /** Runs (once) just before the next commit: another delivery overtaking this one. */
        Runnable beforeNextCommit;

        CrashingIndex(ArticleIndex delegate) {
            super(delegate);
        }

        @Override
        public void commit(ArticleRecord record, long expectedVersion) {
            if (beforeNextCommit != null) {
                Runnable overtaking = beforeNextCommit;
                beforeNextCommit = null;
                overtaking.run();
            }
            super.commit(record, expectedVersion);
            if (crashAfterNextCommit) {
                crashAfterNextCommit = false;
                throw new SimulatedCrash("after the index commit");
            }
        }

        @Override
        public void relink(ArticleId id, long version, String expectedHash, String linkedHash) {
            super.relink(id, version, expectedHash, linkedHash);
            if (crashAfterNextRelink) {
                crashAfterNextRelink = false;
                throw new SimulatedCrash("after the relink commit");
            }
        }

        @Override
        public void clearPending(ArticleId id, long version) {
            if (crashBeforeNextClearPending) {
                crashBeforeNextClearPending = false;
                throw new SimulatedCrash("after PutEvents, before clearing the pending mark");
            }
            super.clearPending(id, version);
        }
    }
}
