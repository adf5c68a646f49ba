package io.firewatch.azure;

import io.firewatch.core.testing.WebhookStandIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First-invocation benchmark, run by {@code bench/azure-cold-start.sh} (not a test). A fresh JVM per run stands in for
 * the Java worker: it builds the runtime from settings as a worker's first call does, runs the {@code warmup} function
 * as Flex Consumption does on scale-out (unless {@code no-warmup}), then hands the Event Hub function two Activity Log
 * batches whose critical alerts go to a local Teams stand-in. With {@code store}, deliveries are claimed in a
 * delivery-claim table on a local Azurite (started and its table created by the emulator's
 * own process before the clock starts). Prints one
 * {@code key=value} line.
 */
public final class FirstInvocationBench {
    private FirstInvocationBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean warmup = !options.contains("no-warmup");
        boolean store = options.contains("store");
        try (WebhookStandIn teams = new WebhookStandIn(); Azurite azurite = store ? Azurite.start(TableClaimStore.DEFAULT_TABLE) : null) {
            Map<String, String> env = new HashMap<>(Map.of("FIREWATCH_TEAMS_WEBHOOK_URL", teams.url()));
            if (azurite != null) {
                env.put(TableClaimStore.CONNECTION, azurite.connectionString());
            }
            long t0 = System.nanoTime();
            FunctionRuntime runtime = FunctionRuntime.fromEnvironment(env);
            if (warmup) {
                new Warmup(() -> runtime).run(new Object(), new TestContext(Warmup.NAME));
            }
            long t1 = System.nanoTime();
            FirewallActivityLog function = new FirewallActivityLog(() -> runtime);
            function.run(new String[] {Resources.text("events/activitylog-message-1.json"),
                    Resources.text("events/activitylog-message-2.json")}, new TestContext(FirewallActivityLog.NAME));
            long t2 = System.nanoTime();
            function.run(new String[] {Resources.text("events/activitylog-message-1.json").replace("4a5b6c7d-8e9f", "5b6c7d8e-9f0a")},
                    new TestContext(FirewallActivityLog.NAME));
            long t3 = System.nanoTime();
            System.out.printf("mode=azure warmup=%s store=%s init_ms=%d first_invocation_ms=%d second_invocation_ms=%d cards=%d%n",
                    warmup, store, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), teams.posts());
        }
        System.exit(0);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
