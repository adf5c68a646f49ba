package io.firewatch.gcp;

import io.firewatch.core.testing.WebhookStandIn;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First-invocation benchmark, run by {@code bench/gcp-cold-start.sh} (not a test): the deployment jar in a fresh
 * Functions Framework invoker JVM per run, one critical change posted as a Pub/Sub CloudEvent and delivered to a local
 * Teams stand-in. Prints the time from process start until the invoker serves (the instance start, priming included),
 * the first and the second invocation, as one {@code key=value} line. With {@code store}, deliveries are claimed in a
 * Firestore collection of a local {@link FirestoreStandIn}.
 */
public final class FirstInvocationBench {
    private FirstInvocationBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean store = options.contains("store");
        try (WebhookStandIn teams = new WebhookStandIn(); FirestoreStandIn firestore = store ? FirestoreStandIn.start("bench-project", "(default)") : null) {
            Map<String, String> env = new HashMap<>(Map.of("FIREWATCH_TEAMS_WEBHOOK_URL", teams.url()));
            if (store) {
                env.put(FirestoreClaimStore.COLLECTION, "firewatch-claims");
                env.put(FirestoreClaimStore.EMULATOR_HOST, firestore.host());
                env.put("GOOGLE_CLOUD_PROJECT", "bench-project");
            }
            if (options.contains("in-process")) {
                inProcess(env, store, teams);
                return;
            }
            long t0 = System.nanoTime();
            try (InvokerProcess function = InvokerProcess.start("bench", env)) {
                long t1 = System.nanoTime();
                if (options.contains("warm-server")) {
                    function.get();
                    t1 = System.nanoTime();
                }
                HttpResponse<String> first = post(function, "bench-first", "1");
                long t2 = System.nanoTime();
                HttpResponse<String> second = post(function, "bench-second", "2");
                long t3 = System.nanoTime();
                System.out.printf("mode=gcp store=%s start_to_serving_ms=%d first_invocation_ms=%d second_invocation_ms=%d status=%d,%d cards=%d%n",
                        store, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), first.statusCode(), second.statusCode(), teams.posts());
            }
        }
        System.exit(0);
    }

    /** The function alone, without the invoker: its constructor, then two events handed over as CloudEvents. */
    private static void inProcess(Map<String, String> env, boolean store, WebhookStandIn teams) throws Exception {
        long t0 = System.nanoTime();
        AuditLogFunction function = new AuditLogFunction(env,
                new StructuredLog(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        long t1 = System.nanoTime();
        function.accept(TestCloudEvent.of("1", Events.MESSAGE_PUBLISHED,
                Events.messagePublishedData(Events.logEntry("firewalls-insert-first.json", "bench-first"), "1", "bench").toString()));
        long t2 = System.nanoTime();
        function.accept(TestCloudEvent.of("2", Events.MESSAGE_PUBLISHED,
                Events.messagePublishedData(Events.logEntry("firewalls-insert-first.json", "bench-second"), "2", "bench").toString()));
        long t3 = System.nanoTime();
        System.out.printf("mode=gcp-in-process store=%s init_ms=%d first_invocation_ms=%d second_invocation_ms=%d cards=%d%n",
                store, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), teams.posts());
    }

    private static HttpResponse<String> post(InvokerProcess function, String rule, String messageId) throws Exception {
        String data = Events.messagePublishedData(Events.logEntry("firewalls-insert-first.json", rule), messageId, "bench").toString();
        return function.post(Events.messagePublishedHeaders(messageId), data);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
