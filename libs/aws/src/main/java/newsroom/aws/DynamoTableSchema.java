package newsroom.aws;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single table's key design, shared by {@link DynamoArticleIndex} and {@link DynamoSourceStateStore}; see
 * {@code docs/dynamodb.md}. {@code template.yaml} declares exactly this schema; {@link #createTableRequest} builds
 * it for local endpoints (dynalite in tests, a local run).
 */
public final class DynamoTableSchema {

    public static final String PK = "pk";
    public static final String SK = "sk";
    /** Listing by language: {@code LANG#<lang>#S<shard>} / {@code <utc date>#<id>}. */
    public static final String BY_LANGUAGE_INDEX = "ByLanguage";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    /** Listing all languages: {@code ALL#S<shard>} / {@code <utc date>#<id>}. */
    public static final String BY_DATE_INDEX = "ByDate";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";

    private DynamoTableSchema() {
    }

    /** On-demand table with the primary key and both listing indexes, projecting every attribute. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PK), string(SK), string(GSI1_PK), string(GSI1_SK), string(GSI2_PK),
                        string(GSI2_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(index(BY_LANGUAGE_INDEX, GSI1_PK, GSI1_SK),
                        index(BY_DATE_INDEX, GSI2_PK, GSI2_SK))
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /**
     * The only non-key attributes the indexes carry: what the tag filter of a listing reads. A listing reads the
     * page's whole records from the table ({@code BatchGetItem}), so an article write costs the indexes a few bytes,
     * not two more copies of the record.
     */
    public static final List<String> PROJECTED = List.of("tagKeys", "tags");

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(PROJECTED))
                .build();
    }
}
