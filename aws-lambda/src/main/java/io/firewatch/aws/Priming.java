package io.firewatch.aws;

import io.firewatch.core.Firewatch;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Severity;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.sink.Sink;
import io.firewatch.core.sink.TeamsWebhookSink;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The handler's initialisation work (CONTRACT §4 settings, then core's {@link io.firewatch.core.Priming}): the
 * pipeline is built at init whenever that needs no network, and the whole alert path is primed through it.
 *
 * <p>Under SnapStart ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) init ends in the snapshot, so secrets held by
 * reference are not fetched then: the pipeline waits for the first invocation, and priming runs on stand-in sinks
 * (same classes, no secrets). Without SnapStart, init may use the network, so the secrets are fetched and the real
 * pipeline is ready before the first event.
 */
final class Priming {
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private Priming() {
    }

    /** Returns the number of alerts the built-in events gave (one per provider when core works as expected). */
    static int prime(Map<String, String> env, Supplier<Pipeline> pipeline) {
        Pipeline ready = null;
        boolean snapStart = "snap-start".equals(env.get(INITIALIZATION_TYPE));
        boolean references = env.keySet().stream().anyMatch(SecretReferences::isReference);
        if (!snapStart || !references) {
            try {
                ready = pipeline.get();
            } catch (RuntimeException e) {
                // A bad setting or an unreachable secret: the first invocation tries again and logs why.
            }
        }
        if (ready != null) {
            return io.firewatch.core.Priming.prime(ready.firewatch(), ready.dispatcher()).size();
        }
        List<Sink> standIns = new ArrayList<>();
        standIns.add(new TeamsWebhookSink(URI.create("https://priming.invalid/workflows")));
        String topic = env.get(Pipeline.SNS_TOPIC_ARN);
        if (topic != null && !topic.isBlank()) {
            standIns.add(new SnsSink(topic.strip()));
        }
        return io.firewatch.core.Priming.prime(new Firewatch(FirewatchConfig.defaults()), new Dispatcher(standIns, Severity.MEDIUM)).size();
    }
}
