package newsroom.aws.testing;

import java.time.Duration;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The Lambda {@link Context} of a handler run outside Lambda (tests, {@code ./newsroom bench}): the one thing the
 * handlers ask the platform, the time left before they are stopped, counts down from creation as Lambda's does;
 * the rest is fixed (a fresh request id, 1,024 MB, no identity, client context or logger).
 */
public final class DeadlineContext implements Context {

    private final String functionName;
    private final long deadlineNanos;
    private final String requestId = UUID.randomUUID().toString();

    /**
     * @param functionName the function's name, as in template.yaml
     * @param remaining    the time the invocation has from now
     */
    public DeadlineContext(String functionName, Duration remaining) {
        this.functionName = functionName;
        this.deadlineNanos = System.nanoTime() + remaining.toNanos();
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
