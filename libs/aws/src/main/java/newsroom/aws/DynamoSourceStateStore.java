package newsroom.aws;

import static newsroom.aws.DynamoTableSchema.PK;
import static newsroom.aws.DynamoTableSchema.SK;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import newsroom.core.model.ArticleId;
import newsroom.core.model.Rfc3339;
import newsroom.core.port.SourceStateStore;

/**
 * {@link SourceStateStore} in the same single table as the index, all in the source's partition {@code pk =
 * SOURCE#<name>}: the state item {@code sk = SOURCE} (validators; and an earlier version's {@code seenUrls} list, up
 * to ≈ 90 KB, until the poller moves it into seen marks), a small item {@code sk = SCHEDULE} with the schedule,
 * health and last poll, which {@link #find} takes over the state item's copies and the dispatcher reads in batches,
 * and one seen mark per URL sent for fetching, {@code sk = SEEN#<first 32 hex digits of the URL's SHA-256>} with
 * {@code expiresAt} (epoch seconds, the table's TTL attribute): about 90 bytes, 1 WRU to write, ½ RRU to get.
 * {@link #save} writes the state item only when its validators or list changed, then the schedule item (one poller
 * runs per source and due time, so last writer wins; a crash between the two leaves the old schedule, which only
 * polls the source early).
 */
public final class DynamoSourceStateStore implements SourceStateStore {

    static final String SOURCE_PREFIX = "SOURCE#";
    static final String SOURCE_SK = "SOURCE";
    /** Sort key of a source's small item: its schedule, health and last poll (read by find and the dispatcher). */
    static final String SCHEDULE_SK = "SCHEDULE";
    /** SnapStart priming reads this key (inside {@code SOURCE#}, the only keys the poller's role may read). */
    static final String PRIMING_SOURCE = "PRIMING#sentinel";
    static final String PRIMING_PK = SOURCE_PREFIX + PRIMING_SOURCE;
    static final String PRIMING_URL = "https://priming.invalid/";
    /** Sort key prefix of a source's seen marks. */
    static final String SEEN_PREFIX = "SEEN#";
    static final String EXPIRES_AT = "expiresAt";
    /** The attribute an earlier version kept the seen URLs of a source in, inside its state item. */
    static final String LEGACY_SEEN_URLS = "seenUrls";
    /**
     * Up to this many URLs, {@link #seen} gets each URL's mark ({@code BatchGetItem}s of 100, ½ RRU a URL); beyond,
     * it queries the source's marks instead (½ RRU per 4 KB of marks, ≈ 45 marks): for a sitemap of thousands of
     * URLs the query reads less, since a source holds only the marks of the URLs it sent within the TTL.
     */
    static final int GET_EACH_UP_TO = 1_000;

    private final DynamoDbClient dynamo;
    private final String table;
    /** Source name → digest of the URLs and validators {@link #find} read, until the {@link #save} that follows. */
    private final Map<String, String> lastRead = new ConcurrentHashMap<>();

