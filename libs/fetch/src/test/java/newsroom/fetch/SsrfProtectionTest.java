package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.Fetcher.FetchedResource;

/**
 * SSRF: URLs that name or lead to internal addresses must be refused before any connection. Internal services are
 * played by raw listeners on 127.0.0.2 and [::1] that count accepted connections; the only address the test policy
 * allows is 127.0.0.1 (our "public" test server), so every case is judged by the production rules.
 */
class SsrfProtectionTest {

    static ConnectionCounter internalV4;
    static ConnectionCounter internalV6;
    static LoopbackHttpServer publicServer;
    static SafeHttpFetcher fetcher;

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("public.test", "127.0.0.1"),
            Map.entry("localhost", "127.0.0.2"),
            Map.entry("internal.test", "127.0.0.2"),
            Map.entry("metadata.test", "169.254.169.254"),
            Map.entry("private10.test", "10.0.0.1"),
            Map.entry("private172.test", "172.16.5.4"),
            Map.entry("private192.test", "192.168.1.1"),
            Map.entry("cgnat.test", "100.64.0.1"),
            Map.entry("ula.test", "fc00::1"),
            Map.entry("awsv6metadata.test", "fd00:ec2::254"),
            Map.entry("linklocal6.test", "fe80::1"),
            Map.entry("mixed.test", "93.184.215.14,127.0.0.2"),
            Map.entry("mapped-metadata.test", "::ffff:169.254.169.254"),
            Map.entry("documentation.test", "192.0.2.1"),
            Map.entry("benchmark.test", "198.18.0.1"),
            Map.entry("nat64.test", "64:ff9b::7f00:2"),
            Map.entry("sixtofour.test", "2002:7f00:2::1"),
            Map.entry("teredo.test", "2001::1"));

    @BeforeAll
    static void start() throws Exception {
        internalV4 = new ConnectionCounter("127.0.0.2");
        internalV6 = new ConnectionCounter("::1");
        publicServer = new LoopbackHttpServer().serve("/", 200, "text/html", "<p>public</p>");
        publicServer.on("/redirect", ex -> {
            String to = URLDecoder.decode(ex.getRequestURI().getRawQuery().substring(3),
                    StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Location", to);
            ex.sendResponseHeaders(302, -1);
        });
        fetcher = SafeHttpFetcher.builder(TestFetchers.config(publicServer.port(), internalV4.port(),
                        internalV6.port()))
                .resolver(TestFetchers.resolver(NAMES))
                .addressPolicy(TestFetchers.loopbackForTests())
                .sleeper(new TestFetchers.RecordingSleeper())
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        internalV4.close();
        internalV6.close();
        publicServer.close();
    }

    static Stream<String> forbiddenUrls() {
        return Stream.of(
                // IPv4 encodings of 127.0.0.2
                "http://127.0.0.2:{V4}/",
                "HTTP://127.0.0.2:{V4}/",
                "http://2130706434:{V4}/",
                "http://0177.0.0.2:{V4}/",
                "http://0x7f.0.0.2:{V4}/",
                "http://0x7f.0x0.0x0.0x2:{V4}/",
                "http://0x7f.2:{V4}/",
                "http://127.2:{V4}/",
                "http://127.0.2:{V4}/",
                "http://0x7f000002:{V4}/",
                "http://017700000002:{V4}/",
                "http://127.000.000.002:{V4}/",
                "http://127.0.0.2.:{V4}/",
                "http://%31%32%37.0.0.2:{V4}/",
                "http://\uff11\uff12\uff17.\uff10.\uff10.\uff12:{V4}/",
                "http://0.0.0.0:{V4}/",
                "http://0:{V4}/",
                "http://4294967298:{V4}/",
                "http://127.0.0.256:{V4}/",
                "http://1.2.3.4.5:{V4}/",
                // IPv6 forms
                "http://[::1]:{V6}/",
                "http://[0:0:0:0:0:0:0:1]:{V6}/",
                "http://[0000::0001]:{V6}/",
                "http://[::ffff:127.0.0.2]:{V4}/",
                "http://[::ffff:7f00:2]:{V4}/",
                "http://[::127.0.0.2]:{V4}/",
                "http://[::]:{V6}/",
                "http://[fe80::1%25lo]:{V6}/",
                "http://[fd00:ec2::254]/latest/meta-data/",
                "http://[64:ff9b::7f00:2]:{V4}/",
                "http://[2002:7f00:2::]:{V4}/",
                "http://[ff02::1]/",
                "http://[2001:db8::1]/",
                "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
                // names that resolve to special-purpose addresses (the injectable resolver plays DNS)
                "http://localhost:{V4}/",
                "http://LOCALHOST.:{V4}/",
                "http://\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3:{V4}/",
                "http://internal.test:{V4}/",
                "http://metadata.test/latest/meta-data/iam/",
                "http://private10.test/",
                "http://private172.test/",
                "http://private192.test/",
                "http://cgnat.test/",
                "http://ula.test/",
                "http://awsv6metadata.test/",
                "http://linklocal6.test/",
                "http://mixed.test:{V4}/",
                "http://mapped-metadata.test/",
                "http://documentation.test/",
                "http://benchmark.test/",
                "http://nat64.test:{V4}/",
                "http://sixtofour.test:{V4}/",
                "http://teredo.test/",
                // literal special-purpose IPv4 addresses
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/",
                "http://100.64.0.1/",
                "http://192.168.0.1/",
                "http://224.0.0.1/",
                "http://255.255.255.255/",
                "http://240.0.0.1/",
                // user info, schemes, ports
                "http://public.test@127.0.0.2:{V4}/",
                "http://127.0.0.2:{V4}@public.test/",
                "http://user:pass@public.test:{OK}/",
                "file:///etc/passwd",
                "ftp://127.0.0.2:{V4}/",
                "gopher://127.0.0.2:{V4}/_GET%20/",
                "jar:http://127.0.0.2:{V4}/x.jar!/",
                "data:text/html,hello",
                "javascript:alert(1)",
                "//127.0.0.2:{V4}/",
                "http://public.test:22/",
                "http://public.test:0/",
                "http://public.test:99999/",
                // redirects from an allowed server to internal targets, each hop is checked again
                "redirect:http://127.0.0.2:{V4}/",
                "redirect:http://2130706434:{V4}/",
                "redirect:http://[::1]:{V6}/",
                "redirect:http://localhost:{V4}/",
                "redirect:http://metadata.test/latest/meta-data/",
                "redirect:file:///etc/passwd",
                "redirect:gopher://127.0.0.2:{V4}/",
                "redirect:http://user@public.test:{OK}/");
    }

    private static URI url(String template) {
        String text = template.replace("{V4}", String.valueOf(internalV4.port()))
                .replace("{V6}", String.valueOf(internalV6.port()))
                .replace("{OK}", String.valueOf(publicServer.port()));
        if (text.startsWith("redirect:")) {
            String target = text.substring("redirect:".length());
            return URI.create("http://public.test:" + publicServer.port() + "/redirect?to="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
        }
        return URI.create(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenUrls")
    void refusesWithoutConnecting_whenUrlNamesOrLeadsToInternalAddress(String template) {
        int before = internalV4.accepted() + internalV6.accepted();
        long publicRootHitsBefore = publicServer.hits("/");

        FetchException e = catchThrowableOfType(() -> fetcher.fetch(url(template), ContentKind.HTML),
                FetchException.class);

        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).isEqualTo(FetchFailure.URL_NOT_ALLOWED);
        assertThat(e.retryable()).isFalse();
        assertThat(internalV4.accepted() + internalV6.accepted()).as("connections to internal listeners")
                .isEqualTo(before);
        assertThat(publicServer.hits("/")).isEqualTo(publicRootHitsBefore);
    }

    @Test
    void namesTheResolvedPrivateAddress_inTheRefusalDetail() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://private10.test/"), ContentKind.HTML))
                .hasMessage("URL_NOT_ALLOWED (private10.test resolves to a private address 10.0.0.1)");
    }

    @Test
    void namesTheLinkLocalMetadataAddress_inTheRefusalDetail() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://0xa9fea9fe/"), ContentKind.HTML))
                .hasMessage("URL_NOT_ALLOWED (169.254.169.254 is the cloud metadata endpoint 169.254.169.254, "
                        + "which is never allowed)");
    }

    @Test
    void reachesTheAllowedLoopbackServer_onlyThroughTheExplicitTestAllowance() throws Exception {
        URI uri = URI.create("http://public.test:" + publicServer.port() + "/");
        FetchedResource ok = fetcher.fetch(uri, ContentKind.HTML);
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("<p>public</p>");

        SafeHttpFetcher production = SafeHttpFetcher.builder(TestFetchers.config(publicServer.port()))
                .resolver(TestFetchers.resolver(NAMES)).build();
        long hits = publicServer.requests.size();
        FetchException e = catchThrowableOfType(() -> production.fetch(uri, ContentKind.HTML), FetchException.class);
        assertThat(e.reason()).isEqualTo(FetchFailure.URL_NOT_ALLOWED);
        assertThat(publicServer.requests).hasSize((int) hits);
    }

    @Test
    void connectsToTheCheckedAddress_whenResolverAnswersDifferentlyOnLaterCalls() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HostResolver rebinding = host -> List.of(InetAddress.getByName(
                calls.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2"));
        SafeHttpFetcher f = SafeHttpFetcher.builder(TestFetchers.config(publicServer.port()))
                .resolver(rebinding).addressPolicy(TestFetchers.loopbackForTests())
                .sleeper(new TestFetchers.RecordingSleeper()).build();
        int before = internalV4.accepted();
        long rootHits = publicServer.hits("/");

        FetchedResource r = f.fetch(URI.create("http://rebind.test:" + publicServer.port() + "/"), ContentKind.HTML);

        assertThat(r.status()).isEqualTo(200);
        assertThat(publicServer.hits("/")).isEqualTo(rootHits + 1);
        assertThat(internalV4.accepted()).isEqualTo(before);
    }
}
