package newsroom.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * template.yaml as the checks read it. CloudFormation tags ({@code !Ref X}, {@code !GetAtt X.Arn}) are read as
 * their plain argument, so {@code !Ref ContentBucket} reads as {@code "ContentBucket"}; {@link #resolve} turns a
 * reference to a parameter into that parameter's default.
 */
final class SamTemplate {

    final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    static SamTemplate load(Path file) {
        try {
            return new SamTemplate(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    JsonNode resource(String logicalId) {
        JsonNode node = root.path("Resources").path(logicalId);
        if (node.isMissingNode()) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return node;
    }

    /** Logical ids of the resources of that type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.path("Resources").properties()) {
            if (e.getValue().path("Type").asText().equals(type)) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    /** What a deployer passes for the parameters that have no default (deploy --guided asks for them). */
    private static final Map<String, String> DEPLOYER_VALUES = Map.of("BotContactUrl", "https://newsroom.example/bot");

    /** A parameter's default (or deployer value) when {@code value} names a parameter, else the value itself. */
    String resolve(String value) {
        JsonNode parameter = root.path("Parameters").path(value);
        if (parameter.isMissingNode()) {
            return value;
        }
        if (parameter.has("Default")) {
            return parameter.path("Default").asText();
        }
        String given = DEPLOYER_VALUES.get(value);
        if (given == null) {
            throw new AssertionError("parameter " + value + " has no default; add a deployer value to the checks");
        }
        return given;
    }

    /** The environment a function gets: Globals, then its own variables, with parameter references resolved. */
    Map<String, String> environmentOf(String function) {
        Map<String, String> env = new LinkedHashMap<>();
        addVariables(root.path("Globals").path("Function").path("Environment").path("Variables"), env);
        addVariables(resource(function).path("Properties").path("Environment").path("Variables"), env);
        return env;
    }

    private void addVariables(JsonNode variables, Map<String, String> env) {
        for (Map.Entry<String, JsonNode> e : variables.properties()) {
            env.put(e.getKey(), resolve(e.getValue().asText()));
        }
    }

    /**
     * The event types that invoke the function: its SAM event sources ({@code SQS}, {@code EventBridgeRule},
     * {@code ScheduleV2}, …) and {@code HttpApiV2} for each ApiGatewayV2 integration pointing at it.
     */
    List<String> triggersOf(String function) {
        List<String> triggers = new ArrayList<>();
        for (JsonNode event : resource(function).path("Properties").path("Events")) {
            triggers.add(event.path("Type").asText());
        }
        for (String integration : resourcesOfType("AWS::ApiGatewayV2::Integration")) {
            JsonNode properties = resource(integration).path("Properties");
            String uri = properties.path("IntegrationUri").asText();
            if (uri.equals(function) || uri.startsWith(function + ".")
                    || uri.contains(":function:${" + function + "}")) {
                triggers.add("HttpApiV2:" + properties.path("PayloadFormatVersion").asText());
            }
        }
        return triggers;
    }
}
