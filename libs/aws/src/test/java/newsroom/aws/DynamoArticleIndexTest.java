package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleIndex.Page;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.contract.ArticleIndexContract;

/** {@link DynamoArticleIndex} against dynalite, a new table per test; plus the key design of docs/dynamodb.md. */
@ExtendWith(SharedServers.class)
class DynamoArticleIndexTest extends ArticleIndexContract {

    private final Dynalite dynalite;
    private String table;

    DynamoArticleIndexTest(Dynalite dynalite) {
        this.dynalite = dynalite;
    }

    @Override
    protected ArticleIndex newIndex() {
        table = dynalite.newTable();
        return new DynamoArticleIndex(dynalite.client(), table);
    }

    @Test
    void writesDocumentedKeys_whenArticleIsCommitted() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00+08:00"), 0);

        Map<String, AttributeValue> item = dynalite.client().getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("ARTICLE#" + id(1)), "sk", AttributeValue.fromS("ARTICLE"))))
                .item();
        String shard = "#S" + Integer.parseInt(id(1).value().substring(20), 16) % 8;
        assertThat(item.get("gsi1pk").s()).isEqualTo("LANG#en" + shard);
        assertThat(item.get("gsi1sk").s()).isEqualTo("2025-02-12T07:10:00.000000000Z#" + id(1));
        assertThat(item.get("gsi2pk").s()).isEqualTo("ALL" + shard);
        assertThat(item.get("gsi2sk").s()).isEqualTo("2025-02-12T07:10:00.000000000Z#" + id(1));
        assertThat(item.get("translations").m()).isEmpty();
    }

    @Test
    void writesCanonicalLanguagePartitionAndLowerCaseTagKeys_whenArticleIsCommitted() {
        index.commit(withTags(article(1, 1, "en_gb", "2025-02-12T15:10:00Z"), "AI", "Apple", "ai"), 0);

        Map<String, AttributeValue> item = articleItem(1);
        assertThat(item.get("gsi1pk").s()).startsWith("LANG#en-GB#S");
        assertThat(item.get("lang").s()).isEqualTo("en_gb");
        assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsExactly("AI", "Apple", "ai");
        assertThat(item.get("tagKeys").l()).extracting(AttributeValue::s).containsExactly("ai", "apple");
    }

    @Test
    void findsByExactTag_whenItemWasCommittedBeforeTagKeysExisted() {
        index.commit(withTags(article(1, 1, "en", "2025-02-12T15:10:00Z"), "AI"), 0);
        dynalite.client().updateItem(b -> b.tableName(table).key(articleKey(1)).updateExpression("REMOVE tagKeys"));

        assertThat(index.list(new ListQuery(null, "AI", null, 10, null)).items())
                .extracting(ArticleRecord::id).containsExactly(id(1));
        assertThat(index.list(new ListQuery(null, "ai", null, 10, null)).items()).isEmpty();
    }

    @Test
    void spreadsWritesOverEveryShard_whenManyArticlesOfOneLanguageArriveInTheSameMinute() {
        for (int i = 0; i < 80; i++) {
            index.commit(article(i, 1, "en", "2025-02-12T15:10:00Z"), 0);
        }

        Map<String, Long> byDate = new TreeMap<>();
        Map<String, Long> byLanguage = new TreeMap<>();
        for (Map<String, AttributeValue> item : dynalite.client().scan(b -> b.tableName(table)).items()) {
            byDate.merge(item.get("gsi2pk").s(), 1L, Long::sum);
            byLanguage.merge(item.get("gsi1pk").s(), 1L, Long::sum);
        }
        assertThat(byDate.keySet()).containsExactly("ALL#S0", "ALL#S1", "ALL#S2", "ALL#S3", "ALL#S4", "ALL#S5",
                "ALL#S6", "ALL#S7");
        assertThat(byLanguage.keySet()).hasSize(8).allMatch(pk -> pk.matches("LANG#en#S[0-7]"));
        // 10 expected per shard; an even hash keeps every shard well below a third of the writes
        assertThat(byDate.values()).allMatch(n -> n >= 3 && n <= 24);
        assertThat(byLanguage.values()).allMatch(n -> n >= 3 && n <= 24);
    }

    @Test
    void listsArticlesWrittenBeforeSharding_onceAndInOrder_untilTheyAreCommittedAgain() {
        for (int i = 0; i < 9; i++) {
            index.commit(article(i, 1, i % 3 == 0 ? "fr" : "en", "2025-02-1" + i + "T10:00:00Z"), 0);
        }
        for (int i = 0; i < 9; i += 2) { // as an earlier version wrote them: one unsharded partition per listing
            int n = i;
            String lang = n % 3 == 0 ? "fr" : "en";
            dynalite.client().updateItem(b -> b.tableName(table).key(articleKey(n))
                    .updateExpression("SET gsi2pk = :all, gsi1pk = :lang")
                    .expressionAttributeValues(Map.of(":all", AttributeValue.fromS("ALL"),
                            ":lang", AttributeValue.fromS("LANG#" + lang))));
        }

        assertThat(allIds(new ListQuery(null, null, null, 2, null)))
                .containsExactly(id(8), id(7), id(6), id(5), id(4), id(3), id(2), id(1), id(0));
        assertThat(allIds(new ListQuery("en", null, null, 2, null)))
                .containsExactly(id(8), id(7), id(5), id(4), id(2), id(1));
        assertThat(allIds(new ListQuery(null, null, "2025-02-13", 2, null)))
                .containsExactly(id(8), id(7), id(6), id(5), id(4), id(3));

        index.commit(article(4, 2, "en", "2025-02-14T10:00:00Z"), 1);

        assertThat(articleItem(4).get("gsi2pk").s()).startsWith("ALL#S");
        assertThat(allIds(new ListQuery(null, null, null, 4, null)))
                .containsExactly(id(8), id(7), id(6), id(5), id(4), id(3), id(2), id(1), id(0));
    }

    @Test
    void returnsShorterPagesWithACursor_whenARareTagLiesBeyondOnePagesQueries() {
        // 8 shards + the unsharded partition, 4 queries of 32 entries each per page: about 1,150 entries a page
        int count = 1_300;
        for (int i = 0; i < count; i++) {
            ArticleRecord r = article(i, 1, "en", Instant.parse("2025-01-01T00:00:00Z")
                    .plusSeconds(3_600L * (count - i)).toString());
            index.commit(i == count - 1 ? withTags(r, "rare") : r, 0);
        }

        Page first = index.list(new ListQuery(null, "rare", null, 10, null));
        assertThat(first.items()).isEmpty();
        assertThat(first.nextCursor()).isNotNull();
        Page second = index.list(new ListQuery(null, "rare", null, 10, first.nextCursor()));

        assertThat(second.items()).extracting(ArticleRecord::id).containsExactly(id(count - 1));
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void readsEveryPartitionOnceOrTwice_whenAnUnfilteredPageIsListed() {
        for (int i = 0; i < 100; i++) {
            index.commit(article(i, 1, "en", Instant.parse("2025-01-01T00:00:00Z")
                    .plusSeconds(60L * i).toString()), 0);
        }
        Map<String, Integer> queriesByPartition = new TreeMap<>();
        ExecutionInterceptor countQueries = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof QueryRequest query) {
                    queriesByPartition.merge(query.expressionAttributeValues().get(":pk").s(), 1, Integer::sum);
                }
            }
        };
        try (DynamoDbClient counted = dynalite.clientWith(countQueries)) {
            ArticleIndex countedIndex = new DynamoArticleIndex(counted, table);

            Page first = countedIndex.list(new ListQuery(null, null, null, 20, null));
            Page second = countedIndex.list(new ListQuery(null, null, null, 20, first.nextCursor()));

            assertThat(first.items()).extracting(ArticleRecord::id)
                    .containsExactlyElementsOf(IntStream.iterate(99, i -> i - 1).limit(20)
                            .mapToObj(ArticleIndexContract::id).toList());
            assertThat(second.items()).extracting(ArticleRecord::id)
                    .containsExactlyElementsOf(IntStream.iterate(79, i -> i - 1).limit(20)
                            .mapToObj(ArticleIndexContract::id).toList());
        }
        // 8 shards + the unsharded partition, each read at least once and at most twice per page (docs/dynamodb.md)
        assertThat(queriesByPartition.keySet()).hasSize(9).contains("ALL");
        assertThat(queriesByPartition.values()).allMatch(n -> n >= 2 && n <= 4);
        assertThat(queriesByPartition.values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(36);
    }

    @Test
    void rejectsCursor_whenItWasIssuedBeforeTheListingsWereSharded() {
        String earlier = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"pk\":\"ARTICLE#" + id(1)
                + "\",\"sk\":\"ARTICLE\",\"gsi2pk\":\"ALL\",\"gsi2sk\":\"2025-02-12T07:10:00.000000000Z#" + id(1)
                + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> index.list(new ListQuery(null, null, null, 1, earlier)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid cursor: not a cursor returned by this listing; start again without a cursor");
    }

    @Test
    void writesDocumentedClaimItem_whenNameIsClaimed() {
        index.claim("content/en/a.md", id(1));

        Map<String, AttributeValue> item = dynalite.client().getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("CLAIM#content/en/a.md"), "sk", AttributeValue.fromS("CLAIM"))))
                .item();
        assertThat(item.get("owner").s()).isEqualTo(id(1).value());
    }

    @Test
    void rejectsCursor_whenItComesFromAnotherLanguage() {
        for (int i = 0; i < 3; i++) {
            index.commit(article(i, 1, "en", "2025-02-1" + i + "T10:00:00Z"), 0);
        }
        String englishCursor = index.list(new ListQuery("en", null, null, 1, null)).nextCursor();

        assertThatThrownBy(() -> index.list(new ListQuery("fr", null, null, 1, englishCursor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid cursor");
    }

    @Test
    void rejectsCursor_whenItsJsonLacksKeys() {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"pk\":\"ARTICLE#x\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> index.list(new ListQuery(null, null, null, 1, forged)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid cursor: not a cursor returned by this listing; start again without a cursor");
    }

    @Test
    void rejectsCursor_whenItPointsBeforeSince() {
        for (int i = 0; i < 3; i++) {
            index.commit(article(i, 1, "en", "2025-02-1" + i + "T10:00:00Z"), 0);
        }
        String cursor = index.list(new ListQuery(null, null, null, 2, null)).nextCursor();

        assertThatThrownBy(() -> index.list(new ListQuery(null, null, "2025-02-12T00:00:00Z", 2, cursor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before 'since'");
    }

    @Test
    void rejectsCommit_whenDateIsOutsideTheYearsTheSortKeyHolds() {
        // the record's date is typed, so only its range can be wrong: the GSI sort key is a 4-digit year
        assertThatThrownBy(() -> index.commit(article(1, 1, "en", "+10000-01-01T00:00:00Z"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("+10000-01-01T00:00:00Z");
    }

    @Test
    void failsClearly_whenTranslationIsRecordedForMissingArticle() {
        assertThatThrownBy(() -> index.recordTranslation(id(9), "fr", 1, "content/fr/a.md"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no article " + id(9));
    }

    private List<ArticleId> allIds(ListQuery first) {
        List<ArticleId> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page page = index.list(new ListQuery(first.lang(), first.tag(), first.since(), first.limit(), cursor));
            page.items().forEach(r -> ids.add(r.id()));
            cursor = page.nextCursor();
        } while (cursor != null && ids.size() < 1_000);
        return ids;
    }

    private Map<String, AttributeValue> articleItem(int n) {
        return dynalite.client().getItem(b -> b.tableName(table).key(articleKey(n))).item();
    }

    private static Map<String, AttributeValue> articleKey(int n) {
        return Map.of("pk", AttributeValue.fromS("ARTICLE#" + id(n)), "sk", AttributeValue.fromS("ARTICLE"));
    }
}
