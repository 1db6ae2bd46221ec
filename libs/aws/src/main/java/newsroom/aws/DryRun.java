package newsroom.aws;

import java.time.Duration;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * A request override that lets the SDK marshal, resolve the endpoint of and sign a request, then stops it in
 * {@code beforeTransmission}, before the HTTP client opens a connection: nothing reaches the service. Used to warm
 * the request path of write-only APIs (PutEvents, TranslateText) for a SnapStart snapshot without calling them.
 */
final class DryRun {

    /** Thrown by the interceptor instead of sending; {@link #stopped(Throwable)} recognizes it, even wrapped. */
    static final class NotSent extends RuntimeException {
        NotSent() {
            super("dry run: stopped before transmission", null, false, false);
        }
    }

    private static final ExecutionInterceptor STOP = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new NotSent();
        }
    };

    private static final SdkPlugin PLUGIN = config -> config.overrideConfiguration(
            config.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(STOP)
                    .retryStrategy(RetryMode.STANDARD)
                    .build());

    private DryRun() {
    }

    /** Adds the stop to one request's override configuration. */
    static void apply(AwsRequestOverrideConfiguration.Builder override) {
        override.addPlugin(PLUGIN).apiCallTimeout(Duration.ofSeconds(5));
    }

    /** True when {@code failure} is (or wraps) the interceptor's stop, i.e. the dry run went as planned. */
    static boolean stopped(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotSent) {
                return true;
            }
        }
        return false;
    }
}
