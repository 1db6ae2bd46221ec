package newsroom.core.model;

/**
 * Thrown by the domain when an input can never be accepted as it is (retrying will not help). The ingest service
 * turns it into a {@code rejected} outcome; handlers map it to HTTP 4xx or a recorded, counted skip.
 */
public class ArticleRejectedException extends RuntimeException {
    private final Rejection rejection;

    public ArticleRejectedException(Rejection.Code code, String detail) {
        super(code + ": " + detail, null, false, false);
        this.rejection = new Rejection(code, detail);
    }

    public Rejection rejection() {
        return rejection;
    }
}
