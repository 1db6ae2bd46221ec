package newsroom.ingestapi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.aws.AwsPriming;
import newsroom.aws.LambdaInvocation;
import newsroom.aws.SnapStartHandler;
import newsroom.core.config.SiteConfig;
import newsroom.core.observe.Telemetry;
import newsroom.core.prime.SnapStartPriming;

/**
 * IngestApiFunction: decodes the API Gateway HTTP API (payload 2.0) event into an {@link ApiRequest}, lets
 * {@link ArticleApi} answer it, and encodes the {@link ApiResponse}. Base64-encoded bodies are decoded here; a body
 * that is not valid base64 gets a 400 problem.
 */
public final class IngestApiHandler extends SnapStartHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Variables this function reads besides the AWS resource and site variables of every function (none). */
    public static final List<String> FUNCTION_VARIABLES = List.of();

    private final ArticleApi api;
    private final Telemetry telemetry;
    private final SiteConfig site;

    /** Production: wires the AWS adapters once per execution environment from the function's environment. */
    public IngestApiHandler() {
        this(IngestApiWiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        registerForSnapStart();
    }

    /** From a wiring: production's, or one of other adapters (tests, the local runner). */
    IngestApiHandler(IngestApiWiring wiring) {
        super(wiring);
        this.api = wiring.api();
        this.site = wiring.site();
        this.telemetry = wiring.telemetry();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        LambdaInvocation.begin(telemetry, context);
        ApiResponse response = decode(event);
        return encode(response);
    }

    private ApiResponse decode(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getHttp() == null) {
            return ApiResponse.problem(400, "invalid-request", "Invalid request",
                    "the event is not an HTTP API (payload format 2.0) request");
        }
        String method = event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        String path = event.getRawPath() != null ? event.getRawPath() : event.getRequestContext().getHttp().getPath();
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
        String body = event.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (event.getIsBase64Encoded()) {
            if (body.length() > ArticleApi.MAX_BODY_BYTES / 3 * 4 + 4) {
                return tooLarge();
            }
            try {
                bytes = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return ApiResponse.problem(400, "invalid-request", "Invalid request",
                        "the body is marked base64-encoded but is not valid base64");
            }
        } else {
            if (body.length() > ArticleApi.MAX_BODY_BYTES) {
                return tooLarge();
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        return api.handle(new ApiRequest(method, path == null ? "/" : path, headers,
                event.getQueryStringParameters(), bytes));
    }

    private static ApiResponse tooLarge() {
        return ApiResponse.problem(413, "body-too-large", "Request body too large",
                "the limit is " + ArticleApi.MAX_BODY_BYTES + " bytes");
    }

    private APIGatewayV2HTTPResponse encode(ApiResponse response) {
        String body;
        try {
            body = JSON.writeValueAsString(response.body());
        } catch (JsonProcessingException e) {
            telemetry.error("api.unserializable", Map.of("status", response.status()), e);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500)
                    .withHeaders(Map.of("content-type", ApiResponse.PROBLEM_JSON))
                    .withBody("{\"type\":\"" + ApiResponse.PROBLEM_TYPE + "internal-error\",\"title\":"
                            + "\"Internal error\",\"status\":500,\"detail\":\"the response could not be written\"}")
                    .build();
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(Map.of("content-type", response.contentType()))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * SnapStart: warm the front matter pipeline and JSON; then {@link SnapStartHandler} warms the request path of
     * every SDK client with reads and dry runs only ({@link AwsPriming}); nothing is stored, published or queued.
     */
    @Override
    protected Map<String, Runnable> warmUps() {
        Map<String, Runnable> steps = new LinkedHashMap<>();
        steps.put("front matter", () -> SnapStartPriming.frontMatterRoundTrip(site));
        steps.put("json", () -> SnapStartPriming.jsonRoundTrip(JSON));
        return steps;
    }

}
