package newsroom.aws;

import static newsroom.aws.DynamoTableSchema.GSI1_PK;
import static newsroom.aws.DynamoTableSchema.GSI1_SK;
import static newsroom.aws.DynamoTableSchema.GSI2_PK;
import static newsroom.aws.DynamoTableSchema.GSI2_SK;
import static newsroom.aws.DynamoTableSchema.PK;
import static newsroom.aws.DynamoTableSchema.SK;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import newsroom.core.event.DetailType;
import newsroom.core.model.ArticleId;
import newsroom.core.model.Rfc3339;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleRecord;

/**
 * {@link ArticleIndex} on the single DynamoDB table described in {@code docs/dynamodb.md}: article items
 * ({@code ARTICLE#<id>}), claim items ({@code CLAIM#<name>}) and two listing indexes (by language, and by date for
 * all languages), each spread over {@link #LISTING_SHARDS} write shards so that no partition key takes every
 * article. Every write is one conditional request; no transactions are used.
 *
 * <p>{@link #list} follows {@link ListQuery}'s matching rules with keys written at commit: the {@code ByLanguage}
 * partitions are the article's canonical language tag (one per shard), and {@code tagKeys} holds its tags
 * lower-cased for the tag filter ({@code contains} is case-sensitive).
 *
 * <p>{@link #commit} is an UpdateItem that SETs every content attribute, so the {@code translations},
 * {@code translatedVersions} and {@code thumbnails} maps recorded earlier survive, and ADDs the record's source URLs
 * to the stored set (a URL once seen is never forgotten, even if {@link #addSourceUrl} ran between read and commit).
 */
public final class DynamoArticleIndex implements ArticleIndex {

    static final String ARTICLE_PREFIX = "ARTICLE#";
    static final String ARTICLE_SK = "ARTICLE";
    static final String CLAIM_PREFIX = "CLAIM#";
    static final String CLAIM_SK = "CLAIM";
    static final String LANG_PREFIX = "LANG#";
    static final String ALL_LANGUAGES = "ALL";
    /** The article's tags lower-cased ({@link ListQuery#tagKey}), for the case-insensitive tag filter. */
    static final String TAG_KEYS = "tagKeys";
    /** BatchGetItem takes at most 100 keys; unprocessed keys are asked again at most this many times. */

    /** Claim names are partition keys: DynamoDB allows 2048 bytes, we stay well below with the prefix. */
    private static final int MAX_CLAIM_NAME_LENGTH = 1024;
    /**
     * Write shards of each listing partition ({@code ALL#S0..7}, {@code LANG#en#S0..7}): an article's index entries
     * go to the shard of its id, so the writes of any moment spread over this many partition keys (each takes about
     * 1,000 writes/s), and a listing page merges this many queries. Only ever raise it: a listing reads shards
     * {@code 0..LISTING_SHARDS-1}, so entries written under a larger count would be missed. See docs/dynamodb.md.
     */
    static final int LISTING_SHARDS = 8;
    /**
     * Between a listing and its shard number. Upper case, so a sharded key never equals an unsharded key of an
     * earlier version ({@code LANG#<language key>}: a canonical tag has no '#', other values are lower-cased).
     */
    static final String SHARD_MARK = "#S";
    /** Index entries one query of a tag-filtered listing evaluates (the filter applies after the limit). */
    private static final int FILTERED_READ = 32;
    /** Queries per partition one tag-filtered page may spend looking for matches before returning a shorter page. */
    private static final int FILTERED_QUERIES_PER_PARTITION = 4;
    private static final DateTimeFormatter SORTABLE_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ListCursors cursors = new ListCursors();

    /** SnapStart priming reads this partition key, under which nothing is ever written. */
    static final String PRIMING_PK = "PRIMING#sentinel";

