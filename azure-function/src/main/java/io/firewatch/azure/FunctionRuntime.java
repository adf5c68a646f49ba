package io.firewatch.azure;

import io.firewatch.core.ChangeEnricher;
import io.firewatch.core.Firewatch;
import io.firewatch.core.config.Settings;
import io.firewatch.core.delivery.DeliveryClaims;
import io.firewatch.core.response.AutomaticResponse;
import io.firewatch.core.response.Responder;
import io.firewatch.core.response.ResponseMode;
import io.firewatch.core.response.ResponseSettings;
import io.firewatch.core.sink.Dispatcher;
import java.time.Duration;
import java.util.Map;

/**
 * What a worker builds once and every invocation shares: the settings, core with the ARM enricher, the sinks with the
 * delivery-claim store when one is set (CONTRACT §5) and the automatic response (CONTRACT §6).
 * Failed construction (a bad setting) is not cached: each invocation tries again and fails loudly until it is fixed.
 */
public final class FunctionRuntime {
    /** Event Grid waits 30 s for the function: delivery must end well before that. */
    static final Duration DELIVERY_BUDGET = Duration.ofSeconds(15);

    private static FunctionRuntime shared;

    private final Firewatch firewatch;
    private final Dispatcher dispatcher;
    private final Duration deliveryBudget;
    private final AutomaticResponse response;
    private final TableClaimStore claimStore;

    FunctionRuntime(Firewatch firewatch, Dispatcher dispatcher, Duration deliveryBudget) {
        this(firewatch, dispatcher, deliveryBudget, new AutomaticResponse(firewatch.responsePlanner(), Responder.NONE));
    }

    FunctionRuntime(Firewatch firewatch, Dispatcher dispatcher, Duration deliveryBudget, AutomaticResponse response) {
        this(firewatch, dispatcher, deliveryBudget, response, null);
    }

    /** {@code claimStore} is the store behind the dispatcher's claims, kept to prime it; null without one. */
    FunctionRuntime(Firewatch firewatch, Dispatcher dispatcher, Duration deliveryBudget, AutomaticResponse response,
            TableClaimStore claimStore) {
        this.firewatch = firewatch;
        this.dispatcher = dispatcher;
        this.deliveryBudget = deliveryBudget;
        this.response = response;
        this.claimStore = claimStore;
    }

    /** The worker's runtime, built from the process environment on first use. */
    static synchronized FunctionRuntime shared() {
        if (shared == null) {
            shared = fromEnvironment(System.getenv());
        }
        return shared;
    }

    static FunctionRuntime fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, ArmRuleEnricher.fromEnvironment(env, ArmRuleParser.CORE));
    }

    static FunctionRuntime fromEnvironment(Map<String, String> env, ChangeEnricher enricher) {
        Settings settings = Settings.from(env);
        ResponseSettings response = ResponseSettings.from(settings::value);
        Firewatch firewatch = new Firewatch(settings.config(), enricher, response);
        Responder responder = response.mode() == ResponseMode.ENFORCE
                ? new ArmResponder(ArmRuleEnricher.armClient(env, EnrichmentLimits.DEFAULT)) : Responder.NONE;
        Duration ttl = DeliveryClaims.ttlHours(env.get(DeliveryClaims.TTL_HOURS));
        TableClaimStore store = TableClaimStore.fromEnvironment(env);
        DeliveryClaims claims = store == null ? null : DeliveryClaims.of(store, ttl);
        return new FunctionRuntime(firewatch, new Dispatcher(settings.sinks(), settings.minSeverity(), claims),
                DELIVERY_BUDGET, new AutomaticResponse(firewatch.responsePlanner(), responder), store);
    }

    /** Runs the claim store's request path without sending (a no-op without a store). */
    void primeClaims() {
        if (claimStore != null) {
            claimStore.prime();
        }
    }

    Firewatch firewatch() {
        return firewatch;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    private final java.util.concurrent.atomic.AtomicBoolean used = new java.util.concurrent.atomic.AtomicBoolean();

    /** True exactly once, on the runtime's first use (so its configuration warnings are logged once per worker). */
    boolean firstUse() {
        return used.compareAndSet(false, true);
    }

    AutomaticResponse response() {
        return response;
    }

    Duration deliveryBudget() {
        return deliveryBudget;
    }
}
