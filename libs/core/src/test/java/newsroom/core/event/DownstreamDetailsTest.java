package newsroom.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The typed details of ArticleTranslated and ThumbnailsCreated: the documented wire shape, and read back. */
class DownstreamDetailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "3f2a9c1e4b5d6e7f80912a3b";

    /** What a consumer gets: the detail as EventBridge delivers it, through JSON (numbers come back as Integer). */
    private static Map<String, Object> delivered(Map<String, Object> detail) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(detail), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    @Test
    void articleTranslated_writesTheDocumentedShape_andReadsItBack() throws Exception {
        ArticleTranslatedDetail detail = new ArticleTranslatedDetail(ID, 1, "fr", "en",
                "content/fr/2025/02/apple-alibaba-ai-china.md");

        assertThat(JSON.writeValueAsString(detail.toMap())).isEqualTo("{\"articleId\":\"" + ID + "\",\"version\":1,"
                + "\"lang\":\"fr\",\"sourceLang\":\"en\","
                + "\"objectKey\":\"content/fr/2025/02/apple-alibaba-ai-china.md\"}");
        assertThat(detail.toEvent().detailType()).isEqualTo(DetailType.ARTICLE_TRANSLATED);
        assertThat(ArticleTranslatedDetail.read(delivered(detail.toMap()))).contains(detail);
    }

    @Test
    void articleTranslated_readsNothing_fromADetailWithoutItsFields() {
        assertThat(ArticleTranslatedDetail.read(Map.of("articleId", ID, "version", 1, "lang", "fr"))).isEmpty();
        assertThat(ArticleTranslatedDetail.read(Map.of("articleId", "not-an-id", "version", 1, "lang", "fr",
                "sourceLang", "en", "objectKey", "k"))).isEmpty();
        assertThat(ArticleTranslatedDetail.read(Map.of("articleId", ID, "version", 0, "lang", "fr",
                "sourceLang", "en", "objectKey", "k"))).isEmpty();
    }

    @Test
    void thumbnailsCreated_writesTheDocumentedShape_andReadsItBack() throws Exception {
        ThumbnailsCreatedDetail detail = new ThumbnailsCreatedDetail(ID,
                "https://news.example.com/images/apple-alibaba.jpg", List.of(
                new ThumbnailsCreatedDetail.Variant(320, 240, "static/thumbnails/" + ID + "/9b1c2d3e4f50-320.jpg"),
                new ThumbnailsCreatedDetail.Variant(640, 480, "static/thumbnails/" + ID + "/9b1c2d3e4f50-640.jpg")));

        assertThat(JSON.writeValueAsString(detail.toMap())).isEqualTo("{\"articleId\":\"" + ID + "\","
                + "\"imageUrl\":\"https://news.example.com/images/apple-alibaba.jpg\",\"thumbnails\":["
                + "{\"width\":320,\"height\":240,\"objectKey\":\"static/thumbnails/" + ID + "/9b1c2d3e4f50-320.jpg\"},"
                + "{\"width\":640,\"height\":480,"
                + "\"objectKey\":\"static/thumbnails/" + ID + "/9b1c2d3e4f50-640.jpg\"}]}");
        assertThat(detail.toEvent().detailType()).isEqualTo(DetailType.THUMBNAILS_CREATED);
        assertThat(ThumbnailsCreatedDetail.read(delivered(detail.toMap()))).contains(detail);
    }

    @Test
    void thumbnailsCreated_readsNothing_whenAVariantLacksAField() {
        assertThat(ThumbnailsCreatedDetail.read(Map.of("articleId", ID, "imageUrl", "https://x.example/a.jpg",
                "thumbnails", List.of(Map.of("width", 320, "objectKey", "k"))))).isEmpty();
        assertThat(ThumbnailsCreatedDetail.read(Map.of("articleId", ID, "thumbnails", List.of()))).isEmpty();
    }
}
