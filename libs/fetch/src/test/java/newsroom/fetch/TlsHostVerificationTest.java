package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.ContentKind;
import newsroom.core.port.Fetcher.FetchException;

/**
 * The fetcher connects to the checked IP address yet TLS still verifies the certificate against the original host
 * name. A loopback HTTPS server presents a self-signed certificate for news.test only (made with the JDK's keytool).
 */
class TlsHostVerificationTest {

    @TempDir
    static Path dir;
    static LoopbackHttpServer server;
    static SSLContext clientTls;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("news.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "news", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=news.test",
                "-ext", "SAN=dns:news.test", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished: " + output).isTrue();
        assertThat(keytool.exitValue()).as("keytool: " + output).isZero();

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server = new LoopbackHttpServer(https).serve("/", 200, "text/html", "<p>over tls</p>");

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("news", ks.getCertificate("news"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SafeHttpFetcher fetcher() {
        return SafeHttpFetcher.builder(TestFetchers.config(server.port()))
                .resolver(TestFetchers.resolver(Map.of("news.test", "127.0.0.1", "other.test", "127.0.0.1")))
                .addressPolicy(TestFetchers.loopbackForTests())
                .tlsSocketFactory(clientTls.getSocketFactory())
                .sleeper(new TestFetchers.RecordingSleeper())
                .build();
    }

    @Test
    void verifiesTheCertificateAgainstTheHostName_whileConnectingToTheCheckedAddress() throws Exception {
        var r = fetcher().fetch(URI.create("https://news.test:" + server.port() + "/"), ContentKind.HTML);

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>over tls</p>");
    }

    @Test
    void refusesTheConnection_whenTheCertificateIsForAnotherName() {
        FetchException e = catchThrowableOfType(() -> fetcher().fetch(
                URI.create("https://other.test:" + server.port() + "/other"), ContentKind.HTML), FetchException.class);

        assertThat(e.reason()).isEqualTo(FetchFailure.TLS_FAILED);
        assertThat(e.retryable()).isFalse();
        assertThat(server.hits("/other")).isZero();
    }
}
