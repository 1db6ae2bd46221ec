package newsroom.local.invoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the variables of {@code --env FILE}: a JSON object of names to values, the {@code sam local invoke
 * --env-vars} shape ({@code {"Parameters": {…}, "FeedPollerFunction": {…}}}: Parameters for every function, then
 * the function's own), or {@code KEY=VALUE} lines ({@code #} comments and blank lines ignored).
 */
final class EnvironmentFile {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long MAX_BYTES = 1 << 20;

    private EnvironmentFile() {
    }

    /** @throws IllegalArgumentException naming the file and the line or key that is wrong */
    static Map<String, String> read(Path file, String functionLogicalId) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + ": larger than " + MAX_BYTES + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        return text.stripLeading().startsWith("{") ? json(file, text, functionLogicalId) : lines(file, text);
    }

    private static Map<String, String> json(Path file, String text, String function) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        Map<String, String> env = new LinkedHashMap<>();
        boolean samShape = root.path("Parameters").isObject() || root.path(function).isObject();
        if (samShape) {
            flat(file, root.path("Parameters"), env);
            flat(file, root.path(function), env);
        } else {
            flat(file, root, env);
        }
        return env;
    }

    private static void flat(Path file, JsonNode object, Map<String, String> env) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!e.getValue().isValueNode() || !NAME.matcher(e.getKey()).matches()) {
                if (e.getValue().isObject()) {
                    continue; // another function's section in the SAM shape
                }
                throw new IllegalArgumentException(file + ": '" + e.getKey()
                        + "' must be a variable name with a string, number or boolean value");
            }
            env.put(e.getKey(), e.getValue().asText());
        }
    }

    private static Map<String, String> lines(Path file, String text) {
        Map<String, String> env = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected KEY=VALUE, got '" + line + "'");
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(name, value);
        }
        return env;
    }
}
