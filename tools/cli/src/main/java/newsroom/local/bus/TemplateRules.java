package newsroom.local.bus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The EventBridge rules written in {@code template.yaml}: every {@code EventBridgeRule} event source of a
 * serverless function, and every {@code AWS::Events::Rule} whose targets name a function with {@code !GetAtt}.
 * The local bus routes with exactly these patterns, so local routing is what the deployed rules do.
 * (CloudFormation tags such as {@code !Ref} are read as plain values; only patterns and target names are used.)
 */
public final class TemplateRules {

    /** One rule: its name, the logical id of the function it invokes, and its event pattern as JSON. */
    public record Rule(String name, String targetFunction, String patternJson) {
    }

    private TemplateRules() {
    }

    public static List<Rule> load(InputStream template) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(template);
            List<Rule> rules = new ArrayList<>();
            JsonNode resources = root.path("Resources");
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> resource = it.next();
                String type = resource.getValue().path("Type").asText();
                JsonNode properties = resource.getValue().path("Properties");
                if (type.equals("AWS::Serverless::Function")) {
                    for (Iterator<Map.Entry<String, JsonNode>> events = properties.path("Events").fields();
                         events.hasNext(); ) {
                        Map.Entry<String, JsonNode> event = events.next();
                        if (event.getValue().path("Type").asText().equals("EventBridgeRule")) {
                            rules.add(new Rule(resource.getKey() + "." + event.getKey(), resource.getKey(),
                                    event.getValue().path("Properties").path("Pattern").toString()));
                        }
                    }
                } else if (type.equals("AWS::Events::Rule")) {
                    for (JsonNode target : properties.path("Targets")) {
                        String arn = target.path("Arn").asText();
                        String function = arn.endsWith(".Arn") ? arn.substring(0, arn.length() - 4) : arn;
                        rules.add(new Rule(resource.getKey() + "." + target.path("Id").asText(function), function,
                                properties.path("EventPattern").toString()));
                    }
                }
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in template.yaml", e);
        }
    }

    /** The template bundled into the CLI jar at build time (the same file as the repo's template.yaml). */
    public static List<Rule> bundled() {
        try (InputStream in = TemplateRules.class.getResourceAsStream("/template.yaml")) {
            if (in == null) {
                throw new IllegalStateException("template.yaml is not on the classpath; rebuild the CLI");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
