package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.contract.ArticleIndexContract;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoArticleIndex} against dynalite, a new table per test; plus the key design of docs/dynamodb.md. */
class DynamoArticleIndexTest extends ArticleIndexContract {

    private static Dynalite dynalite;
    private String table;

    @BeforeAll
    static void startDynalite() {
        dynalite = Dynalite.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
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
        assertThat(item.get("gsi1pk").s()).isEqualTo("LANG#en");
        assertThat(item.get("gsi1sk").s()).isEqualTo("2025-02-12T07:10:00.000000000Z#" + id(1));
        assertThat(item.get("gsi2pk").s()).isEqualTo("ALL");
        assertThat(item.get("gsi2sk").s()).isEqualTo("2025-02-12T07:10:00.000000000Z#" + id(1));
        assertThat(item.get("translations").m()).isEmpty();
    }

    @Test
    void writesCanonicalLanguagePartitionAndLowerCaseTagKeys_whenArticleIsCommitted() {
        index.commit(withTags(article(1, 1, "en_gb", "2025-02-12T15:10:00Z"), "AI", "Apple", "ai"), 0);

        Map<String, AttributeValue> item = articleItem(1);
        assertThat(item.get("gsi1pk").s()).isEqualTo("LANG#en-GB");
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

    private Map<String, AttributeValue> articleItem(int n) {
        return dynalite.client().getItem(b -> b.tableName(table).key(articleKey(n))).item();
    }

    private static Map<String, AttributeValue> articleKey(int n) {
        return Map.of("pk", AttributeValue.fromS("ARTICLE#" + id(n)), "sk", AttributeValue.fromS("ARTICLE"));
    }
}
