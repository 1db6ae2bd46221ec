package newsroom.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoredArticleDetailTest {

    private static final StoredArticleDetail FULL = new StoredArticleDetail("3f2a9c1e4b5d6e7f80912a3b", 2,
            "5d41".repeat(16), "en", "apple-alibaba-ai-china", "Apple and Alibaba team up on AI in China",
            "2025-02-12T15:10:00Z", "content/en/2025/02/apple-alibaba-ai-china.md",
            "s3://bucket/content/en/2025/02/apple-alibaba-ai-china.md", "https://news.example.com/a.jpg",
            List.of("fr", "de"), "example-news", "https://news.example.com/2025/02/apple-alibaba-ai");

    @Test
    void writesTheDocumentedKeysInOrder_andReadsBackTheSameDetail() {
        Map<String, Object> wire = FULL.toMap();

        assertThat(wire.keySet()).containsExactly("articleId", "version", "contentHash", "lang", "slug", "title",
                "date", "objectKey", "location", "thumbnail", "translationTargets", "source", "url");
        assertThat(StoredArticleDetail.read(wire)).isEqualTo(new StoredArticleDetail.Usable(FULL));
    }

    @Test
    void leavesOutAbsentOptionalFields() {
        StoredArticleDetail posted = new StoredArticleDetail("3f2a9c1e4b5d6e7f80912a3b", 1, "ab".repeat(32), "en",
                "s", "t", "2025-02-12T15:10:00Z", "content/en/s.md", "content/en/s.md", null, List.of(), "api", null);

        assertThat(posted.toMap()).doesNotContainKeys("thumbnail", "translationTargets", "url");
        assertThat(StoredArticleDetail.read(posted.toMap())).isEqualTo(new StoredArticleDetail.Usable(posted));
    }

    @Test
    void saysWhyADetailIsUnusable() {
        Map<String, Object> noVersion = new LinkedHashMap<>(FULL.toMap());
        noVersion.put("version", "two");
        Map<String, Object> badId = new LinkedHashMap<>(FULL.toMap());
        badId.put("articleId", "not-an-id");

        assertThat(StoredArticleDetail.read(null))
                .isEqualTo(new StoredArticleDetail.Unusable("the event has no detail"));
        assertThat(StoredArticleDetail.read(noVersion))
                .isEqualTo(new StoredArticleDetail.Unusable("detail.version is not a version number: two"));
        assertThat(StoredArticleDetail.read(badId))
                .isEqualTo(new StoredArticleDetail.Unusable("detail.articleId is not an article id: not-an-id"));
    }

    @Test
    void readsLeniently_whatNoConsumerNeeds() {
        Map<String, Object> sparse = new LinkedHashMap<>();
        sparse.put("articleId", "3f2a9c1e4b5d6e7f80912a3b");
        sparse.put("version", 1);
        sparse.put("translationTargets", List.of("fr", " ", 7));
        sparse.put("thumbnail", 42);

        StoredArticleDetail read = ((StoredArticleDetail.Usable) StoredArticleDetail.read(sparse)).detail();

        assertThat(read.translationTargets()).containsExactly("fr");
        assertThat(read.thumbnail()).isNull();
        assertThat(read.source()).isEqualTo("unknown");
        assertThat(read.lang()).isNull();
    }

    @Test
    void detailTypesGoOnTheWireByTheirDocumentedNames() {
        assertThat(DetailType.ARTICLE_STORED.wireName()).isEqualTo("ArticleStored");
        assertThat(DetailType.fromWireName("ThumbnailsCreated")).isEqualTo(DetailType.THUMBNAILS_CREATED);
        assertThat(String.valueOf(DetailType.ARTICLE_UPDATED)).isEqualTo("ArticleUpdated");
        assertThatThrownBy(() -> DetailType.fromWireName("ArticleDeleted"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown detail-type ArticleDeleted");
    }
}
