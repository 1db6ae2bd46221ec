package newsroom.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import newsroom.core.testing.RepoFiles;

/**
 * template.yaml through the SAM translator (samtranslator, installed with cfn-lint), read by
 * {@code sam/template_probe.py}: the route table {@code sam local start-api} builds (SAM CLI's rules for
 * ApiGatewayV2 routes and Lambda integration URIs) and the physical names two stacks would use.
 */
class SamTranslationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static <T> T probe(TypeReference<T> type, String... args) throws Exception {
        Path script = Path.of(SamTranslationTest.class.getResource("/sam/template_probe.py").toURI());
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("template_probe.py finished").isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return JSON.readValue(out, type);
    }

    @Test
    void samLocalStartApiMapsEveryRouteToTheIngestApiFunction() throws Exception {
        List<Map<String, String>> routes = probe(new TypeReference<>() { }, "routes",
                RepoFiles.template().toString());

        assertThat(routes).extracting(r -> r.get("method"), r -> r.get("path"), r -> r.get("function"),
                r -> r.get("payloadFormatVersion")).containsExactlyInAnyOrder(
                tuple("POST", "/articles", "IngestApiFunction", "2.0"),
                tuple("GET", "/articles/{id}", "IngestApiFunction", "2.0"),
                tuple("GET", "/articles", "IngestApiFunction", "2.0"));
    }

    @Test
    void twoStacksInOneAccountAndRegionShareNoPhysicalName() throws Exception {
        TypeReference<Map<String, Object>> type = new TypeReference<>() { };
        Map<String, Object> first = probe(type, "names", RepoFiles.template().toString(), "newsroom-a");
        Map<String, Object> second = probe(type, "names", RepoFiles.template().toString(), "newsroom-b");

        assertThat(first).isNotEmpty().containsKey("ArticleEventBus.Name");
        assertThat(first.keySet()).isEqualTo(second.keySet());
        first.forEach((property, name) -> assertThat(second.get(property)).as(property + " is the same in both"
                + " stacks: a fixed physical name").isNotEqualTo(name));
    }
}
