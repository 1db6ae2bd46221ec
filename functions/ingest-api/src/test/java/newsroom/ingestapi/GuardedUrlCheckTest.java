package newsroom.ingestapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import newsroom.fetch.AddressPolicy;
import newsroom.fetch.HostResolver;
import newsroom.fetch.UrlGuard;

/** The production URL check: the fetch module's guard with a scripted resolver (no DNS in tests). */
class GuardedUrlCheckTest {

    private static final Map<String, String> DNS = Map.of(
            "news.example.com", "93.184.215.14",
            "intranet.example.com", "10.0.0.5",
            "metadata.example.com", "169.254.169.254");

    private final HostResolver resolver = host -> {
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address));
    };

    private final GuardedUrlCheck check =
            new GuardedUrlCheck(new UrlGuard(resolver, AddressPolicy.publicOnly(), Set.of(80, 443)));

    @Test
    void acceptsAPublicSite() {
        assertThat(check.refusal(URI.create("https://news.example.com/a"))).isEmpty();
    }

    @Test
    void refusesANameThatResolvesToAPrivateAddress() {
        assertThat(check.refusal(URI.create("https://intranet.example.com/admin")))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("URL_NOT_ALLOWED ("));
    }

    @Test
    void refusesTheCloudMetadataAddress() {
        assertThat(check.refusal(URI.create("http://metadata.example.com/latest/meta-data/")))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("URL_NOT_ALLOWED ("));
    }

    @Test
    void refusesAnOddPort() {
        assertThat(check.refusal(URI.create("https://news.example.com:8443/a")))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("URL_NOT_ALLOWED ("));
    }

    @Test
    void acceptsAHostThatDoesNotResolveNow_theFetcherChecksAgain() {
        assertThat(check.refusal(URI.create("https://not-yet.example.org/a"))).isEqualTo(Optional.empty());
    }
}
