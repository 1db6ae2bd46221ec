package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "8.8.8.8", "172.15.255.255", "172.32.0.0", "100.63.255.255",
            "100.128.0.0", "169.253.255.255", "192.0.1.255", "198.17.255.255", "198.20.0.0", "223.255.255.255",
            "2606:4700:4700::1111", "2001:4860:4860::8888", "2001:200::1", "::ffff:93.184.215.14"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(AddressPolicy.publicOnly().refusal(ip(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.1.2.3|an unspecified (\"this network\") address 0.1.2.3",
            "10.255.255.255|a private address 10.255.255.255",
            "100.64.0.0|a shared (CGNAT) address 100.64.0.0",
            "100.127.255.255|a shared (CGNAT) address 100.127.255.255",
            "127.255.0.1|a loopback address 127.255.0.1",
            "169.254.169.254|the cloud metadata endpoint 169.254.169.254, which is never allowed",
            "169.254.1.1|a link-local (cloud metadata) address 169.254.1.1",
            "172.16.0.0|a private address 172.16.0.0",
            "172.31.255.255|a private address 172.31.255.255",
            "192.0.0.8|an IETF protocol assignment address 192.0.0.8",
            "192.0.2.200|a documentation address 192.0.2.200",
            "192.88.99.1|a 6to4 relay anycast address 192.88.99.1",
            "192.168.255.1|a private address 192.168.255.1",
            "198.19.255.255|a benchmarking address 198.19.255.255",
            "198.51.100.1|a documentation address 198.51.100.1",
            "203.0.113.255|a documentation address 203.0.113.255",
            "239.255.255.250|a multicast address 239.255.255.250",
            "250.1.1.1|a reserved address 250.1.1.1",
            "255.255.255.255|a reserved address 255.255.255.255",
            "::|an unspecified address 0:0:0:0:0:0:0:0",
            "::1|a loopback address 0:0:0:0:0:0:0:1",
            "::ffff:10.1.2.3|a private address 10.1.2.3",
            "::10.1.2.3|an IPv4-compatible address 0:0:0:0:0:0:a01:203",
            "64:ff9b::808:808|a NAT64 address 64:ff9b:0:0:0:0:808:808",
            "64:ff9b:1::1|a NAT64 (local use) address 64:ff9b:1:0:0:0:0:1",
            "100::1|a discard-only address 100:0:0:0:0:0:0:1",
            "2001:0:4136:e378::1|an IETF protocol assignment address 2001:0:4136:e378:0:0:0:1",
            "2001:db8:1::1|a documentation address 2001:db8:1:0:0:0:0:1",
            "2002:808:808::1|a 6to4 address 2002:808:808:0:0:0:0:1",
            "fd00:ec2::254|the cloud metadata endpoint fd00:ec2:0:0:0:0:0:254, which is never allowed",
            "fd00:ec2::253|a private (unique local) address fd00:ec2:0:0:0:0:0:253",
            "fc00::1|a private (unique local) address fc00:0:0:0:0:0:0:1",
            "fe80::1|a link-local address fe80:0:0:0:0:0:0:1",
            "febf::1|a link-local address febf:0:0:0:0:0:0:1",
            "ff02::1|a multicast address ff02:0:0:0:0:0:0:1"})
    void refusesSpecialPurposeAddresses_namingTheRange(String address, String refusal) throws Exception {
        assertThat(AddressPolicy.publicOnly().refusal(ip(address))).contains(refusal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1"})
    void testAllowanceAppliesOnlyToItsBlock(String allowed) throws Exception {
        AddressPolicy policy = AddressPolicy.publicOnly().allowingForTests(allowed + "/32");
        assertThat(policy.allows(ip(allowed))).isTrue();
        assertThat(policy.allows(ip("127.0.0.2"))).isFalse();
        assertThat(AddressPolicy.publicOnly().allows(ip(allowed))).isFalse();
    }
}
