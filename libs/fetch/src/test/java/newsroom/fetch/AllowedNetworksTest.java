package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;

/**
 * The operator's private-network allow-list: reaches exactly what it names, on the ports it names, and never the
 * metadata endpoints or the Lambda Runtime API. No test allowance is used here: the list alone opens loopback.
 */
class AllowedNetworksTest {

    private LoopbackHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackHttpServer();
        server.serve("/a", 200, "text/html", "<p>staging page</p>");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SafeHttpFetcher fetcher(Map<String, String> env) {
        HashMap<String, String> vars = new HashMap<>(env);
        vars.put("NEWSROOM_FETCH_CONTACT_URL", TestFetchers.CONTACT);
        vars.put("NEWSROOM_FETCH_HOST_DELAY_MS", "0");
        return SafeHttpFetcher.builder(FetcherConfig.fromMap(vars))
                .resolver(TestFetchers.resolver(Map.of("cms.staging", "127.0.0.1", "public.test", "93.184.215.14")))
                .build();
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
    }

    @Test
    void parsesBlocksWithAndWithoutPorts() {
        assertThat(AllowedNetwork.parseAll(List.of("10.20.0.0/16, 127.0.0.1/32:8080", "fd12:3456::/48:8000-8099")))
                .extracting(AllowedNetwork::toString)
                .containsExactly("10.20.0.0/16", "127.0.0.1/32:8080", "fd12:3456::/48:8000-8099");
    }

    @Test
    void refusesEntriesThatAreNotCidrBlocks_sayingWhy() {
        assertThatThrownBy(() -> AllowedNetwork.parse("10.0.0.1")).hasMessageContaining("not a CIDR block");
        assertThatThrownBy(() -> AllowedNetwork.parse("10.0.0.0/33")).hasMessageContaining("not a CIDR block");
        assertThatThrownBy(() -> AllowedNetwork.parse("staging.local/24")).hasMessageContaining("not a CIDR block");
        assertThatThrownBy(() -> AllowedNetwork.parse("10.0.0.0/8:http")).hasMessageContaining("not a port");
        assertThatThrownBy(() -> AllowedNetwork.parse("10.0.0.0/8:9000-8000")).hasMessageContaining("ports must be");
    }

    @Test
    void aBadVariableStopsTheStart_namingIt() {
        assertThatThrownBy(() -> fetcher(Map.of(FetcherConfig.ALLOWED_NETWORKS, "10.0.0.0/8, intranet")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("NEWSROOM_FETCH_ALLOWED_NETWORKS").hasMessageContaining("'intranet'");
    }

    @Test
    void reachesALoopbackServer_onlyWhenTheListNamesItsNetworkAndPort() throws Exception {
        URI page = URI.create("http://cms.staging:" + server.port() + "/a");

        FetchException before = catchThrowableOfType(() -> fetcher(Map.of()).fetch(page, ContentKind.HTML),
                FetchException.class);
        FetchException otherPort = catchThrowableOfType(() -> fetcher(Map.of(FetcherConfig.ALLOWED_NETWORKS,
                "127.0.0.0/8:" + (server.port() + 1))).fetch(page, ContentKind.HTML), FetchException.class);
        String body = new String(fetcher(Map.of(FetcherConfig.ALLOWED_NETWORKS, "127.0.0.0/8:" + server.port()))
                .fetch(page, ContentKind.HTML).body(), StandardCharsets.UTF_8);

        assertThat(before.reason()).isEqualTo(FetchFailure.URL_NOT_ALLOWED);
        assertThat(otherPort.reason()).isEqualTo(FetchFailure.URL_NOT_ALLOWED);
        assertThat(body).isEqualTo("<p>staging page</p>");
        assertThat(server.hits("/a")).isEqualTo(1);
    }

    @Test
    void anEntryWithoutPorts_opensTheNetworkOnTheAllowedPortsOnly() throws Exception {
        AddressPolicy policy =
                AddressPolicy.publicOnly().allowingNetworks(AllowedNetwork.parseAll(List.of("10.0.0.0/8")));

        assertThat(policy.refusal(ip("10.1.2.3"), 443, true)).isEmpty();
        assertThat(policy.refusal(ip("10.1.2.3"), 8080, false)).contains(
                "a private address 10.1.2.3 (allowed networks 10.0.0.0/8 do not allow port 8080)");
        assertThat(policy.refusal(ip("192.168.1.1"), 443, true)).contains("a private address 192.168.1.1");
    }

    @Test
    void aPortOpenedForAPrivateNetwork_isNotOpenedForPublicAddresses() {
        FetchException e = catchThrowableOfType(() -> fetcher(Map.of(FetcherConfig.ALLOWED_NETWORKS,
                "10.0.0.0/8:8080")).fetch(URI.create("http://public.test:8080/"), ContentKind.HTML),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.URL_NOT_ALLOWED);
        assertThat(e.detail()).isEqualTo("public.test resolves to the public address 93.184.215.14 on port 8080, "
                + "which is allowed only on 10.0.0.0/8:8080");
    }

    @Test
    void neverOpensTheMetadataAndCredentialEndpoints_whateverTheListSays() throws Exception {
        AddressPolicy policy = AddressPolicy.publicOnly()
                .allowingNetworks(AllowedNetwork.parseAll(List.of("169.254.0.0/16", "fd00::/8", "0.0.0.0/0")))
                .allowingForTests("169.254.0.0/16");

        assertThat(policy.refusal(ip("169.254.169.254"))).contains(
                "the cloud metadata endpoint 169.254.169.254, which is never allowed");
        assertThat(policy.refusal(ip("169.254.170.2"))).contains(
                "the container credentials endpoint 169.254.170.2, which is never allowed");
        assertThat(policy.refusal(ip("fd00:ec2::254"))).contains(
                "the cloud metadata endpoint fd00:ec2:0:0:0:0:0:254, which is never allowed");
        assertThat(policy.refusal(ip("::ffff:169.254.169.254"))).isPresent();
        assertThat(policy.refusal(ip("169.254.10.10"))).isEmpty();
    }

    @Test
    void neverReachesTheLambdaRuntimeApi_evenWhenItsNetworkIsListed() throws Exception {
        URI runtimeApi = URI.create("http://127.0.0.1:" + server.port() + "/a");

        FetchException e = catchThrowableOfType(() -> fetcher(Map.of(
                FetcherConfig.ALLOWED_NETWORKS, "127.0.0.0/8:" + server.port(),
                "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.port())).fetch(runtimeApi, ContentKind.HTML),
                FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.URL_NOT_ALLOWED);
        assertThat(e.detail()).contains("the Lambda Runtime API 127.0.0.1, which is never allowed");
        assertThat(server.requests).isEmpty();
    }
}