    public DynamoArticleIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** SnapStart priming: a {@code GetItem} of {@link #PRIMING_PK}, read-only; it finds nothing. */
    void primeGetItem() {
        dynamo.getItem(b -> b.tableName(table).key(Map.of(PK, s(PRIMING_PK), SK, s(ARTICLE_SK))));
    }

    @Override
    public Optional<ArticleRecord> find(ArticleId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(articleKey(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecord(item));
    }

    @Override
    public void commit(ArticleRecord record, long expectedVersion) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException(
                    "expectedVersion must be 0 (new article) or more, was " + expectedVersion);
        }
        ArticleRecord.Listing listing = record.listing();
        DynamoUpdate u = new DynamoUpdate();
        u.set("id", s(record.id().value()))
                .set("version", n(record.version()))
                .set("contentHash", s(record.file().contentHash()))
                .set("objectKey", s(record.file().objectKey()))
                .set("title", s(listing.title()))
                .set("slug", s(listing.slug()))
                .set("lang", s(listing.lang()))
                .set("date", s(Rfc3339.format(listing.date())))
                .set("tags", list(listing.tags()))
                .set(TAG_KEYS, list(listing.tags().stream().map(ListQuery::tagKey).distinct().toList()))
                .set("categories", list(listing.categories()))
                .set("thumbnail", s(listing.thumbnail()))
                .set("canonicalUrl", s(record.origin().canonicalUrl()))
                .set("fingerprint", s(record.origin().fingerprint()))
                .set("pendingEvent", s(record.pendingEvent() == null ? null : record.pendingEvent().wireName()))
                .set("updatedAt", s(Rfc3339.format(record.updatedAt())))
                .setIfAbsent("translations", stringMap(record.downstream().translations()))
                .setIfAbsent("translatedVersions", numberMap(record.downstream().translatedVersions()))
                .setIfAbsent("thumbnails", listMap(record.downstream().thumbnails()));
        if (!record.origin().sourceUrls().isEmpty()) {
            u.addToSet("sourceUrls", AttributeValue.fromSs(List.copyOf(record.origin().sourceUrls())));
        }
        String sortKey = sortKey(Rfc3339.format(listing.date()), record.id());
        u.set(GSI1_PK, listing.lang() == null ? null : s(shardOf(languagePartition(listing.lang()), record.id())))
                .set(GSI1_SK, listing.lang() == null ? null : s(sortKey))
                .set(GSI2_PK, s(shardOf(ALL_LANGUAGES, record.id())))
                .set(GSI2_SK, s(sortKey));
        String condition = expectedVersion == 0
                ? "attribute_not_exists(" + u.name(PK) + ")"
                : u.name("version") + " = " + u.value(n(expectedVersion));
        try {
            conditionalUpdate(record.id(), u, condition);
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("article " + record.id() + ": "
                    + (expectedVersion == 0 ? "already exists" : "stored version is no longer " + expectedVersion));
        }
    }

    @Override
    public void clearPending(ArticleId id, long version) {
        DynamoUpdate u = new DynamoUpdate().remove("pendingEvent");
        String condition = u.name("version") + " = " + u.value(n(version));
        try {
            conditionalUpdate(id, u, condition);
        } catch (ConditionalCheckFailedException e) {
            // a newer version (with its own pending mark) or no article: nothing of ours to clear
        }
    }

    @Override
    public void relink(ArticleId id, long version, String expectedHash, String linkedHash) {
        DynamoUpdate u = new DynamoUpdate().set("contentHash", s(linkedHash));
        String condition = u.name("version") + " = " + u.value(n(version)) + " AND " + u.name("contentHash")
                + " = " + u.value(s(expectedHash));
        try {
            conditionalUpdate(id, u, condition);
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("article " + id + " is no longer at version " + version
                    + " with content hash " + expectedHash);
        }
    }

