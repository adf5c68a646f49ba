package io.firewatch.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets a priming request run through an SDK client's whole request path at init and stops it before transmission:
 * a request carrying {@link #HEADER} is signed with {@link #CREDENTIALS} (never the function's own) and then aborted
 * by the interceptor every Firewatch client installs. Real requests never carry the header.
 */
final class SdkPriming implements ExecutionInterceptor {
    static final String HEADER = "x-firewatch-priming";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPRIMING000000000", "priming-only-never-sent"));

    private SdkPriming() {
    }

    /** Adds the interceptor to a client's configuration. */
    static void install(ClientOverrideConfiguration.Builder config) {
        config.addExecutionInterceptor(new SdkPriming());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.httpRequest().firstMatchingHeader(HEADER).isPresent()) {
            throw new Stopped();
        }
    }

    /** Ends a priming request; no retry policy retries it. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("priming request stopped before transmission", null, false, false);
        }
    }
}
