package io.firewatch.azure;

import com.microsoft.azure.functions.ExecutionContext;
import io.firewatch.core.config.ConfigException;
import java.util.function.Supplier;

/** Gets the worker's runtime for an invocation, turning a bad setting into a logged, failed invocation. */
final class Runtimes {
    private Runtimes() {
    }

    static FunctionRuntime get(Supplier<FunctionRuntime> supplier, ExecutionContext context) {
        try {
            FunctionRuntime runtime = supplier.get();
            if (runtime.firstUse()) {
                for (String warning : runtime.firewatch().config().warnings()) {
                    context.getLogger().warning("Firewatch configuration: " + warning);
                }
            }
            return runtime;
        } catch (ConfigException e) {
            context.getLogger().severe("Firewatch settings are invalid: " + e.getMessage());
            throw new InvocationFailedException("Firewatch settings are invalid", e);
        }
    }
}
