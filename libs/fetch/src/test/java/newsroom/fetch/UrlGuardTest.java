package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;

/** Normalization done by the guard before the address check, with a resolver that maps every name to public IPs. */
class UrlGuardTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final UrlGuard guard = new UrlGuard(host -> {
        lookups.incrementAndGet();
        return List.of(InetAddress.getByName("93.184.215.14"));
    }, AddressPolicy.publicOnly(), Set.of(80, 443, 8443));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP://News.Example.COM/a?b=1#frag|http://news.example.com/a?b=1",
            "https://news.example.com:443/|https://news.example.com/",
            "http://news.example.com:80|http://news.example.com/",
            "https://news.example.com:8443/x|https://news.example.com:8443/x",
            "http://b\u00fccher.example/buch|http://xn--bcher-kva.example/buch",
            "http://news.example.com./a|http://news.example.com/a",
            "http://1572394766/|http://93.184.215.14/",
            "http://0x5d.0270.0xd70e/|http://93.184.215.14/",
            "http://93.12113678/|http://93.184.215.14/",
            "http://[2606:4700:4700::1111]/|http://[2606:4700:4700:0:0:0:0:1111]/",
            "http://news.example.com/caf\u00e9?q=\u00e9t\u00e9|http://news.example.com/caf%C3%A9?q=%C3%A9t%C3%A9"})
    void normalizesTheUrlBeforeChecking(String input, String normalized) throws FetchException {
        assertThat(guard.check(URI.create(input)).uri()).hasToString(normalized);
    }

    @Test
    void resolvesTheHostExactlyOnce_andBindsTheCheckedAddress() throws Exception {
        CheckedTarget t = guard.check(URI.create("https://news.example.com/a"));

        assertThat(lookups.get()).isEqualTo(1);
        assertThat(t.address().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(t.host()).isEqualTo("news.example.com");
        assertThat(t.hostHeader()).isEqualTo("news.example.com");
        assertThat(t.requestTarget()).isEqualTo("/a");
    }

    @Test
    void doesNotResolveIpLiterals() throws Exception {
        guard.check(URI.create("http://93.184.215.14/"));

        assertThat(lookups.get()).isZero();
    }

    @Test
    void refusesPortsNotConfigured() {
        assertThatThrownBy(() -> guard.check(URI.create("http://news.example.com:8080/")))
                .hasMessage("URL_NOT_ALLOWED (port 8080 is not allowed (allowed: [80, 443, 8443]))");
    }

    @Test
    void refusesUserInfo() {
        assertThatThrownBy(() -> guard.check(URI.create("https://me@news.example.com/")))
                .hasMessage("URL_NOT_ALLOWED (URLs with user info are not allowed)");
        assertThat(lookups.get()).isZero();
    }

    @Test
    void refusesOtherSchemes_namingTheScheme() {
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd")))
                .hasMessage("URL_NOT_ALLOWED (scheme 'file' is not allowed, only http and https)");
    }

    @Test
    void reportsUnknownHost_whenTheNameDoesNotResolve() {
        UrlGuard nothing = new UrlGuard(TestFetchers.resolver(Map.of()), AddressPolicy.publicOnly(), Set.of(80));

        assertThatThrownBy(() -> nothing.check(URI.create("http://nowhere.example/")))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(FetchFailure.UNKNOWN_HOST));
    }
}