    public DynamoSourceStateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Consistent reads of the state item and its {@code SCHEDULE} item: the URLs and validators
     * from the first, the schedule and health from the second (or from the first, for a state saved before schedule
     * items existed). Remembers a digest of what it read, so that {@link #save} of the same URLs and validators
     * rewrites only the small item.
     */
    @Override
    public Optional<SourceState> find(String sourceName) {
        Map<String, AttributeValue> item = consistentGet(key(sourceName));
        if (item == null || item.isEmpty()) {
            lastRead.remove(sourceName);
            return Optional.empty();
        }
        Map<String, AttributeValue> schedule = consistentGet(key(sourceName, SCHEDULE_SK));
        Map<String, AttributeValue> health = schedule == null || schedule.isEmpty() ? item : schedule;
        Map<String, Map<String, String>> validators = new HashMap<>();
        item.get("validators").m().forEach((url, headers) -> {
            Map<String, String> values = new HashMap<>();
            headers.m().forEach((header, value) -> values.put(header, value.s()));
            validators.put(url, values);
        });
        AttributeValue legacy = item.get(LEGACY_SEEN_URLS);
        List<String> seen = legacy == null ? List.of() : legacy.l().stream().map(AttributeValue::s).toList();
        SourceState state = new SourceState(item.get("sourceName").s(), validators, seen,
                instant(health.containsKey("lastPolled") ? health : item, "lastPolled"), failures(health),
                string(health, "lastError"), instant(health, "nextPollAt"));
        lastRead.put(sourceName, digest(state));
        return Optional.of(state);
    }

    /**
     * {@code BatchGetItem}s of up to 100 sources' {@code SCHEDULE} items, eventually consistent: each costs half a
     * read unit, where reading the state items would cost up to 12 (DynamoDB charges a read by the item's size, not by
     * the projection, and a state item holds up to ≈ 90 KB of {@code seenUrls}). A schedule read a moment stale only
     * sends a source once more, which the poll's conditional GET and {@code seenUrls} make harmless. A source whose
     * state was saved before schedule items existed has none, so it is absent (due now) until its next poll saves one.
     */
    @Override
    public Map<String, SourceSchedule> schedules(List<String> sourceNames) {
        List<Map<String, AttributeValue>> keys = sourceNames.stream().map(name -> key(name, SCHEDULE_SK)).toList();
        Map<String, Map<String, AttributeValue>> byPk = DynamoBatchGet.byPartitionKey(dynamo, table, keys, false,
                null);
        Map<String, SourceSchedule> schedules = new LinkedHashMap<>();
        for (String name : sourceNames) {
            Map<String, AttributeValue> item = byPk.get(SOURCE_PREFIX + name);
            if (item != null) {
                schedules.put(name, new SourceSchedule(name, failures(item), string(item, "lastError"),
                        instant(item, "nextPollAt")));
            }
        }
        return schedules;
    }

    private @Nullable Map<String, AttributeValue> consistentGet(Map<String, AttributeValue> key) {
        return dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }

    private static int failures(Map<String, AttributeValue> item) {
        AttributeValue failures = item.get("consecutiveFailures");
        return failures == null ? 0 : Integer.parseInt(failures.n());
    }

    private static @Nullable Instant instant(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        return text == null ? null : Rfc3339.parseInstant(text);
    }

    private static @Nullable String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /**
     * Writes the {@code SCHEDULE} item (schedule, health, last poll: about 1 WRU), and the state item only when its
     * URLs or validators differ from what {@link #find} last read here, or nothing was read: an unchanged poll (a
     * {@code 304}, or a feed with no new item) no longer rewrites up to ≈ 90 KB of {@code seenUrls}.
     */
    @Override
    public void save(SourceState state) {
        String previous = lastRead.remove(state.sourceName());
        Map<String, AttributeValue> health = new HashMap<>();
        health.put("consecutiveFailures", AttributeValue.fromN(Integer.toString(state.consecutiveFailures())));
        if (state.lastError() != null) {
            health.put("lastError", AttributeValue.fromS(state.lastError()));
        }
        if (state.nextPollAt() != null) {
            health.put("nextPollAt", AttributeValue.fromS(Rfc3339.format(state.nextPollAt())));
        }
        if (state.lastPolled() != null) {
            health.put("lastPolled", AttributeValue.fromS(Rfc3339.format(state.lastPolled())));
        }
        if (!digest(state).equals(previous)) {
            Map<String, AttributeValue> item = new HashMap<>(key(state.sourceName()));
            item.put("sourceName", AttributeValue.fromS(state.sourceName()));
            Map<String, AttributeValue> validators = new HashMap<>();
            state.validators().forEach((url, headers) -> {
                Map<String, AttributeValue> values = new HashMap<>();
                headers.forEach((header, value) -> values.put(header, AttributeValue.fromS(value)));
                validators.put(url, AttributeValue.fromM(values));
            });
            item.put("validators", AttributeValue.fromM(validators));
            if (!state.legacySeenUrls().isEmpty()) {
                item.put(LEGACY_SEEN_URLS, AttributeValue.fromL(state.legacySeenUrls().stream()
                        .map(AttributeValue::fromS).toList()));
            }
            item.putAll(health);
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
        Map<String, AttributeValue> schedule = new HashMap<>(key(state.sourceName(), SCHEDULE_SK));
        schedule.putAll(health);
        dynamo.putItem(b -> b.tableName(table).item(schedule));
    }

    /**
     * Eventually consistent reads of the URLs' marks: a mark written by the previous poll, minutes ago, is long
     * visible; one a moment late only sends its URL again, which the fetcher finds unchanged. Marks past their
     * {@code expiresAt} that DynamoDB's TTL has not deleted yet (it may take days) are not seen.
     */
    @Override
    public Set<String> seen(String sourceName, Collection<String> urls, Instant now) {
        Map<String, String> urlBySortKey = new HashMap<>();
        for (String url : urls) {
            urlBySortKey.put(seenSortKey(url), url);
        }
        if (urlBySortKey.isEmpty()) {
            return Set.of();
        }
        List<Map<String, AttributeValue>> marks;
        if (urlBySortKey.size() <= GET_EACH_UP_TO) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String sortKey : urlBySortKey.keySet()) {
                keys.add(key(sourceName, sortKey));
            }
            marks = DynamoBatchGet.items(dynamo, table, keys, false, null);
        } else {
            marks = queryMarks(sourceName);
        }
        Set<String> seen = new HashSet<>();
        for (Map<String, AttributeValue> mark : marks) {
            String url = urlBySortKey.get(mark.get(SK).s());
            AttributeValue expiresAt = mark.get(EXPIRES_AT);
            if (url != null && expiresAt != null && Long.parseLong(expiresAt.n()) > now.getEpochSecond()) {
                seen.add(url);
            }
        }
        return seen;
    }

