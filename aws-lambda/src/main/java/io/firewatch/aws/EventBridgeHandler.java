package io.firewatch.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.firewatch.core.Firewatch;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.sink.SecretResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Lambda entry point ({@code io.firewatch.aws.EventBridgeHandler::handleRequest}). It takes an EventBridge
 * "AWS API Call via CloudTrail" event directly, or an SQS batch of such events, and answers a batch with
 * {@code batchItemFailures} naming only the messages that failed.
 *
 * <p>Settings are read once per container. At init the pipeline is built and the whole alert path primed
 * ({@link Priming}); under SnapStart, secrets held by reference wait for the first invocation, since nothing that
 * opens a connection or holds credentials may end up in the snapshot.
 */
public final class EventBridgeHandler implements RequestStreamHandler {
    /** Kept back from the remaining time for logging and answering after delivery. */
    static final Duration SAFETY_MARGIN = Duration.ofMillis(1500);
    /** Outside Lambda (no context) delivery gets this long. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    private final Supplier<Pipeline> pipeline;
    private final JsonLog log;
    private volatile boolean sinksChecked;
    /** The function's own account, read from the invoked function's ARN (only the EC2 responder uses it). */
    private volatile String homeAccount;

    /** Used by the Lambda runtime: settings from the environment, secrets from Secrets Manager. */
    public EventBridgeHandler() {
        this(System.getenv(), new SecretsManagerResolver(), Clock.systemUTC(), System.out);
        prime(System.getenv());
    }

    EventBridgeHandler(Map<String, String> env, SecretResolver secrets, Clock clock, PrintStream out) {
        Map<String, String> copy = Map.copyOf(env);
        this.pipeline = new Lazy<>(() -> Pipeline.fromEnvironment(copy, secrets, () -> homeAccount));
        this.log = new JsonLog(out, clock);
    }

    /**
     * Initialisation work: builds the pipeline when that needs no network and primes the whole alert path
     * ({@link Priming}). Returns the number of built-in events that gave an alert.
     */
    int prime(Map<String, String> env) {
        return Priming.prime(env, pipeline);
    }

    /** With ready collaborators (tests, benchmarks). */
    public EventBridgeHandler(Firewatch firewatch, Dispatcher dispatcher, Clock clock, PrintStream out) {
        Pipeline ready = new Pipeline(firewatch, dispatcher);
        this.pipeline = () -> ready;
        this.log = new JsonLog(out, clock);
    }

    /** With a ready pipeline (tests of the automatic response). */
    EventBridgeHandler(Pipeline ready, Clock clock, PrintStream out) {
        this.pipeline = () -> ready;
        this.log = new JsonLog(out, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        if (homeAccount == null && context != null) {
            homeAccount = accountOf(context.getInvokedFunctionArn());
        }
        byte[] content = input.readAllBytes();
        Pipeline p;
        try {
            p = pipeline.get();
        } catch (RuntimeException e) {
            log.setupFailure(requestId, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        if (!sinksChecked) {
            sinksChecked = true;
            for (String warning : p.firewatch().config().warnings()) {
                log.notice(requestId, "configuration: " + warning);
            }
            if (p.dispatcher().sinks().isEmpty()) {
                log.notice(requestId, "no sink is configured: alerts are only logged");
            }
        }
        byte[] response = new Invocation(p, log, requestId, () -> budget(context)).handle(content);
        output.write(response);
    }

    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME} → ACCOUNT, else null. */
    static String accountOf(String functionArn) {
        String[] parts = functionArn == null ? new String[0] : functionArn.split(":", 6);
        return parts.length >= 5 && parts[0].equals("arn") && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    static Duration budget(Context context) {
        if (context == null) {
            return DEFAULT_BUDGET;
        }
        long ms = (long) context.getRemainingTimeInMillis() - SAFETY_MARGIN.toMillis();
        return Duration.ofMillis(Math.max(0, ms));
    }
}
