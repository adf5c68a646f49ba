package io.firewatch.gcp;

import static io.firewatch.gcp.StructuredLog.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import io.cloudevents.CloudEvent;
import io.firewatch.core.ChangeEnricher;
import io.firewatch.core.Firewatch;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.Settings;
import io.firewatch.core.delivery.DeliveryClaims;
import io.firewatch.core.response.AutomaticResponse;
import io.firewatch.core.response.Responder;
import io.firewatch.core.response.ResponseMode;
import io.firewatch.core.response.ResponseSettings;
import io.firewatch.core.sink.Backoff;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.sink.Sink;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Cloud Functions (2nd gen) entry point for Cloud Audit Log entries: {@code google.cloud.pubsub.topic.v1.messagePublished}
 * (a log sink's Pub/Sub topic) and {@code google.cloud.audit.log.v1.written} (Eventarc audit-log trigger). Alerts
 * are delivered before the invocation returns.
 *
 * <p>It serves both function signatures, because the platform picks one from how the function is deployed: with an
 * Eventarc trigger the Functions Framework hands over a {@link CloudEvent} ({@code cloudevent} signature); pointed at
 * by a Pub/Sub push subscription (no trigger, the deployment {@code infra/gcp} makes) it is an HTTP function and
 * reads the push request itself. The framework's own conversion of a push request into a CloudEvent fails (invoker
 * 2.0.0 answers 500 before any function code runs), so the HTTP path is what makes direct push work.
 *
 * <p>Acknowledging means returning normally (2xx). A sink failure that may pass fails the invocation (500), so
 * Pub/Sub redelivers; an event that cannot be read fails it too (an exception, or 400 over HTTP), so after the
 * subscription's maximum delivery attempts it lands in the dead-letter topic instead of being silently dropped.
 */
public final class AuditLogFunction implements CloudEventsFunction, HttpFunction {
    /** Seconds all sinks together may take for one event; keep it below the function timeout and the ack deadline. */
    static final String DELIVERY_BUDGET = "FIREWATCH_DELIVERY_BUDGET_SECONDS";
    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    private final AlertPipeline pipeline;

    /** Called once per instance by the Functions Framework: settings come from the environment. */
    public AuditLogFunction() {
        this(System.getenv(), new StructuredLog(System.out));
    }

    /**
     * Builds the pipeline from the settings and primes the whole alert path (core's {@link io.firewatch.core.Priming})
     * while the instance starts, so the first event does not pay for class loading.
     */
    AuditLogFunction(Map<String, String> env, StructuredLog log) {
        this(fromEnvironment(env, log));
        pipeline.prime();
    }

    AuditLogFunction(AlertPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private static AlertPipeline fromEnvironment(Map<String, String> env, StructuredLog log) {
        try {
            Settings settings = Settings.from(env);
            Duration budget = budget(settings.value(DELIVERY_BUDGET));
            Duration claimsTtl = DeliveryClaims.ttlHours(settings.value(DeliveryClaims.TTL_HOURS));
            FirestoreClaimStore store = FirestoreClaimStore.fromEnvironment(env);
            Dispatcher dispatcher = new Dispatcher(settings.sinks(), settings.minSeverity(),
                    store == null ? null : new DeliveryClaims(store, DeliveryClaims.DEFAULT_LEASE, claimsTtl,
                            Clock.systemUTC(), Backoff.standard(), line -> log.error(line, Map.of())));
            if (store != null) {
                store.prime();
            }
            ResponseSettings response = ResponseSettings.from(settings::value);
            log.info("firewatch ready", fields(
                    "sinks", dispatcher.sinks().stream().map(Sink::name).toList(),
                    "deliveryClaims", store == null ? "within this instance only" : store.describe(),
                    "minSeverity", settings.minSeverity().name().toLowerCase(Locale.ROOT),
                    "deliveryBudgetSeconds", budget.toSeconds(),
                    "responseMode", response.mode().wire(),
                    "configWarnings", settings.config().warnings()));
            Firewatch firewatch = new Firewatch(settings.config(), ChangeEnricher.NONE, response);
            return new AlertPipeline(firewatch, dispatcher, budget, log,
                    new AutomaticResponse(firewatch.responsePlanner(), responder(response)));
        } catch (ConfigException e) {
            // The message names the variable or key at fault, never its value.
            log.error("firewatch settings are invalid; the function cannot start", fields("reason", e.getMessage()));
            throw e;
        }
    }

    /** The Compute Engine responder exists only in {@code enforce} mode; it connects on first use. */
    private static Responder responder(ResponseSettings response) {
        if (response.mode() != ResponseMode.ENFORCE) {
            return Responder.NONE;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new ComputeResponder(http, ComputeResponder.DEFAULT_BASE_URL,
                new MetadataTokens(http, MetadataTokens.DEFAULT_URL, Clock.systemUTC()));
    }

    @Override
    public void accept(CloudEvent event) throws EventNotAcknowledged {
        String id = event.getId();
        Map<String, Object> ids = Ids.of("cloudevent", id, event.getType(), Ids.messageId(event.getType(), id));
        Verdict verdict;
        try {
            JsonNode document = CloudEventDocument.of(event);
            verdict = pipeline.run(ids, scan -> scan.read(document, "cloudevent:" + id));
        } catch (CloudEventDocument.UnreadableData e) {
            verdict = pipeline.reject(ids, e.getMessage());
        }
        switch (verdict) {
            case ACKNOWLEDGE -> {
            }
            case REDELIVER -> throw new EventNotAcknowledged("event " + id + ": alert delivery failed, redeliver");
            case REJECT -> throw new EventNotAcknowledged("event " + id + ": unreadable");
        }
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws Exception {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            response.setStatusCode(405);
            response.appendHeader("Allow", "POST");
            return;
        }
        Verdict verdict;
        try {
            HttpEvent event = HttpEvent.from(request);
            verdict = pipeline.run(event.ids(), event::readInto);
        } catch (HttpEvent.Unreadable e) {
            verdict = pipeline.reject(e.ids(), e.getMessage());
        }
        response.setStatusCode(switch (verdict) {
            case ACKNOWLEDGE -> 200;
            case REDELIVER -> 500;
            case REJECT -> 400;
        });
    }

    private static Duration budget(String seconds) {
        if (seconds == null) {
            return DEFAULT_BUDGET;
        }
        long s;
        try {
            s = Long.parseLong(seconds.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(DELIVERY_BUDGET + ": not a whole number of seconds");
        }
        if (s < 1 || s > 3600) {
            throw new ConfigException(DELIVERY_BUDGET + ": must be 1 to 3600 seconds");
        }
        return Duration.ofSeconds(s);
    }
}
