package newsroom.aws;

import com.amazonaws.services.lambda.runtime.Context;

import newsroom.core.observe.Telemetry;

/**
 * The first call of every handler: hands the invocation's identifiers to {@link Telemetry} so each log and metric
 * line of the invocation carries them. The X-Ray trace header is the one the runtime interface client publishes
 * for the current invocation ({@value #TRACE_HEADER_PROPERTY}), else {@code _X_AMZN_TRACE_ID}.
 */
public final class LambdaInvocation {

    /** System property the Java runtime interface client sets to the current invocation's trace header. */
    public static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    private LambdaInvocation() {
    }

    /** @param context the invocation's context; null (a test calling the handler directly) logs no identifiers */
    public static void begin(Telemetry telemetry, Context context) {
        String trace = System.getProperty(TRACE_HEADER_PROPERTY);
        if (trace == null) {
            trace = System.getenv("_X_AMZN_TRACE_ID");
        }
        telemetry.beginInvocation(context == null ? null : context.getAwsRequestId(),
                context == null ? null : context.getFunctionVersion(), trace);
    }
}
