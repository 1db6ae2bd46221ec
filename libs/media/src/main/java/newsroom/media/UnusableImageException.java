package newsroom.media;

import java.util.Objects;

/** The fetched bytes can never become thumbnails; carries the typed reason the service reports as a skip. */
final class UnusableImageException extends Exception {

    private final ThumbnailService.SkipReason reason;

    UnusableImageException(ThumbnailService.SkipReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    ThumbnailService.SkipReason reason() {
        return reason;
    }
}
