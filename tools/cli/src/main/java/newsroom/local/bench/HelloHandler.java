package newsroom.local.bench;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The cold-start baseline: a trivial handler started exactly like the functions (same runtime client, JVM flags and
 * Runtime API), so their ratio to it shows what our code, not Java or the runtime, costs at start.
 */
public final class HelloHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "hello " + event.getOrDefault("name", "world");
    }
}
