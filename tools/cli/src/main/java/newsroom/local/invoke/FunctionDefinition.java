package newsroom.local.invoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One function of template.yaml as a local run needs it: handler, shaded jar, timeout, memory, and the environment
 * variables whose values the template can give without AWS (Globals and function variables that are literals or
 * references to parameters with a default). Variables that reference stack resources ({@code !Ref ContentBucket})
 * are left out: the caller supplies them (e.g. {@code --env}).
 *
 * @param code absolute path of the function's code (CodeUri resolved against the template's folder): the shaded jar
 *             {@code mvn package} makes, or a folder laid out as Lambda unpacks a .zip (what {@code sam build}
 *             writes under {@code .aws-sam/build/<LogicalId>}: classes at the root, dependency jars in {@code lib/})
 */
record FunctionDefinition(String logicalId, String handler, Path code, int timeoutSeconds, int memoryMb,
                          Map<String, String> environment) {

    static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    /** @throws IllegalArgumentException naming the function and what the template lacks */
    static FunctionDefinition read(Path template, String logicalId) {
        JsonNode root;
        try {
            root = new ObjectMapper(YAMLFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build()).build())
                    .readTree(template.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + template + ": " + e.getMessage());
        }
        JsonNode resources = root.path("Resources");
        JsonNode function = resources.path(logicalId);
        if (!function.path("Type").asText().equals(FUNCTION_TYPE)) {
            throw new IllegalArgumentException("template.yaml has no function '" + logicalId + "' (functions: "
                    + String.join(", ", functionIds(resources)) + ")");
        }
        JsonNode globals = root.path("Globals").path("Function");
        JsonNode properties = function.path("Properties");
        String handler = properties.path("Handler").asText(globals.path("Handler").asText());
        String codeUri = properties.path("CodeUri").asText(globals.path("CodeUri").asText());
        if (handler.isEmpty() || codeUri.isEmpty()) {
            throw new IllegalArgumentException(logicalId + " has no Handler or CodeUri in template.yaml");
        }
        int timeout = properties.path("Timeout").asInt(globals.path("Timeout").asInt(3));
        int memory = number(properties.path("MemorySize"), globals.path("MemorySize"), root.path("Parameters"), 512);
        Map<String, String> env = new LinkedHashMap<>();
        addVariables(globals.path("Environment").path("Variables"), root.path("Parameters"), resources, env);
        addVariables(properties.path("Environment").path("Variables"), root.path("Parameters"), resources, env);
        Path base = template.toAbsolutePath().getParent();
        return new FunctionDefinition(logicalId, handler, base.resolve(codeUri).normalize(), timeout, memory, env);
    }

    /** The class path Lambda's Java runtime builds from the code: a jar; or a folder, then its {@code lib/*.jar}. */
    List<Path> classpath() {
        if (!Files.isDirectory(code)) {
            return List.of(code);
        }
        List<Path> paths = new ArrayList<>();
        paths.add(code);
        Path lib = code.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(paths::add);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + lib + ": " + e.getMessage());
            }
        }
        return paths;
    }

    static List<String> functionIds(JsonNode resources) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            if (e.getValue().path("Type").asText().equals(FUNCTION_TYPE)) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    /** YAML tags are dropped by the reader, so {@code !Ref X} reads as "X": a parameter, a resource, or a literal. */
    private static void addVariables(JsonNode variables, JsonNode parameters, JsonNode resources,
                                     Map<String, String> env) {
        for (Map.Entry<String, JsonNode> e : variables.properties()) {
            JsonNode value = e.getValue();
            if (!value.isValueNode()) {
                env.remove(e.getKey());
                continue;
            }
            String text = value.asText();
            JsonNode parameter = parameters.path(text);
            if (!parameter.isMissingNode()) {
                if (parameter.has("Default")) {
                    env.put(e.getKey(), parameter.path("Default").asText());
                } else {
                    env.remove(e.getKey());
                }
            } else if (resources.has(text) || text.contains("${")
                    || text.contains(".") && resources.has(text.substring(0, text.indexOf('.')))) {
                env.remove(e.getKey()); // a stack resource: only known once deployed
            } else {
                env.put(e.getKey(), text);
            }
        }
    }

    private static int number(JsonNode own, JsonNode global, JsonNode parameters, int fallback) {
        JsonNode node = own.isMissingNode() ? global : own;
        if (node.isMissingNode()) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.asInt();
        }
        JsonNode parameter = parameters.path(node.asText());
        return parameter.path("Default").asInt(fallback);
    }
}
