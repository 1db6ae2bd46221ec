package newsroom.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import newsroom.core.model.ArticleId;
import newsroom.core.model.Rfc3339;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleListing;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.SourceStateStore;

/**
 * The embedded index: one JSON file per article under {@code <dir>/articles/}, one per claimed name under
 * {@code <dir>/claims/}, one per source under {@code <dir>/sources/} and beside it one with the source's seen marks
 * (URL → expiry; expired marks are dropped when {@link #seen} next reads the file). Crash-safe (atomic file
 * replacement) and safe across processes (every read-modify-write holds an exclusive lock on {@code <dir>/.lock}).
 * Listing scans the folder: fine for one newsroom's archive on one machine; the AWS adapter uses a GSI instead.
 */
public final class EmbeddedArticleIndex implements ArticleIndex, SourceStateStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule()
                    .addSerializer(ArticleId.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(ArticleId id, JsonGenerator gen, SerializerProvider p)
                                throws IOException {
                            gen.writeString(id.value());
                        }
                    })
                    .addDeserializer(ArticleId.class, new JsonDeserializer<>() {
                        @Override
                        public ArticleId deserialize(JsonParser parser, DeserializationContext c) throws IOException {
                            return new ArticleId(parser.getValueAsString());
                        }
                    })
                    // a source state's instants, as RFC 3339 text (what the files held when they were strings)
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant at, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(Rfc3339.format(at));
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser parser, DeserializationContext c) throws IOException {
                            return Rfc3339.parseInstant(parser.getValueAsString());
                        }
                    }))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The property a state file of an earlier version kept the source's seen URLs in. */
    private static final String LEGACY_SEEN_URLS = "seenUrls";

    private final Path dir;

    public EmbeddedArticleIndex(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    @Override
    public Optional<ArticleRecord> find(ArticleId id) {
        return read(articleFile(id), ArticleFile.class).map(ArticleFile::toRecord);
    }

    @Override
    public void commit(ArticleRecord record, long expectedVersion) {
        locked(() -> {
            Optional<ArticleRecord> current = find(record.id());
            long stored = current.map(ArticleRecord::version).orElse(0L);
            if (stored != expectedVersion) {
                throw new ConcurrentUpdateException("article " + record.id() + " is at version " + stored
                        + ", expected " + expectedVersion);
            }
            ArticleRecord merged = current.map(record::committedOver).orElse(record);
            write(articleFile(record.id()), ArticleFile.of(merged));
            return null;
        });
    }

    @Override
    public void clearPending(ArticleId id, long version) {
        locked(() -> {
            find(id).filter(r -> r.version() == version && r.isPending())
                    .ifPresent(r -> write(articleFile(id), ArticleFile.of(r.withPendingEvent(null))));
            return null;
        });
    }

    @Override
    public void relink(ArticleId id, long version, String expectedHash, String linkedHash) {
        locked(() -> {
            ArticleRecord current = find(id).orElseThrow(() -> new ConcurrentUpdateException("article " + id
                    + " is not in the index"));
            if (current.version() != version || !current.file().contentHash().equals(expectedHash)) {
                throw new ConcurrentUpdateException("article " + id + " is at version " + current.version()
                        + " with another content hash; expected version " + version);
            }
            write(articleFile(id), ArticleFile.of(current.withContentHash(linkedHash)));
            return null;
        });
    }

    @Override
    public ArticleId claim(String name, ArticleId id) {
        Path file = dir.resolve("claims").resolve(ArticleId.sha256Hex(name.getBytes(StandardCharsets.UTF_8)) + ".json");
        return locked(() -> {
            Optional<Claim> existing = read(file, Claim.class);
            if (existing.isPresent()) {
                return new ArticleId(existing.get().owner());
            }
            write(file, new Claim(name, id.value()));
            return id;
        });
    }

    @Override
    public void recordTranslation(ArticleId id, String language, long fromVersion, String objectKey) {
        update(id, r -> r.withTranslation(language, fromVersion, objectKey));
    }

    @Override
    public void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys) {
        update(id, r -> r.withThumbnails(imageUrl, objectKeys));
    }

    @Override
    public void addSourceUrl(ArticleId id, String url) {
        update(id, r -> r.withSourceUrl(url));
    }

    /** Reads every record (a folder scan: fine for one newsroom's archive on one machine) and pages them. */
    @Override
    public Page list(ListQuery query) {
        List<ArticleRecord> all = new ArrayList<>();
        Path articles = dir.resolve("articles");
        if (Files.isDirectory(articles)) {
            try (Stream<Path> files = Files.list(articles)) {
                files.filter(p -> p.toString().endsWith(".json"))
                        .forEach(p -> read(p, ArticleFile.class).map(ArticleFile::toRecord).ifPresent(all::add));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + articles, e);
            }
        }
        return ArticleListing.page(all, query);
    }

    /** Reads a state file of an earlier version too: its {@code seenUrls} are the state's legacy list. */
    @Override
    public Optional<SourceState> find(String sourceName) {
        return read(sourceFile(sourceName), ObjectNode.class).map(node -> {
            if (node.has(LEGACY_SEEN_URLS) && !node.has("legacySeenUrls")) {
                node.set("legacySeenUrls", node.remove(LEGACY_SEEN_URLS));
            }
            return JSON.convertValue(node, SourceState.class);
        });
    }

    @Override
    public Set<String> seen(String sourceName, Collection<String> urls, Instant now) {
        if (urls.isEmpty()) {
            return Set.of();
        }
        return locked(() -> {
            Path file = seenFile(sourceName);
            Map<String, Instant> marks = read(file, SeenMarks.class).map(SeenMarks::expiresAt).orElse(Map.of());
            Map<String, Instant> live = new TreeMap<>(marks);
            live.values().removeIf(until -> !until.isAfter(now));
            if (live.size() < marks.size()) {
                write(file, new SeenMarks(live));
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String url : urls) {
                if (live.containsKey(url)) {
                    seen.add(url);
                }
            }
            return seen;
        });
    }

    @Override
    public void markSeen(String sourceName, Map<String, Instant> expiresAtByUrl) {
        if (sourceName.isBlank()) {
            throw new IllegalArgumentException("seen marks need a source name");
        }
        if (expiresAtByUrl.isEmpty()) {
            return;
        }
        locked(() -> {
            Path file = seenFile(sourceName);
            Map<String, Instant> marks = new TreeMap<>(read(file, SeenMarks.class).map(SeenMarks::expiresAt)
                    .orElse(Map.of()));
            marks.putAll(expiresAtByUrl);
            write(file, new SeenMarks(marks));
            return null;
        });
    }

    @Override
    public void save(SourceState state) {
        if (state.sourceName().isBlank()) {
            throw new IllegalArgumentException("a source state needs a source name");
        }
        locked(() -> {
            write(sourceFile(state.sourceName()), state);
            return null;
        });
    }

    private void update(ArticleId id, UnaryOperator<ArticleRecord> change) {
        locked(() -> {
            ArticleRecord current = find(id).orElseThrow(() -> new IllegalStateException("no article " + id));
            ArticleRecord next = change.apply(current);
            if (!next.equals(current)) {
                write(articleFile(id), ArticleFile.of(next));
            }
            return null;
        });
    }

    private Path articleFile(ArticleId id) {
        return dir.resolve("articles").resolve(id.value() + ".json");
    }

    private Path sourceFile(String sourceName) {
        return dir.resolve("sources").resolve(sourceFileStem(sourceName) + ".json");
    }

    private Path seenFile(String sourceName) {
        return dir.resolve("sources").resolve(sourceFileStem(sourceName) + ".seen.json");
    }

    private static String sourceFileStem(String sourceName) {
        return ArticleId.sha256Hex(sourceName.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private interface Action<T> {
        T run();
    }

    /** Runs a read-modify-write under a lock held by this thread and this process only. */
    private synchronized <T> T locked(Action<T> action) {
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the index in " + dir, e);
        }
    }

    private static <T> Optional<T> read(Path file, Class<T> type) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index file " + file, e);
        }
    }

    private static void write(Path file, Object value) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write index file " + file, e);
        }
    }

    /** A source's seen marks: item URL → until when it counts as seen. */
    record SeenMarks(Map<String, Instant> expiresAt) {
    }

    /** A name bound to the article that claimed it first. */
    record Claim(String name, String owner) {
    }
}
