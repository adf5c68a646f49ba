package io.firewatch.aws;

import io.firewatch.core.ChangeEnricher;
import io.firewatch.core.Firewatch;
import io.firewatch.core.config.Settings;
import io.firewatch.core.delivery.DeliveryClaims;
import io.firewatch.core.response.AutomaticResponse;
import io.firewatch.core.response.Responder;
import io.firewatch.core.response.ResponseMode;
import io.firewatch.core.response.ResponseSettings;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.sink.SecretResolver;
import io.firewatch.core.sink.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the function judges with, delivers to and (when enforcing, CONTRACT §6) takes rules back with, built once per
 * container from its settings.
 */
record Pipeline(Firewatch firewatch, Dispatcher dispatcher, AutomaticResponse response) {
    static final String SNS_TOPIC_ARN = "FIREWATCH_SNS_TOPIC_ARN";

    Pipeline(Firewatch firewatch, Dispatcher dispatcher) {
        this(firewatch, dispatcher, new AutomaticResponse(firewatch.responsePlanner(), Responder.NONE));
    }

    /**
     * Resolves secret references, reads CONTRACT §4 settings, adds the SNS sink when a topic is set and the
     * delivery-claim store when {@code FIREWATCH_DEDUP_TABLE} is set. The EC2
     * responder exists only in {@code enforce} mode; {@code homeAccount} is the function's own account, when known.
     */
    static Pipeline fromEnvironment(Map<String, String> env, SecretResolver secrets, Supplier<String> homeAccount) {
        Settings settings = Settings.from(SecretReferences.resolve(env, secrets), secrets);
        List<Sink> sinks = new ArrayList<>(settings.sinks());
        String topic = settings.value(SNS_TOPIC_ARN);
        if (topic != null) {
            sinks.add(new SnsSink(topic.strip(), settings.config()::aliasOf));
        }
        DynamoClaimStore store = DynamoClaimStore.fromEnvironment(env);
        DeliveryClaims claims = store == null ? null
                : DeliveryClaims.of(store, DeliveryClaims.ttlHours(env.get(DeliveryClaims.TTL_HOURS)));
        ResponseSettings response = ResponseSettings.from(settings::value);
        Firewatch firewatch = new Firewatch(settings.config(), ChangeEnricher.NONE, response);
        Responder responder = response.mode() == ResponseMode.ENFORCE ? new Ec2Responder(homeAccount) : Responder.NONE;
        return new Pipeline(firewatch, new Dispatcher(sinks, settings.minSeverity(), claims),
                new AutomaticResponse(firewatch.responsePlanner(), responder));
    }
}
