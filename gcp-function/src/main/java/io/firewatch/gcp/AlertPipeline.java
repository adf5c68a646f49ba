package io.firewatch.gcp;

import io.firewatch.core.Firewatch;
import io.firewatch.core.InputResult;
import io.firewatch.core.Scan;
import io.firewatch.core.ScanListener;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.response.AutomaticResponse;
import io.firewatch.core.response.Responder;
import io.firewatch.core.sink.DeliveryReport;
import io.firewatch.core.sink.Dispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One event's way through Firewatch: scan it, deliver its alerts to the sinks before answering, take back what the
 * automatic response planned (CONTRACT §6) and deliver its outcome, log what happened by id, and decide whether the
 * platform may drop the event.
 */
final class AlertPipeline {
    private final Firewatch firewatch;
    private final Dispatcher dispatcher;
    private final Duration budget;
    private final StructuredLog log;
    private final AutomaticResponse response;

    AlertPipeline(Firewatch firewatch, Dispatcher dispatcher, Duration budget, StructuredLog log) {
        this(firewatch, dispatcher, budget, log, new AutomaticResponse(firewatch.responsePlanner(), Responder.NONE));
    }

    AlertPipeline(Firewatch firewatch, Dispatcher dispatcher, Duration budget, StructuredLog log, AutomaticResponse response) {
        this.firewatch = firewatch;
        this.dispatcher = dispatcher;
        this.budget = budget;
        this.log = log;
        this.response = response;
    }

    /** Primes the alert path with core's built-in events; delivers nothing. Returns how many gave an alert. */
    int prime() {
        return io.firewatch.core.Priming.prime(firewatch, dispatcher).size();
    }

    /** Runs one event; {@code read} feeds it to the scan. {@code ids} identify it in every log line. */
    Verdict run(Map<String, Object> ids, Function<Scan, InputResult> read) {
        List<Alert> alerts = new ArrayList<>();
        Scan scan = firewatch.newScan(new ScanListener() {
            @Override
            public void alert(Alert alert) {
                alerts.add(alert);
            }
        });
        InputResult result = read.apply(scan);
        scan.finish();

        DeliveryReport report = dispatcher.dispatch(alerts, budget);
        for (Alert alert : alerts) {
            log.info("alert", with(ids, "alertId", alert.id(), "alertSeverity", wire(alert.severity().name()),
                    "suppressed", alert.suppressed(), "forSinks", dispatcher.wants(alert)));
        }
        List<DeliveryReport.Failure> failures = new ArrayList<>(report.failures());
        boolean retry = report.retryable();
        // The response follows the delivery attempt whatever its result: a world-open rule is not left open because
        // a sink was down. Its outcome goes to the same sinks as a follow-up alert.
        List<Alert> followUps = response.carryOut(alerts);
        if (!followUps.isEmpty()) {
            DeliveryReport followUpReport = dispatcher.dispatch(followUps, budget);
            for (Alert f : followUps) {
                log.info("automatic response", with(ids, "alertId", f.id(), "action", f.response().action(),
                        "status", f.response().status().wire(), "detail", f.response().detail()));
            }
            failures.addAll(followUpReport.failures());
            retry |= followUpReport.retryable();
        }
        for (DeliveryReport.Failure f : failures) {
            log.error("alert not delivered", with(ids, "alertId", f.alertId(), "sink", f.sink(),
                    "retryable", f.retryable(), "reason", f.message()));
        }
        for (Problem p : result.problems()) {
            log.error("unreadable message, not acknowledged", with(ids, "origin", p.origin().toString(),
                    "problem", wire(p.kind().name()), "reason", p.message()));
        }
        Verdict verdict = retry ? Verdict.REDELIVER : result.ok() ? Verdict.ACKNOWLEDGE : Verdict.REJECT;
        log.info("event processed", with(ids, "documents", result.documents(), "changes", result.changes(),
                "ignored", result.ignored(), "alerts", alerts.size(), "delivered", report.delivered(),
                "failures", failures.size(), "verdict", wire(verdict.name())));
        return verdict;
    }

    /** An event that never reached the scan. */
    Verdict reject(Map<String, Object> ids, String reason) {
        log.error("unreadable message, not acknowledged", with(ids, "reason", reason));
        return Verdict.REJECT;
    }

    private static String wire(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> with(Map<String, Object> ids, Object... more) {
        Map<String, Object> all = new LinkedHashMap<>(ids);
        all.putAll(StructuredLog.fields(more));
        return all;
    }
}
