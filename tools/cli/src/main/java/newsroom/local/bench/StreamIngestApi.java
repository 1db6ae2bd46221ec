package newsroom.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.ingestapi.IngestApiHandler;

/**
 * Benchmark experiment: the production {@link IngestApiHandler} behind a {@link RequestStreamHandler} that reads
 * and writes the API Gateway event with the Jackson the function already carries, so the runtime client never builds
 * its own serializer for the typed event. Its cold start against the typed handler's shows what that costs.
 */
public final class StreamIngestApi implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final IngestApiHandler handler = new IngestApiHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayV2HTTPEvent event = JSON.readValue(input, APIGatewayV2HTTPEvent.class);
        JSON.writeValue(output, handler.handleRequest(event, context));
    }
}