    /** Every mark of the source, a page of up to 1 MB a request. */
    private List<Map<String, AttributeValue>> queryMarks(String sourceName) {
        List<Map<String, AttributeValue>> marks = new ArrayList<>();
        Map<String, AttributeValue> values = Map.of(":pk", key(sourceName).get(PK),
                ":seen", AttributeValue.fromS(SEEN_PREFIX));
        dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :seen)")
                .expressionAttributeValues(values).consistentRead(false)).items().forEach(marks::add);
        return marks;
    }

    /**
     * {@code BatchWriteItem}s of 25 marks, each an unconditional put (a later mark of a URL replaces the earlier),
     * its expiry rounded up to the second.
     */
    @Override
    public void markSeen(String sourceName, Map<String, Instant> expiresAtByUrl) {
        Map<String, AttributeValue> partition = key(sourceName);
        Map<String, Map<String, AttributeValue>> bySortKey = new HashMap<>();
        expiresAtByUrl.forEach((url, until) -> {
            String sortKey = seenSortKey(url);
            bySortKey.put(sortKey, mark(partition, sortKey, until));
        });
        DynamoBatchWrite.put(dynamo, table, List.copyOf(bySortKey.values()));
    }

    private static Map<String, AttributeValue> mark(Map<String, AttributeValue> partition, String sortKey,
                                                    Instant until) {
        long seconds = until.getEpochSecond() + (until.getNano() > 0 ? 1 : 0);
        return Map.of(PK, partition.get(PK), SK, AttributeValue.fromS(sortKey),
                EXPIRES_AT, AttributeValue.fromN(Long.toString(seconds)));
    }

    /** The sort key of a URL's mark: 128 bits of its SHA-256, whatever the URL's length (a sort key takes 1 KB). */
    static String seenSortKey(String url) {
        return SEEN_PREFIX + ArticleId.sha256Hex(url.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** SHA-256 of a state's validators and earlier-version list (what the state item holds beyond the schedule). */
    private static String digest(SourceState state) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new TreeMap<>(state.validators().entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> new TreeMap<>(e.getValue())))).toString()
                    .getBytes(StandardCharsets.UTF_8));
            for (String url : state.legacySeenUrls()) {
                sha.update((byte) '\n');
                sha.update(url.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** SnapStart priming: a {@code GetItem} of {@link #PRIMING_PK}, read-only; it finds nothing. */
    void primeGetItem() {
        dynamo.getItem(b -> b.tableName(table).key(key(PRIMING_SOURCE)));
    }

    /** SnapStart priming: {@link #schedules} of {@link #PRIMING_PK}'s source, read-only; it finds nothing. */
    void primeScheduleReads() {
        schedules(List.of(PRIMING_SOURCE));
    }

    /** SnapStart priming: {@link #seen} of a URL of {@link #PRIMING_PK}'s source, a read-only BatchGetItem. */
    void primeSeenGets() {
        seen(PRIMING_SOURCE, List.of(PRIMING_URL), Instant.EPOCH);
    }

    /** SnapStart priming: the Query of {@link #PRIMING_PK}'s seen marks, read-only; it finds nothing. */
    void primeSeenQuery() {
        queryMarks(PRIMING_SOURCE);
    }

    /** SnapStart priming: {@link #markSeen}'s BatchWriteItem of a mark of {@link #PRIMING_PK}'s, never sent. */
    void primeMarkSeenDryRun() {
        DynamoBatchWrite.dryRun(dynamo, table, List.of(mark(key(PRIMING_SOURCE), seenSortKey(PRIMING_URL),
                Instant.EPOCH)));
    }

    private static Map<String, AttributeValue> key(String sourceName) {
        return key(sourceName, SOURCE_SK);
    }

    private static Map<String, AttributeValue> key(String sourceName, String sortKey) {
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("source name must not be blank");
        }
        return Map.of(PK, AttributeValue.fromS(SOURCE_PREFIX + sourceName), SK, AttributeValue.fromS(sortKey));
    }
}
