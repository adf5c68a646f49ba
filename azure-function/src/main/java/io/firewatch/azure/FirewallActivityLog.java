package io.firewatch.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Event Hub trigger for the Activity Log diagnostic export: a batch of messages, each {@code {"records":[...]}}.
 * The whole batch is one scan, so the Start, Accept and Success records of one ARM write give one alert (the rule
 * body rides on Start/Accept). A failed delivery or an unreadable message fails the invocation; the retry policy
 * then runs the batch again (alerts already delivered are not sent twice: by any instance with the delivery-claim
 * table, by this worker without it).
 */
public class FirewallActivityLog {
    static final String NAME = "FirewallActivityLog";

    private final Supplier<FunctionRuntime> runtime;

    public FirewallActivityLog() {
        this(FunctionRuntime::shared);
    }

    FirewallActivityLog(Supplier<FunctionRuntime> runtime) {
        this.runtime = runtime;
    }

    @FunctionName(NAME)
    @ExponentialBackoffRetry(maxRetryCount = 5, minimumInterval = "00:00:10", maximumInterval = "00:15:00")
    public void run(
            @EventHubTrigger(name = "messages", eventHubName = "%FIREWATCH_EVENTHUB_NAME%",
                    consumerGroup = "%FIREWATCH_EVENTHUB_CONSUMER_GROUP%", connection = "FIREWATCH_EVENTHUB",
                    cardinality = Cardinality.MANY) String[] messages,
            ExecutionContext context) {
        List<Invocation.Input> inputs = new ArrayList<>();
        if (messages != null) {
            for (int i = 0; i < messages.length; i++) {
                String m = messages[i] == null ? "" : messages[i];
                inputs.add(new Invocation.Input("eventhub:" + context.getInvocationId() + "#" + i,
                        m.getBytes(StandardCharsets.UTF_8)));
            }
        }
        new Invocation(Runtimes.get(runtime, context), context.getLogger()).run(inputs);
    }
}
