package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.translate.TranslateClient;

import newsroom.aws.AmazonTranslateTranslator.UnsupportedTranslationException;
import newsroom.aws.FakeAwsEndpoint.Request;
import newsroom.aws.FakeAwsEndpoint.Response;

/**
 * {@link AmazonTranslateTranslator} against a loopback server speaking TranslateText over Smithy RPC v2 CBOR (the
 * protocol the SDK uses for Translate): the request sent, the size limit, unsupported pairs and throttling.
 */
class AmazonTranslateTranslatorTest {

    private static final ObjectMapper CBOR = new CBORMapper();
    private static FakeAwsEndpoint endpoint;
    private static TranslateClient translate;
    private AmazonTranslateTranslator translator;

    @BeforeAll
    static void startEndpoint() throws IOException {
        endpoint = new FakeAwsEndpoint();
        translate = TestAws.clients(Map.of("AWS_ENDPOINT_URL_TRANSLATE", endpoint.endpoint())).translate();
    }

    @AfterAll
    static void stopEndpoint() {
        translate.close();
        endpoint.close();
    }

    @BeforeEach
    void createTranslator() {
        translator = new AmazonTranslateTranslator(translate);
    }

    @Test
    void returnsTranslatedTextAndSendsBothLanguages_whenPairIsSupported() {
        endpoint.respondWith(r -> cbor(200, Map.of("TranslatedText", "Bonjour le monde", "SourceLanguageCode", "en",
                "TargetLanguageCode", "fr")));

        String translated = translator.translate("Hello world", "en", "fr");

        assertThat(translated).isEqualTo("Bonjour le monde");
        JsonNode sent = body(endpoint.requests().get(0));
        assertThat(sent.get("Text").asText()).isEqualTo("Hello world");
        assertThat(sent.get("SourceLanguageCode").asText()).isEqualTo("en");
        assertThat(sent.get("TargetLanguageCode").asText()).isEqualTo("fr");
        assertThat(endpoint.requests().get(0).path()).endsWith("/operation/TranslateText");
    }

    @Test
    void refusesWithoutCalling_whenTextIsOverTenThousandBytes() {
        endpoint.respondWith(r -> cbor(200, Map.of("TranslatedText", "x")));
        String text = "é".repeat(5_001); // 5,001 characters, 10,002 bytes

        assertThatThrownBy(() -> translator.translate(text, "fr", "en"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10002");
        assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void sendsText_whenItIsExactlyTenThousandBytes() {
        endpoint.respondWith(r -> cbor(200, Map.of("TranslatedText", "ok", "SourceLanguageCode", "fr",
                "TargetLanguageCode", "en")));

        assertThat(translator.translate("é".repeat(5_000), "fr", "en")).isEqualTo("ok");
        assertThat(translator.maxRequestBytes()).isEqualTo(10_000);
    }

    @Test
    void failsNamingThePair_whenTranslateDoesNotSupportIt() {
        endpoint.respondWith(r -> cbor(400, Map.of("__type", "com.amazonaws.translate#UnsupportedLanguagePairException",
                "Message", "Unsupported language pair: en to xx", "SourceLanguageCode", "en",
                "TargetLanguageCode", "xx")));

        assertThatThrownBy(() -> translator.translate("Hello", "en", "xx"))
                .isInstanceOf(UnsupportedTranslationException.class)
                .hasMessageStartingWith("Amazon Translate cannot translate en to xx");
        assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void retriesAndSucceeds_whenTranslateThrottlesOnce() {
        endpoint.respondWith(r -> r.number() == 1
                ? cbor(400, Map.of("__type", "com.amazonaws.translate#TooManyRequestsException",
                        "Message", "Rate exceeded"))
                : cbor(200, Map.of("TranslatedText", "Hallo", "SourceLanguageCode", "en",
                        "TargetLanguageCode", "de")));

        assertThat(translator.translate("Hello", "en", "de")).isEqualTo("Hallo");
        assertThat(endpoint.requests()).hasSize(2);
    }

    private static Response cbor(int status, Map<String, String> body) {
        try {
            return new Response(status, "application/cbor", Map.of("smithy-protocol", "rpc-v2-cbor"),
                    CBOR.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode body(Request request) {
        try {
            return CBOR.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
