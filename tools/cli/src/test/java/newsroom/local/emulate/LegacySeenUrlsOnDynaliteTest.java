package newsroom.local.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.DynamoSourceStateStore;
import newsroom.aws.DynamoTableSchema;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.ScriptedFetcher;
import newsroom.discovery.Source;
import newsroom.discovery.SourcePoller;

/**
 * A table saved by an earlier version, on dynalite with the template's table, polled by this version's
 * {@link SourcePoller} and {@link DynamoSourceStateStore}: the state item's {@code seenUrls} list is honoured, moved
 * into seen marks by the first poll, and those marks age out a TTL after the earlier version's last poll.
 */
class LegacySeenUrlsOnDynaliteTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instant EARLIER_POLL = NOW.minus(Duration.ofDays(1));
    private static final Duration TTL = Duration.ofDays(30);
    private static final String FEED = "https://blog.example/feed.xml";

    @TempDir
    Path logs;

    @Test
    void honoursTheSeenUrlsOfAnEarlierVersion_untilTheyAgeOut_whilePollingOnDynalite() throws Exception {
        try (LocalStack stack = LocalStack.start(RepoFiles.root().resolve("template.yaml"), "legacy", 0, 0, logs)) {
            AwsClients clients = AwsClients.withCredentials(AwsConfig.fromEnvironment(stack.environment()),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalStack.ACCESS_KEY,
                            LocalStack.ACCESS_KEY)));
            DynamoDbClient dynamo = clients.dynamoDb();
            String table = clients.config().tableName();
            Map<String, AttributeValue> stateKey = Map.of(DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#blog"),
                    DynamoTableSchema.SK, AttributeValue.fromS("SOURCE"));
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#blog"),
                    DynamoTableSchema.SK, AttributeValue.fromS("SOURCE"),
                    "sourceName", AttributeValue.fromS("blog"),
                    "validators", AttributeValue.fromM(Map.of()),
                    "seenUrls", AttributeValue.fromL(List.of(AttributeValue.fromS("https://blog.example/b"),
                            AttributeValue.fromS("https://blog.example/a"))),
                    "lastPolled", AttributeValue.fromS(EARLIER_POLL.toString()),
                    "consecutiveFailures", AttributeValue.fromN("0"))));
            DynamoSourceStateStore store = new DynamoSourceStateStore(dynamo, table);
            ScriptedFetcher origin = new ScriptedFetcher().respond(FEED, "application/rss+xml", rss(
                    "https://blog.example/c", "https://blog.example/b", "https://blog.example/a"));
            Source blog = new Source("blog", Source.Type.FEED, URI.create(FEED), ZoneOffset.UTC, "en", List.of(),
                    List.of(), 10, true);

            assertThat(poll(origin, store, blog, NOW)).containsExactly("https://blog.example/c");
            assertThat(dynamo.getItem(b -> b.tableName(table).key(stateKey)).item()).doesNotContainKey("seenUrls");
            assertThat(poll(origin, store, blog, NOW.plus(Duration.ofHours(1)))).isEmpty();
            assertThat(poll(origin, store, blog, EARLIER_POLL.plus(TTL).plusSeconds(1)))
                    .containsExactlyInAnyOrder("https://blog.example/b", "https://blog.example/a");
        }
    }

    /** One poll as the poll worker does it: poll, then (the queue having taken the URLs) mark and save. */
    private static List<String> poll(ScriptedFetcher origin, DynamoSourceStateStore store, Source source,
                                     Instant at) throws Exception {
        SourcePoller poller = new SourcePoller(origin, store, Clock.fixed(at, ZoneOffset.UTC), TTL, TTL);
        SourcePoller.PollResult result = poller.poll(source);
        store.markSeen(source.name(), result.seenUntil());
        store.save(result.newState().succeeded(at.plus(Duration.ofMinutes(15))));
        return result.requests().stream().map(FetchRequest::url).toList();
    }

    private static byte[] rss(String... links) {
        StringBuilder items = new StringBuilder();
        for (String link : links) {
            items.append("<item><title>t</title><link>").append(link).append("</link></item>");
        }
        return ("<rss version=\"2.0\"><channel><title>Blog</title>" + items + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
