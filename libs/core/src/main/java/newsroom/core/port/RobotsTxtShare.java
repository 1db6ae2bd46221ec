package newsroom.core.port;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * robots.txt files shared by every fetcher instance, so that a host's robots.txt is fetched once per TTL for all of
 * them rather than once per instance. DynamoDB on AWS (one item per origin); {@link #NONE} where one process is the
 * only fetcher. Last writer wins: two instances that fetched the same file at once store the same thing.
 */
public interface RobotsTxtShare {

    /** Nothing shared: every instance keeps its own cache. */
    RobotsTxtShare NONE = new RobotsTxtShare() {
        @Override
        public Optional<SharedRobotsTxt> find(String origin) {
            return Optional.empty();
        }

        @Override
        public void save(SharedRobotsTxt robots) {
            // nothing shared
        }
    };

    Optional<SharedRobotsTxt> find(String origin);

    void save(SharedRobotsTxt robots);

    /**
     * @param origin      scheme, host and port, e.g. {@code https://news.example}
     * @param allowAll    true when the origin has no usable robots.txt (RFC 9309 "unavailable": crawl freely)
     * @param body        the file as fetched (empty when {@code allowAll})
     * @param contentType its media type, or null
     * @param validators  ETag / Last-Modified for the next conditional GET
     * @param fetchedAt   when it was fetched or last confirmed unchanged
     */
    record SharedRobotsTxt(String origin, boolean allowAll, byte[] body, String contentType,
                           Map<String, String> validators, Instant fetchedAt) {
        public SharedRobotsTxt {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
            body = body == null ? new byte[0] : body.clone();
            validators = Map.copyOf(validators == null ? Map.of() : validators);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SharedRobotsTxt o && origin.equals(o.origin) && allowAll == o.allowAll
                    && Arrays.equals(body, o.body) && Objects.equals(contentType, o.contentType)
                    && validators.equals(o.validators) && fetchedAt.equals(o.fetchedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(origin, allowAll, Arrays.hashCode(body), contentType, validators, fetchedAt);
        }
    }
}
