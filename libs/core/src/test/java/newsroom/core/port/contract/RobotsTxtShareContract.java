package newsroom.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.port.RobotsTxtShare;
import newsroom.core.port.RobotsTxtShare.SharedRobotsTxt;

/** The contract of {@link RobotsTxtShare}, run against every adapter. */
public abstract class RobotsTxtShareContract {

    private static final Instant FETCHED = Instant.parse("2025-02-12T15:15:00Z");

    protected RobotsTxtShare share;

    protected abstract RobotsTxtShare newShare();

    @BeforeEach
    void setUp() {
        share = newShare();
    }

    @Test
    void findsNothing_forAnOriginNeverSaved() {
        assertThat(share.find("https://news.example")).isEmpty();
    }

    @Test
    void returnsTheSavedFileWithItsValidators() {
        SharedRobotsTxt robots = new SharedRobotsTxt("https://news.example", false,
                "User-agent: *\nCrawl-delay: 2\n".getBytes(StandardCharsets.UTF_8), "text/plain",
                Map.of("ETag", "\"r1\""), FETCHED);

        share.save(robots);

        assertThat(share.find("https://news.example")).contains(robots);
        assertThat(share.find("http://news.example")).isEmpty();
    }

    @Test
    void keepsAnAllowAllAnswerWithoutABody() {
        SharedRobotsTxt none = new SharedRobotsTxt("http://127.0.0.1:8080", true, null, null, Map.of(), FETCHED);

        share.save(none);

        assertThat(share.find("http://127.0.0.1:8080")).contains(none);
    }

    @Test
    void replacesTheFile_whenSavedAgain() {
        share.save(new SharedRobotsTxt("https://news.example", true, null, null, Map.of(), FETCHED));
        SharedRobotsTxt newer = new SharedRobotsTxt("https://news.example", false,
                "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of(),
                FETCHED.plusSeconds(3600));

        share.save(newer);

        assertThat(share.find("https://news.example")).contains(newer);
    }
}
