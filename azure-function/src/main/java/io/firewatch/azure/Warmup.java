package io.firewatch.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.WarmupTrigger;
import io.firewatch.core.Priming;
import java.util.function.Supplier;

/**
 * Runs when the platform adds an instance (Flex Consumption and Premium plans call the {@code warmup} function on
 * scale-out, before the instance takes events): it builds the worker's runtime and primes the whole alert path
 * (core's {@link Priming}: every provider's built-in event, the renderers and each sink's request building, then the
 * delivery-claim store's request building and signing), so the
 * first real event does not pay for class loading. Pure computation: nothing is delivered and no connection is opened.
 * Instances started otherwise build the runtime on their first event, as before.
 */
public class Warmup {
    static final String NAME = "warmup";

    private final Supplier<FunctionRuntime> runtime;

    public Warmup() {
        this(FunctionRuntime::shared);
    }

    Warmup(Supplier<FunctionRuntime> runtime) {
        this.runtime = runtime;
    }

    @FunctionName(NAME)
    public void run(@WarmupTrigger(name = "warmupContext") Object warmupContext, ExecutionContext context) {
        FunctionRuntime r = Runtimes.get(runtime, context);
        int primed = Priming.prime(r.firewatch(), r.dispatcher()).size();
        r.primeClaims();
        context.getLogger().info(() -> "Firewatch warmed up: " + primed + " built-in event(s) judged, sinks primed");
    }
}
