package newsroom.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import newsroom.articlefetcher.ArticleFetcherHandler;
import newsroom.aws.AwsConfig;
import newsroom.aws.DynamoTableSchema;
import newsroom.core.config.SiteEnvironment;
import newsroom.core.testing.RepoFiles;
import newsroom.fetch.FetcherConfig;

/**
 * Checks template.yaml against the code it deploys: handler classes and their event types, the environment each
 * function's code reads, the queue and table settings the code relies on, and that every function has its log
 * group and dead-letter path. The rule patterns are checked against real events in {@link RulePatternsTest}.
 */
class TemplateChecksTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoFiles.template());

    /** The Java type Lambda deserializes each trigger's payload into, as our handlers declare it. */
    private static final Map<String, Type> EVENT_TYPE_OF_TRIGGER = Map.of(
            "SQS", SQSEvent.class,
            "EventBridgeRule", ScheduledEvent.class,
            "ScheduleV2", ScheduledEvent.class,
            "HttpApiV2:2.0", APIGatewayV2HTTPEvent.class);

    private static List<String> functions() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function");
    }

    private static Class<?> handlerClass(String function) throws ClassNotFoundException {
        String handler = TEMPLATE.resource(function).path("Properties").path("Handler").asText();
        assertThat(handler).as(function + " Handler").endsWith("::handleRequest");
        return Class.forName(handler.substring(0, handler.indexOf("::")));
    }

    @Test
    void deploysTheSixFunctions() {
        assertThat(functions()).containsExactly("PollDispatcherFunction", "FeedPollerFunction",
                "ArticleFetcherFunction", "IngestApiFunction", "TranslationFunction", "ThumbnailFunction");
    }

    @Test
    void everyHandlerClassExistsWithAPublicNoArgConstructor() throws Exception {
        for (String function : functions()) {
            Class<?> handler = handlerClass(function);
            assertThat(RequestHandler.class.isAssignableFrom(handler)).as(function + " is a RequestHandler").isTrue();
            assertThat(Modifier.isPublic(handler.getConstructor().getModifiers())).as(function).isTrue();
        }
    }

    @Test
    void everyHandlerTakesTheEventTypeItsTriggerSends() throws Exception {
        Map<String, String> mismatches = new TreeMap<>();
        for (String function : functions()) {
            Class<?> handler = handlerClass(function);
            Type declared = requestType(handler);
            List<String> triggers = TEMPLATE.triggersOf(function);
            assertThat(triggers).as(function + " has a trigger").isNotEmpty();
            for (String trigger : triggers) {
                Type expected = EVENT_TYPE_OF_TRIGGER.get(trigger);
                assertThat(expected).as("known trigger type " + trigger).isNotNull();
                if (!rawType(declared).equals(expected)) {
                    mismatches.put(function + " (" + trigger + ")", declared.getTypeName());
                }
            }
            Method method = handler.getMethod("handleRequest", rawType(declared), Context.class);
            assertThat(method.getDeclaringClass()).isEqualTo(handler);
        }
        assertThat(mismatches).isEmpty();
    }

    private static Type requestType(Class<?> handler) {
        for (Type type : handler.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType().equals(RequestHandler.class)) {
                return p.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(handler + " does not implement RequestHandler<I, O> directly");
    }

    private static Class<?> rawType(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    @Test
    void everyFunctionHasSampleEventsThatLambdaDeserializesIntoItsEventType() throws Exception {
        Map<String, List<String>> samples = new TreeMap<>();
        try (var files = Files.list(RepoFiles.root().resolve("events"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                String function = functions().stream().filter(f -> name.startsWith(kebab(f) + "-")).findFirst()
                        .orElseThrow(() -> new AssertionError("events/" + name + " names no function"));
                Class<?> type = rawType(requestType(handlerClass(function)));
                Object event;
                try (var in = Files.newInputStream(file)) {
                    event = type.equals(Map.class) ? new ObjectMapper().readValue(in,
                            Map.class) : LambdaEventSerializers.serializerFor(type, getClass().getClassLoader())
                            .fromJson(in);
                }
                assertThat(event).as(name).isInstanceOf(type);
                if (event instanceof SQSEvent sqs) {
                    assertThat(sqs.getRecords()).as(name).isNotEmpty().allMatch(r -> r.getMessageId() != null);
                } else if (event instanceof APIGatewayV2HTTPEvent http) {
                    assertThat(http.getRequestContext().getHttp().getMethod()).as(name).isNotBlank();
                } else if (event instanceof ScheduledEvent scheduled && "Scheduled Event".equals(
                        scheduled.getDetailType())) {
                    assertThat(scheduled.getTime()).as(name).isNotNull();
                } else if (event instanceof ScheduledEvent scheduled) {
                    assertThat(scheduled.getDetailType()).as(name).isNotBlank();
                    assertThat(scheduled.getDetail()).as(name).containsKey("articleId");
                }
                samples.computeIfAbsent(function, f -> new ArrayList<>()).add(name);
            }
        }
        assertThat(samples).containsOnlyKeys(functions());
    }

    @Test
    void theSchedulersInput_isAScheduledEvent_onceTheSchedulerFillsItsContextAttributes() {
        String input = TEMPLATE.resource("PollDispatcherFunction").path("Properties").path("Events").path("Poll")
                .path("Properties").path("Input").asText()
                .replace("<aws.scheduler.execution-id>", "8f3c2a1e-4b5d-4c6e-9f70-1a2b3c4d5e6f")
                .replace("<aws.scheduler.scheduled-time>", "2025-02-12T15:15:00Z")
                .replace("<aws.scheduler.schedule-arn>",
                        "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/newsroom-Poll");

        ScheduledEvent event = LambdaEventSerializers.serializerFor(ScheduledEvent.class, getClass().getClassLoader())
                .fromJson(input);

        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getTime().getMillis()).isEqualTo(Instant.parse("2025-02-12T15:15:00Z").toEpochMilli());
        assertThat(event.getResources()).containsExactly(
                "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/newsroom-Poll");
    }

    /** FeedPollerFunction → feed-poller: the prefix of the function's files in events/. */
    private static String kebab(String logicalId) {
        return logicalId.replaceFirst("Function$", "").replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    @Test
    void everyFunctionGetsEveryVariableItsCodeReads() throws Exception {
        Map<String, List<String>> missing = new TreeMap<>();
        for (String function : functions()) {
            Map<String, String> env = TEMPLATE.environmentOf(function);
            @SuppressWarnings("unchecked")
            List<String> own = (List<String>) handlerClass(function).getField("FUNCTION_VARIABLES").get(null);
            List<String> absent = new ArrayList<>();
            for (String variable : concat(SiteEnvironment.VARIABLES, own)) {
                if (!env.containsKey(variable)) {
                    absent.add(variable);
                }
            }
            if (!absent.isEmpty()) {
                missing.put(function, absent);
            }
            if (env.containsKey("NEWSROOM_FETCH_CONTACT_URL")) {
                assertThatCode(() -> FetcherConfig.fromMap(env)).as(function + " fetcher settings")
                        .doesNotThrowAnyException();
            }
            Map<String, String> lambda = new HashMap<>(env);
            lambda.put("AWS_REGION", "eu-west-1"); // set by Lambda itself
            assertThatCode(() -> AwsConfig.fromEnvironment(lambda)).as(function).doesNotThrowAnyException();
            assertThatCode(() -> SiteEnvironment.fromEnvironment(env)).as(function + " with the parameter defaults")
                    .doesNotThrowAnyException();
        }
        assertThat(missing).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void everyFunctionShipsItsModulesShadedJar() {
        for (String function : functions()) {
            String codeUri = TEMPLATE.resource(function).path("Properties").path("CodeUri").asText();
            String module = codeUri.replaceFirst("^functions/([^/]+)/target/\\1\\.jar$", "$1");
            assertThat(module).as(function + " CodeUri " + codeUri).isNotEqualTo(codeUri);
            assertThat(Files.isRegularFile(RepoFiles.root().resolve("functions/" + module + "/pom.xml")))
                    .as(codeUri).isTrue();
        }
    }

    @Test
    void everyFunctionLogsToItsOwnLogGroupWithRetention() {
        List<String> groups = new ArrayList<>();
        for (String function : functions()) {
            JsonNode logging = TEMPLATE.resource(function).path("Properties").path("LoggingConfig");
            assertThat(logging.path("LogFormat").asText()).as(function).isEqualTo("JSON");
            String group = logging.path("LogGroup").asText();
            JsonNode resource = TEMPLATE.resource(group);
            assertThat(resource.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(resource.path("Properties").path("RetentionInDays").asText()).isEqualTo("LogRetentionDays");
            groups.add(group);
        }
        assertThat(groups).doesNotHaveDuplicates();
    }

    @Test
    void everyAsynchronousTriggerHasADeadLetterPath() {
        for (String function : functions()) {
            JsonNode properties = TEMPLATE.resource(function).path("Properties");
            boolean asynchronous = false;
            for (JsonNode event : properties.path("Events")) {
                String type = event.path("Type").asText();
                if (type.equals("EventBridgeRule") || type.equals("ScheduleV2")) {
                    asynchronous = true;
                    assertThat(event.path("Properties").path("DeadLetterConfig").path("Arn").asText())
                            .as(function + " " + type + " dead-letter queue").isNotEmpty();
                }
            }
            if (asynchronous) {
                assertThat(properties.path("EventInvokeConfig").path("DestinationConfig").path("OnFailure")
                        .path("Destination").asText()).as(function + " OnFailure").isNotEmpty();
            }
        }
    }

    @Test
    void fetchQueueRedrivesAfterTheReceivesTheFetcherCountsOn() {
        JsonNode queue = TEMPLATE.resource("FetchQueue").path("Properties");
        assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt())
                .isEqualTo(ArticleFetcherHandler.MAX_RECEIVE_COUNT);
        int fetcherTimeout = TEMPLATE.resource("ArticleFetcherFunction").path("Properties").path("Timeout").asInt();
        assertThat(queue.path("VisibilityTimeout").asInt()).isGreaterThanOrEqualTo(6 * fetcherTimeout);
    }

    @Test
    void tableHasTheKeysAndIndexesTheDynamoAdaptersUse() {
        CreateTableRequest expected = DynamoTableSchema.createTableRequest("t");
        JsonNode table = TEMPLATE.resource("ArticleTable").path("Properties");

        Map<String, String> attributes = new TreeMap<>();
        table.path("AttributeDefinitions").forEach(a -> attributes.put(a.path("AttributeName").asText(),
                a.path("AttributeType").asText()));
        Map<String, String> expectedAttributes = new TreeMap<>();
        expected.attributeDefinitions().forEach(a -> expectedAttributes.put(a.attributeName(),
                a.attributeTypeAsString()));
        assertThat(attributes).isEqualTo(expectedAttributes);
        assertThat(keys(table.path("KeySchema"))).isEqualTo(expected.keySchema().stream()
                .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList());
        Map<String, List<String>> indexes = new TreeMap<>();
        table.path("GlobalSecondaryIndexes").forEach(i -> indexes.put(i.path("IndexName").asText(),
                keys(i.path("KeySchema"))));
        Map<String, List<String>> expectedIndexes = new TreeMap<>();
        expected.globalSecondaryIndexes().forEach(i -> expectedIndexes.put(i.indexName(), i.keySchema().stream()
                .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList()));
        assertThat(indexes).isEqualTo(expectedIndexes);
        // the indexes project only what a listing's tag filter reads; records come from the table (BatchGetItem)
        table.path("GlobalSecondaryIndexes").forEach(i -> {
            assertThat(i.path("Projection").path("ProjectionType").asText()).as(i.path("IndexName").asText())
                    .isEqualTo("INCLUDE");
            List<String> projected = new ArrayList<>();
            i.path("Projection").path("NonKeyAttributes").forEach(a -> projected.add(a.asText()));
            assertThat(projected).as(i.path("IndexName").asText()).isEqualTo(DynamoTableSchema.PROJECTED);
        });
        expected.globalSecondaryIndexes().forEach(i -> assertThat(i.projection().nonKeyAttributes())
                .isEqualTo(DynamoTableSchema.PROJECTED));
        assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean())
                .isTrue();
    }

    private static List<String> keys(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(k.path("AttributeName").asText() + " " + k.path("KeyType").asText()));
        return keys;
    }

    @Test
    void everyApiRouteFollowsTheApiAuthParameter() {
        List<String> routes = TEMPLATE.resourcesOfType("AWS::ApiGatewayV2::Route");
        assertThat(routes).hasSize(3);
        for (String route : routes) {
            JsonNode properties = TEMPLATE.resource(route).path("Properties");
            assertThat(properties.path("AuthorizationType").toString())
                    .as(route).isEqualTo("[\"UseJwt\",\"JWT\",\"AWS_IAM\"]");
        }
    }
}
