package newsroom.local.emulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import newsroom.aws.AwsClients;
import newsroom.aws.AwsConfig;
import newsroom.aws.DynamoTableSchema;
import newsroom.emulators.EmulatorProcess;

/**
 * The stack's resources on local emulators: moto for S3, SQS and EventBridge, dynalite for DynamoDB (moto when
 * dynalite is not installed). It creates each resource the functions' environment references in template.yaml
 * ({@code CONTENT_BUCKET: !Ref ContentBucket}, …) under the name the template gives it ({@code ${AWS::StackName}}
 * resolved) or else {@code <stack>-<LogicalId>}, and writes the environment file both {@code newsroom invoke --env}
 * and {@code sam local invoke --env-vars} read. Closing stops the emulators (their state is in memory).
 */
public final class LocalStack implements AutoCloseable {

    /** Credentials the emulators accept; never real ones. */
    public static final String ACCESS_KEY = "local";
    public static final String REGION = "us-east-1";

    private final List<EmulatorProcess> processes;
    private final Map<String, String> environment;

    private LocalStack(List<EmulatorProcess> processes, Map<String, String> environment) {
        this.processes = processes;
        this.environment = environment;
    }

    /**
     * @param template  template.yaml (its folder holds {@code tools/dynalite})
     * @param stackName stands for {@code AWS::StackName}
     * @param motoPort  0 for a free port
     * @param dynamoPort 0 for a free port
     * @param logs      folder for the emulators' output
     */
    public static LocalStack start(Path template, String stackName, int motoPort, int dynamoPort, Path logs)
            throws IOException {
        JsonNode root = new ObjectMapper(YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build()).build())
                .readTree(template.toFile());
        List<EmulatorProcess> processes = new ArrayList<>();
        try {
            EmulatorProcess moto = EmulatorProcess.moto(motoPort, logs.resolve("moto.log"));
            processes.add(moto);
            Path dynaliteCli = template.toAbsolutePath().getParent()
                    .resolve("tools/dynalite/node_modules/dynalite/cli.js");
            String dynamoEndpoint = moto.endpoint();
            if (Files.isRegularFile(dynaliteCli)) {
                EmulatorProcess dynalite =
                        EmulatorProcess.dynalite(dynaliteCli, dynamoPort, logs.resolve("dynalite.log"));
                processes.add(dynalite);
                dynamoEndpoint = dynalite.endpoint();
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("AWS_ENDPOINT_URL", moto.endpoint());
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint);
            env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", ACCESS_KEY);
            env.put("AWS_REGION", REGION);
            createResources(root, stackName, env);
            return new LocalStack(processes, env);
        } catch (IOException | RuntimeException e) {
            processes.forEach(EmulatorProcess::close);
            throw e;
        }
    }

    /** The variables a function needs to run against these emulators (resource names, endpoints, credentials). */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public List<EmulatorProcess> processes() {
        return List.copyOf(processes);
    }

    /** Writes {@code {"Parameters": {…}}}: the {@code sam local invoke --env-vars} shape, read by invoke --env too. */
    public void writeEnvironmentFile(Path file) throws IOException {
        Map<String, Object> body = Map.of("Parameters", new LinkedHashMap<>(environment));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(body));
    }

    private static void createResources(JsonNode root, String stack, Map<String, String> env) {
        JsonNode resources = root.path("Resources");
        Map<String, String> variables = new LinkedHashMap<>();
        collect(root.path("Globals").path("Function").path("Environment").path("Variables"), resources, variables);
        for (JsonNode resource : resources) {
            if (resource.path("Type").asText().equals("AWS::Serverless::Function")) {
                collect(resource.path("Properties").path("Environment").path("Variables"), resources, variables);
            }
        }
        Map<String, String> endpoints = Map.of("AWS_ENDPOINT_URL_DYNAMODB", env.get("AWS_ENDPOINT_URL_DYNAMODB"),
                "AWS_REGION", REGION, "AWS_ENDPOINT_URL", env.get("AWS_ENDPOINT_URL"),
                "CONTENT_BUCKET", "-", "TABLE_NAME", "-", "EVENT_BUS_NAME", "-", "FETCH_QUEUE_URL", "-");
        AwsClients clients = AwsClients.withCredentials(AwsConfig.fromEnvironment(endpoints),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY)));
        {
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                JsonNode resource = resources.path(variable.getValue());
                String type = resource.path("Type").asText();
                JsonNode properties = resource.path("Properties");
                String value = switch (type) {
                    case "AWS::S3::Bucket" -> {
                        String name = name(properties.path("BucketName"), stack, variable.getValue())
                                .toLowerCase(Locale.ROOT);
                        clients.s3().createBucket(b -> b.bucket(name));
                        yield name;
                    }
                    case "AWS::DynamoDB::Table" -> {
                        String name = name(properties.path("TableName"), stack, variable.getValue());
                        clients.dynamoDb().createTable(DynamoTableSchema.createTableRequest(name));
                        yield name;
                    }
                    case "AWS::Events::EventBus" -> {
                        String name = name(properties.path("Name"), stack, variable.getValue());
                        clients.eventBridge().createEventBus(b -> b.name(name));
                        yield name;
                    }
                    case "AWS::SQS::Queue" -> {
                        String name = name(properties.path("QueueName"), stack, variable.getValue());
                        yield clients.sqs().createQueue(b -> b.queueName(name)).queueUrl();
                    }
                    default -> throw new IllegalStateException(variable.getKey() + " references " + variable.getValue()
                            + " of type " + type + ", which local-aws cannot create yet");
                };
                env.put(variable.getKey(), value);
            }
        }
    }

    /** Variables whose value is a reference to a resource ({@code !Ref X} reads as "X": tags are dropped). */
    private static void collect(JsonNode variables, JsonNode resources, Map<String, String> into) {
        for (Map.Entry<String, JsonNode> e : variables.properties()) {
            String text = e.getValue().asText();
            if (e.getValue().isTextual() && resources.has(text)) {
                into.put(e.getKey(), text);
            }
        }
    }

    /** The template's name for the resource with the stack's name in it, or {@code <stack>-<LogicalId>}. */
    private static String name(JsonNode declared, String stack, String logicalId) {
        if (declared.isTextual()) {
            return declared.asText().replace("${AWS::StackName}", stack);
        }
        return stack + "-" + logicalId;
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
