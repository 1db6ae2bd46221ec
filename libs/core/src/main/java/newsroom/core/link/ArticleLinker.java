package newsroom.core.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import newsroom.core.config.ThumbnailSettings;
import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.ObjectStore;
import newsroom.core.translation.StoredArticle;

/**
 * The linking step: once an article's thumbnails are recorded, rewrites its stored file and its translations' with
 * {@link ThumbnailLinks} — without making a new version, without an event, and without ever overwriting bytes it did
 * not read. See docs/downstream.md ("Linking the variants") for why it is safe under crashes and concurrent updates.
 *
 * <p>The article's own file, at version v with hash h:
 * <ol>
 *   <li>read the record and the file with its store tag; the file must be version v's (hash h), or version v's
 *       before linking (its linked form hashes to h: an earlier attempt committed and died before the put);</li>
 *   <li>{@link ArticleIndex#relink} h to the linked bytes' hash, conditionally on (v, h);</li>
 *   <li>{@link ObjectStore#putIfMatch} the linked bytes, conditionally on the tag read in step 1.</li>
 * </ol>
 * A content update racing with it either commits first (step 2 fails) or puts first (step 3 fails); either way its
 * bytes stay, and its own event brings the thumbnails again. Each translation file is linked with step 3 alone (the
 * index keeps no hash of translations); a translation written meanwhile is linked by the translator itself.
 *
 * <p>Every outcome other than an exception is final for this call; nothing here needs a retry to be consistent.
 */
public final class ArticleLinker {

    private final ObjectStore store;
    private final ArticleIndex index;
    private final ThumbnailLinks links;

    public ArticleLinker(ObjectStore store, ArticleIndex index, ThumbnailLinks links) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.links = Objects.requireNonNull(links, "links");
    }

    /** The linker for a site's settings, or null when the site keeps hotlinking ({@code thumbnails: {link: false}}). */
    public static @Nullable ArticleLinker forSite(ObjectStore store, ArticleIndex index, ThumbnailSettings settings) {
        return settings.link() ? new ArticleLinker(store, index, new ThumbnailLinks(settings.mainWidth())) : null;
    }

    public ThumbnailLinks links() {
        return links;
    }

    /** What happened to one file. */
    public enum FileStatus {
        /** rewritten with the links now */
        LINKED,
        /** already linked, or its image has no thumbnails */
        UNCHANGED,
        /** another writer changed it meanwhile; that writer's own event or linking covers it */
        CHANGED_MEANWHILE,
        /** there is no such file, or it is no readable article */
        MISSING
    }

    /** One file's outcome. */
    public record FileOutcome(String objectKey, FileStatus status) {
    }

    /** The article's file first, then each recorded translation. */
    public record Result(List<FileOutcome> files) {
        public Result {
            files = List.copyOf(files);
        }
    }

    /** Links the article and each translation the index records; a no-op for an article the index does not know. */
    public Result linkArticle(ArticleId id) {
        Optional<ArticleRecord> found = index.find(id);
        if (found.isEmpty()) {
            return new Result(List.of());
        }
        ArticleRecord record = found.get();
        List<FileOutcome> files = new ArrayList<>();
        files.add(new FileOutcome(record.file().objectKey(), linkSource(record)));
        for (String key : record.downstream().translations().values().stream().sorted().toList()) {
            files.add(new FileOutcome(key, linkFile(key, record.downstream().thumbnails())));
        }
        return new Result(files);
    }

    /**
     * Links one translation file with the thumbnails the index records now; the translator calls it after recording
     * the translation, so a translation stored while the thumbnails were being linked is linked too.
     */
    public FileStatus linkTranslation(ArticleId id, String translationKey) {
        return index.find(id).map(r -> linkFile(translationKey, r.downstream().thumbnails()))
                .orElse(FileStatus.MISSING);
    }

    /**
     * Whether {@code bytes} are the stored content of {@code record}: hash equal, or equal once linked (the record
     * was relinked and the file not yet rewritten).
     */
    public boolean isContentOf(byte[] bytes, ArticleRecord record) {
        if (ArticleId.sha256Hex(bytes).equals(record.file().contentHash())) {
            return true;
        }
        try {
            return ArticleId.sha256Hex(links.link(bytes, record.downstream().thumbnails()))
                    .equals(record.file().contentHash());
        } catch (StoredArticle.UnreadableArticleException e) {
            return false;
        }
    }

    private FileStatus linkSource(ArticleRecord record) {
        Optional<ObjectStore.Tagged> file = store.getTagged(record.file().objectKey());
        if (file.isEmpty()) {
            return FileStatus.MISSING;
        }
        byte[] bytes = file.get().content();
        byte[] linked;
        try {
            linked = links.link(bytes, record.downstream().thumbnails());
        } catch (StoredArticle.UnreadableArticleException e) {
            return FileStatus.MISSING;
        }
        String hash = ArticleId.sha256Hex(bytes);
        String linkedHash = ArticleId.sha256Hex(linked);
        if (hash.equals(record.file().contentHash())) {
            if (linked == bytes) {
                return FileStatus.UNCHANGED;
            }
            try {
                index.relink(record.id(), record.version(), hash, linkedHash);
            } catch (ArticleIndex.ConcurrentUpdateException e) {
                return FileStatus.CHANGED_MEANWHILE;
            }
        } else if (!linkedHash.equals(record.file().contentHash())) {
            // bytes of another version: an update between its put and its commit (its event links it)
            return FileStatus.CHANGED_MEANWHILE;
        }
        // the record now names the linked bytes; write them unless someone wrote the file since we read it
        return store.putIfMatch(record.file().objectKey(), linked, MARKDOWN_TYPE, file.get().tag())
                ? FileStatus.LINKED : FileStatus.CHANGED_MEANWHILE;
    }

    private FileStatus linkFile(String key, Map<String, List<String>> thumbnails) {
        Optional<ObjectStore.Tagged> file = store.getTagged(key);
        if (file.isEmpty()) {
            return FileStatus.MISSING;
        }
        byte[] linked;
        try {
            linked = links.link(file.get().content(), thumbnails);
        } catch (StoredArticle.UnreadableArticleException e) {
            return FileStatus.MISSING;
        }
        if (linked == file.get().content()) {
            return FileStatus.UNCHANGED;
        }
        return store.putIfMatch(key, linked, MARKDOWN_TYPE, file.get().tag())
                ? FileStatus.LINKED : FileStatus.CHANGED_MEANWHILE;
    }

    private static final String MARKDOWN_TYPE = "text/markdown; charset=utf-8";
}
