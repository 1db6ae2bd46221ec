package newsroom.core.port.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import newsroom.core.port.ObjectStore;

/**
 * The {@link ObjectStore} contract every adapter must pass. Subclass it in the adapter's module and return a new,
 * empty store from {@link #newStore()} (called before each test).
 */
public abstract class ObjectStoreContract {

    protected static final String MARKDOWN = "text/markdown; charset=utf-8";
    private static final String KEY = "content/en/2025/02/apple-alibaba.md";

    protected ObjectStore store;

    /** A store with no objects in it. */
    protected abstract ObjectStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void returnsTheBytesPut_whenKeyWasWritten() {
        store.put(KEY, "# Apple and Alibaba\n".getBytes(UTF_8), MARKDOWN);

        assertThat(store.get(KEY)).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, UTF_8)).isEqualTo("# Apple and Alibaba\n"));
    }

    @Test
    void replacesTheObject_whenItStillHasTheTagRead() {
        store.put(KEY, "first".getBytes(UTF_8), MARKDOWN);
        ObjectStore.Tagged read = store.getTagged(KEY).orElseThrow();

        assertThat(new String(read.content(), UTF_8)).isEqualTo("first");
        assertThat(store.putIfMatch(KEY, "linked".getBytes(UTF_8), MARKDOWN, read.tag())).isTrue();
        assertThat(new String(store.get(KEY).orElseThrow(), UTF_8)).isEqualTo("linked");
    }

    @Test
    void writesNothing_whenTheObjectChangedSinceItsTagWasRead() {
        store.put(KEY, "first".getBytes(UTF_8), MARKDOWN);
        String tag = store.getTagged(KEY).orElseThrow().tag();
        store.put(KEY, "second".getBytes(UTF_8), MARKDOWN);

        assertThat(store.putIfMatch(KEY, "stale".getBytes(UTF_8), MARKDOWN, tag)).isFalse();
        assertThat(new String(store.get(KEY).orElseThrow(), UTF_8)).isEqualTo("second");
        assertThat(store.getTagged(KEY).orElseThrow().tag()).isNotEqualTo(tag);
    }

    @Test
    void writesNothing_whenTheObjectIsGone() {
        store.put(KEY, "first".getBytes(UTF_8), MARKDOWN);
        String tag = store.getTagged(KEY).orElseThrow().tag();

        assertThat(store.putIfMatch("content/en/other.md", "x".getBytes(UTF_8), MARKDOWN, tag)).isFalse();
        assertThat(store.get("content/en/other.md")).isEmpty();
        assertThat(store.getTagged("content/en/other.md")).isEmpty();
    }

    @Test
    void returnsEmpty_whenKeyWasNeverWritten() {
        assertThat(store.get("content/en/2025/02/never-written.md")).isEmpty();
    }

    @Test
    void keepsEveryByteValue_whenContentIsBinary() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        store.put("static/thumbs/a/320.webp", all, "image/webp");

        assertThat(store.get("static/thumbs/a/320.webp")).hasValueSatisfying(b -> assertThat(b).isEqualTo(all));
    }

    @Test
    void returnsNewBytes_whenSameKeyIsPutWithChangedContent() {
        store.put(KEY, "version 1".getBytes(UTF_8), MARKDOWN);
        store.put(KEY, "version 2".getBytes(UTF_8), MARKDOWN);

        assertThat(store.get(KEY).map(b -> new String(b, UTF_8))).isEqualTo(Optional.of("version 2"));
    }

    @Test
    void keepsOneObjectWithTheBytes_whenSameBytesArePutTwice() {
        store.put(KEY, "same".getBytes(UTF_8), MARKDOWN);
        store.put(KEY, "same".getBytes(UTF_8), MARKDOWN);

        assertThat(store.get(KEY).map(b -> new String(b, UTF_8))).isEqualTo(Optional.of("same"));
    }

    @Test
    void keepsKeysApart_whenOneKeyIsAPrefixOfAnother() {
        store.put("content/en/a.md", "a".getBytes(UTF_8), MARKDOWN);
        store.put("content/en/a.md.bak", "b".getBytes(UTF_8), MARKDOWN);

        assertThat(store.get("content/en/a.md").map(b -> new String(b, UTF_8))).isEqualTo(Optional.of("a"));
    }

    @Test
    void storesNonAsciiKeys_whenKeyHasUnicodeSlug() {
        String key = "content/zh/2025/02/苹果-阿里巴巴.md";
        store.put(key, "中文".getBytes(UTF_8), MARKDOWN);

        assertThat(store.get(key).map(b -> new String(b, UTF_8))).isEqualTo(Optional.of("中文"));
    }

    @Test
    void namesTheKey_whenLocationIsAsked() {
        assertThat(store.locationOf(KEY)).endsWith(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../outside.md", "content/../../outside.md", "content/./a.md",
            "content//a.md", "content\\a.md", "content/a.md/.."})
    void rejectsKey_whenItIsEmptyAbsoluteOrEscapes(String key) {
        assertThatThrownBy(() -> store.put(key, "x".getBytes(UTF_8), MARKDOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../outside.md", "content/../../outside.md"})
    void rejectsKeyOnRead_whenItIsEmptyAbsoluteOrEscapes(String key) {
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
