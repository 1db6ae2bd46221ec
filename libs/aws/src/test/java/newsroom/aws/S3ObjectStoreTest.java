package newsroom.aws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.adobe.testing.s3mock.S3MockApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import newsroom.core.port.ObjectStore;
import newsroom.core.port.contract.ObjectStoreContract;

/** {@link S3ObjectStore} against Adobe S3Mock running in this JVM on a free loopback port. */
class S3ObjectStoreTest extends ObjectStoreContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3MockApplication s3mock;
    private static Path root;
    private static S3Client s3;
    private String bucket;

    @BeforeAll
    static void startS3Mock() throws Exception {
        root = Files.createTempDirectory("s3mock");
        // start() adds to the map, so it must be mutable
        s3mock = S3MockApplication.start(new HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_ROOT_DIRECTORY, root.toString(),
                S3MockApplication.PROP_SILENT, true)));
        s3 = TestAws.clients(Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3mock.getHttpPort())).s3();
    }

    @AfterAll
    static void stopS3Mock() {
        s3.close();
        s3mock.stop();
        TestAws.deleteRecursively(root);
    }

    @Override
    protected ObjectStore newStore() {
        bucket = "content-" + BUCKETS.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        return new S3ObjectStore(s3, bucket);
    }

    @Test
    void addsNoObjectVersion_whenSameBytesArePutAgainInAVersionedBucket() {
        store.put("content/en/a.md", "same".getBytes(UTF_8), MARKDOWN);
        store.put("content/en/a.md", "same".getBytes(UTF_8), MARKDOWN);

        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix("content/en/a.md")).versions()).hasSize(1);
    }

    @Test
    void addsAnObjectVersion_whenChangedBytesArePut() {
        store.put("content/en/a.md", "v1".getBytes(UTF_8), MARKDOWN);
        store.put("content/en/a.md", "v2".getBytes(UTF_8), MARKDOWN);

        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix("content/en/a.md")).versions()).hasSize(2);
    }

    @Test
    void storesContentTypeAndChecksum_whenObjectIsPut() {
        store.put("content/en/a.md", "body".getBytes(UTF_8), "text/markdown");

        var head = s3.headObject(b -> b.bucket(bucket).key("content/en/a.md"));
        assertThat(head.contentType()).isEqualTo("text/markdown");
        assertThat(head.metadata()).containsEntry(S3ObjectStore.SHA256_METADATA,
                "230d8358dc8e8890b4c58deeb62912ee2f20357ae92a5cc861b98e68fe31acb5");
    }

    @Test
    void namesBucketAndKey_whenLocationIsAsked() {
        assertThat(store.locationOf("content/en/a.md")).isEqualTo("s3://" + bucket + "/content/en/a.md");
    }
}
