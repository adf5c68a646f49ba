package io.firewatch.aws;

import io.firewatch.core.Firewatch;
import io.firewatch.core.config.Settings;
import io.firewatch.core.delivery.DeliveryClaims;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.sink.SecretResolver;
import io.firewatch.core.sink.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the function judges with and delivers to, built once per container from its settings. */
record Pipeline(Firewatch firewatch, Dispatcher dispatcher) {
    static final String SNS_TOPIC_ARN = "FIREWATCH_SNS_TOPIC_ARN";

    /** Resolves secret references, reads CONTRACT §4 settings adds the SNS sink when a topic is set and the delivery
     * claim store when {@code FIREWATCH_DEDUP_TABLE} is set. */
    static Pipeline fromEnvironment(Map<String, String> env, SecretResolver secrets) {
        Settings settings = Settings.from(SecretReferences.resolve(env, secrets), secrets);
        List<Sink> sinks = new ArrayList<>(settings.sinks());
        String topic = settings.value(SNS_TOPIC_ARN);
        if (topic != null) {
            sinks.add(new SnsSink(topic.strip()));
        }
        DynamoClaimStore store = DynamoClaimStore.fromEnvironment(env);
        DeliveryClaims claims = store == null ? null
                : DeliveryClaims.of(store, DeliveryClaims.ttlHours(env.get("FIREWATCH_DEDUP_TTL_HOURS")));
        return new Pipeline(new Firewatch(settings.config()), new Dispatcher(sinks, settings.minSeverity(), claims));
    }
}