    @Override
    public ArticleId claim(String name, ArticleId id) {
        if (name == null || name.isBlank() || name.length() > MAX_CLAIM_NAME_LENGTH) {
            throw new IllegalArgumentException("claim name must be 1.." + MAX_CLAIM_NAME_LENGTH + " characters");
        }
        Map<String, AttributeValue> key = Map.of(PK, s(CLAIM_PREFIX + name), SK, s(CLAIM_SK));
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("owner", s(id.value()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #owner = :id")
                    .expressionAttributeNames(Map.of("#pk", PK, "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":id", s(id.value()))));
            return id;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                    .item();
            return new ArticleId(stored.get("owner").s());
        }
    }

    @Override
    public void recordTranslation(ArticleId id, String language, long fromVersion, String objectKey) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(objectKey, "objectKey");
        DynamoUpdate u = new DynamoUpdate();
        String versionPath = u.path("translatedVersions", language);
        AttributeValue from = n(fromVersion);
        u.setPath(u.path("translations", language), s(objectKey)).setPath(versionPath, from);
        // a translation of an older version arriving late must not replace a newer one
        String condition = "attribute_exists(" + u.name(PK) + ") AND (attribute_not_exists(" + versionPath + ") OR "
                + versionPath + " <= " + u.value(from) + ")";
        updateExisting(id, u, condition, "translation " + language);
    }

    @Override
    public void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys) {
        Objects.requireNonNull(imageUrl, "imageUrl");
        DynamoUpdate u = new DynamoUpdate();
        u.setPath(u.path("thumbnails", imageUrl), list(objectKeys));
        updateExisting(id, u, "attribute_exists(" + u.name(PK) + ")", "thumbnails");
    }

    @Override
    public void addSourceUrl(ArticleId id, String url) {
        Objects.requireNonNull(url, "url");
        DynamoUpdate u = new DynamoUpdate().addToSet("sourceUrls", AttributeValue.fromSs(List.of(url)));
        updateExisting(id, u, "attribute_exists(" + u.name(PK) + ")", "source URL");
    }

    /**
     * Merges the listing's {@link #LISTING_SHARDS} write shards and its unsharded partition of earlier versions
     * ({@link ShardedListing}); the cursor is the sort key of the page's last article ({@link ListCursors}).
     */
    @Override
    public Page list(ListQuery query) {
        boolean byLanguage = query.lang() != null;
        String listing = byLanguage ? languagePartition(query.lang()) : ALL_LANGUAGES;
        String since = query.since() == null ? null : SORTABLE_UTC.format(query.sinceInstant());
        String before = query.cursor() == null ? null : cursors.decode(query.cursor(), listing, since);
        ShardedListing index = byLanguage
                ? new ShardedListing(dynamo, table, DynamoTableSchema.BY_LANGUAGE_INDEX, GSI1_PK, GSI1_SK)
                : new ShardedListing(dynamo, table, DynamoTableSchema.BY_DATE_INDEX, GSI2_PK, GSI2_SK);
        List<String> partitions = new ArrayList<>();
        for (int shard = 0; shard < LISTING_SHARDS; shard++) {
            partitions.add(listing + SHARD_MARK + shard);
        }
        // the unsharded partition of earlier versions: its items stay listed until their next commit moves them
        partitions.add(listing);
        ShardedListing.Reads reads;
        if (query.tag() == null) {
            int perShard = (query.limit() + 1 + LISTING_SHARDS - 1) / LISTING_SHARDS + 1;
            reads = new ShardedListing.Reads(null, Map.of(), Map.of(), perShard, query.limit() + 1,
                    3 * partitions.size());
        } else {
            // items committed before tagKeys existed keep the old exact-case match until re-committed
            reads = new ShardedListing.Reads(
                    "contains(#tagKeys, :tagKey) OR (attribute_not_exists(#tagKeys) AND contains(#tags, :tag))",
                    Map.of("#tagKeys", TAG_KEYS, "#tags", "tags"),
                    Map.of(":tagKey", s(ListQuery.tagKey(query.tag())), ":tag", s(query.tag())),
                    FILTERED_READ, FILTERED_READ, FILTERED_QUERIES_PER_PARTITION * partitions.size());
        }
        ShardedListing.Result result = index.page(partitions, since, before, reads, query.limit());
        List<ArticleRecord> items = records(result.entries());
        return new Page(items, result.nextBefore() == null ? null : cursors.encode(listing, result.nextBefore()));
    }

    /**
     * The whole records of index entries, in the entries' order: the indexes project only keys and tags, so the
     * records are read from the table with {@code BatchGetItem} (at most 100 keys a call; unprocessed keys asked
     * again, a bounded number of times). An entry whose record is gone by then (deleted since) is left out.
     */
    private List<ArticleRecord> records(List<Map<String, AttributeValue>> entries) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> entry : entries) {
            keys.add(keysOf(entry, PK, SK));
        }
        Map<String, Map<String, AttributeValue>> byPk = DynamoBatchGet.byPartitionKey(dynamo, table, keys, false, null);
        List<ArticleRecord> records = new ArrayList<>();
        for (Map<String, AttributeValue> entry : entries) {
            Map<String, AttributeValue> item = byPk.get(entry.get(PK).s());
            if (item != null) {
                records.add(toRecord(item));
            }
        }
        return records;
    }

    /** One UpdateItem of an article's item under a condition; throws ConditionalCheckFailedException when it fails. */
    private void conditionalUpdate(ArticleId id, DynamoUpdate u, String condition) {
        dynamo.updateItem(b -> b.tableName(table).key(articleKey(id))
                .updateExpression(u.expression())
                .conditionExpression(condition)
                .expressionAttributeNames(u.names())
                .expressionAttributeValues(u.valuesOrNull()));
    }

    private void updateExisting(ArticleId id, DynamoUpdate u, String condition, String what) {
        try {
            conditionalUpdate(id, u, condition);
        } catch (ConditionalCheckFailedException e) {
            if (find(id).isEmpty()) {
                throw new IllegalStateException("cannot record " + what + ": no article " + id + " in the index");
            }
            // the article exists, so the condition kept a newer entry: nothing to do
        }
    }

    /** The ByLanguage partition of a language: its {@link ListQuery#languageKey canonical tag}, prefixed. */
    static String languagePartition(String lang) {
        return LANG_PREFIX + ListQuery.languageKey(lang);
    }

    /**
     * The write shard of an article in a listing: {@code <listing>#S<n>}, n from the id's last four hex digits (the
     * id is a SHA-256 prefix, so articles spread evenly), the same for every version of the article.
     */
    static String shardOf(String listing, ArticleId id) {
        String hex = id.value();
        return listing + SHARD_MARK + Integer.parseInt(hex.substring(hex.length() - 4), 16) % LISTING_SHARDS;
    }

    /** The GSI sort key: the date as a fixed-width UTC instant (sorts as text), then the id for uniqueness. */
    static String sortKey(String date, ArticleId id) {
        return sortableInstant(date, "date") + "#" + id.value();
    }

    private static String sortableInstant(String rfc3339, String field) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                instant = LocalDate.parse(rfc3339).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException(field + " must be an RFC 3339 date-time such as "
                        + "2025-02-12T15:10:00Z, was '" + rfc3339 + "'");
            }
        }
        if (instant.isBefore(Instant.parse("0000-01-01T00:00:00Z"))
                || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
            throw new IllegalArgumentException(field + " is out of range: '" + rfc3339 + "'");
        }
        return SORTABLE_UTC.format(instant);
    }

    private static Map<String, AttributeValue> keysOf(Map<String, AttributeValue> item, String... names) {
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        for (String name : names) {
            keys.put(name, item.get(name));
        }
        return keys;
    }

    static Map<String, AttributeValue> articleKey(ArticleId id) {
        return Map.of(PK, s(ARTICLE_PREFIX + id.value()), SK, s(ARTICLE_SK));
    }

    private static ArticleRecord toRecord(Map<String, AttributeValue> item) {
        return new ArticleRecord(
                new ArticleId(item.get("id").s()),
                Long.parseLong(item.get("version").n()),
                new ArticleRecord.StoredFile(str(item, "objectKey"), str(item, "contentHash")),
                new ArticleRecord.Listing(str(item, "title"), str(item, "slug"), str(item, "lang"),
                        Rfc3339.parse(str(item, "date")), strings(item.get("tags")), strings(item.get("categories")),
                        str(item, "thumbnail")),
                new ArticleRecord.Origin(str(item, "canonicalUrl"),
                        item.containsKey("sourceUrls") ? Set.copyOf(item.get("sourceUrls").ss()) : Set.of(),
                        str(item, "fingerprint")),
                new ArticleRecord.Downstream(fromStringMap(item.get("translations")),
                        fromNumberMap(item.get("translatedVersions")), fromListMap(item.get("thumbnails"))),
                Optional.ofNullable(str(item, "pendingEvent")).map(DetailType::fromWireName).orElse(null),
                Rfc3339.parseInstant(str(item, "updatedAt")));
    }

    static AttributeValue s(String value) {
        return value == null ? null : AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static AttributeValue stringMap(Map<String, String> map) {
        Map<String, AttributeValue> m = new TreeMap<>();
        map.forEach((k, v) -> m.put(k, AttributeValue.fromS(v)));
        return AttributeValue.fromM(m);
    }

    private static AttributeValue numberMap(Map<String, Long> map) {
        Map<String, AttributeValue> m = new TreeMap<>();
        map.forEach((k, v) -> m.put(k, n(v)));
        return AttributeValue.fromM(m);
    }

    private static AttributeValue listMap(Map<String, List<String>> map) {
        Map<String, AttributeValue> m = new TreeMap<>();
        map.forEach((k, v) -> m.put(k, list(v)));
        return AttributeValue.fromM(m);
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static List<String> strings(AttributeValue value) {
        return value == null ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static Map<String, String> fromStringMap(AttributeValue value) {
        Map<String, String> m = new HashMap<>();
        if (value != null) {
            value.m().forEach((k, v) -> m.put(k, v.s()));
        }
        return m;
    }

    private static Map<String, Long> fromNumberMap(AttributeValue value) {
        Map<String, Long> m = new HashMap<>();
        if (value != null) {
            value.m().forEach((k, v) -> m.put(k, Long.parseLong(v.n())));
        }
        return m;
    }

    private static Map<String, List<String>> fromListMap(AttributeValue value) {
        Map<String, List<String>> m = new HashMap<>();
        if (value != null) {
            value.m().forEach((k, v) -> m.put(k, strings(v)));
        }
        return m;
    }
}
