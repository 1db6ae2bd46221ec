package newsroom.aws;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ObjectStore;

/**
 * {@link ObjectStore} on one S3 bucket. Encryption, versioning and public-access blocking are bucket settings made
 * by the template, not per request.
 *
 * <p>{@link #put} is idempotent without creating garbage: every object carries the SHA-256 of its bytes as the
 * user metadata {@value #SHA256_METADATA}; a put whose bytes are already stored under that key is skipped, so a
 * redelivered message adds no noncurrent version and no S3 notification. Different bytes overwrite (an updated
 * article keeps its key for life); the index's conditional commit, not S3, decides which version is current, so
 * no {@code If-None-Match} is sent (it would make updates fail). A single PUT is atomic in S3.
 *
 * <p>{@link #putIfMatch} sends {@code If-Match} with the ETag {@link #getTagged} read (S3 conditional writes):
 * 412 Precondition Failed (the object was overwritten since) and 404 are "did not write", 409
 * ConditionalRequestConflict (a concurrent conditional write) is thrown for a retry.
 */
public final class S3ObjectStore implements ObjectStore {

    /** User metadata key holding the lower-case hex SHA-256 of the object's bytes. */
    public static final String SHA256_METADATA = "content-sha256";

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        ObjectKeys.requireValid(key);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        String sha256 = ArticleId.sha256Hex(content);
        if (storedSha256(key).filter(sha256::equals).isPresent()) {
            return;
        }
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                        .metadata(Map.of(SHA256_METADATA, sha256)),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        ObjectKeys.requireValid(key);
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Tagged> getTagged(String key) {
        ObjectKeys.requireValid(key);
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(new Tagged(bytes.asByteArray(), bytes.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean putIfMatch(String key, byte[] content, String contentType, String tag) {
        ObjectKeys.requireValid(key);
        Objects.requireNonNull(tag, "tag");
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).ifMatch(tag)
                            .metadata(Map.of(SHA256_METADATA, ArticleId.sha256Hex(content))),
                    RequestBody.fromBytes(content));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String locationOf(String key) {
        return "s3://" + bucket + "/" + ObjectKeys.requireValid(key);
    }

    /** SnapStart priming: a HEAD of {@code key}, read-only; 404 is the expected answer. */
    void primeHead(String key) {
        storedSha256(ObjectKeys.requireValid(key));
    }

    private Optional<String> storedSha256(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.ofNullable(head.metadata().get(SHA256_METADATA));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty(); // HEAD has no body, so S3 cannot say NoSuchKey
            }
            throw e;
        }
    }
}
