package newsroom.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site config's private-network allow-list key: empty by default, read as a list, a bad entry named. */
class SiteConfigFetchNetworksTest {

    @TempDir
    Path dir;

    private SiteConfig load(String yaml) throws IOException {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, yaml);
        return SiteConfigLoader.load(file);
    }

    @Test
    void isEmptyByDefault() throws IOException {
        assertThat(load("timeZone: UTC\n").fetchAllowedNetworks()).isEmpty();
        assertThat(SiteConfig.defaults().fetchAllowedNetworks()).isEmpty();
    }

    @Test
    void readsBlocksWithAndWithoutPorts() throws IOException {
        SiteConfig config = load("fetchAllowedNetworks: [\"10.20.0.0/16\", \"127.0.0.1/32:8080\", "
                + "\"fd12:3456::/48:8000-8099\"]\n");

        assertThat(config.fetchAllowedNetworks())
                .isEqualTo(List.of("10.20.0.0/16", "127.0.0.1/32:8080", "fd12:3456::/48:8000-8099"));
    }

    @Test
    void refusesAnEntryThatIsNotACidrBlock_namingTheKey() {
        assertThatThrownBy(() -> load("fetchAllowedNetworks: [intranet.local]\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("key 'fetchAllowedNetworks': 'intranet.local' is not a CIDR block");
    }
}
