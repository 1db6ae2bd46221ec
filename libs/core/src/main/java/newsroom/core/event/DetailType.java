package newsroom.core.event;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The detail-types this product emits (docs/events.md). The rules of template.yaml match on the wire name
 * ({@link #wireName()}), which is also what JSON and {@link #toString()} give.
 */
public enum DetailType {
    /** First version of an article stored. */
    ARTICLE_STORED("ArticleStored"),
    /** Changed content stored as version n+1. */
    ARTICLE_UPDATED("ArticleUpdated"),
    /** One translation written. */
    ARTICLE_TRANSLATED("ArticleTranslated"),
    /** The thumbnail variants of one image written. */
    THUMBNAILS_CREATED("ThumbnailsCreated");

    private final String wireName;

    DetailType(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code detail-type} as EventBridge carries it: {@code ArticleStored}, … */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * The type whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException for a detail-type this product does not emit
     */
    public static DetailType fromWireName(String wireName) {
        for (DetailType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown detail-type " + wireName + "; known: "
                + Arrays.stream(values()).map(DetailType::wireName).toList());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
