package io.firewatch.azure;

import io.firewatch.core.InputResult;
import io.firewatch.core.Scan;
import io.firewatch.core.ScanListener;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.sink.DeliveryReport;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One function invocation: every input through one scan (so records of one change collapse to one alert across the
 * batch), then delivery of the alerts before returning. Logs ids, severities and counts only, never event content.
 * Throws {@link InvocationFailedException} when the platform should redeliver: an input that could not be read or
 * recognised, or an alert a sink could not take for now.
 */
final class Invocation {
    /** One input: where it came from (an id for logs) and its bytes. */
    record Input(String source, byte[] content) {
    }

    /** What the invocation did, for tests and the summary line. */
    record Summary(int inputs, List<Alert> alerts, List<Problem> problems, DeliveryReport delivery) {
    }

    private final FunctionRuntime runtime;
    private final Logger log;

    Invocation(FunctionRuntime runtime, Logger log) {
        this.runtime = runtime;
        this.log = log;
    }

    Summary run(List<Input> inputs) {
        List<Alert> alerts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Scan scan = runtime.firewatch().newScan(new ScanListener() {
            @Override
            public void alert(Alert alert) {
                alerts.add(alert);
            }

            @Override
            public void ignored(Origin origin, String why) {
                log.fine(() -> origin.source() + ": not a firewall change");
            }
        });
        for (Input input : inputs) {
            InputResult result = scan.read(input.content(), input.source());
            if (result.documents() == 0 && result.ok()) {
                problems.add(new Problem(Origin.of(input.source()), Problem.Kind.MALFORMED, "no event in the input"));
            }
            problems.addAll(result.problems());
        }
        scan.finish();

        for (Alert a : alerts) {
            log.info(() -> "alert " + LogSafe.id(a.id()) + " severity=" + a.severity().wire() + " event=" + LogSafe.id(a.change().eventId())
                    + (a.suppressed() ? " suppressed" : runtime.dispatcher().wants(a) ? "" : " below the minimum severity"));
        }
        for (Problem p : problems) {
            log.severe(() -> "input " + LogSafe.id(p.origin().toString()) + " could not be judged: " + p.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        DeliveryReport delivery = deliverAndRespond(alerts);
        for (DeliveryReport.Failure f : delivery.failures()) {
            log.log(f.retryable() ? Level.WARNING : Level.SEVERE, () -> "alert " + LogSafe.id(f.alertId()) + " not delivered to "
                    + f.sink() + (f.retryable() ? " (will be retried)" : " (not retryable)") + ": " + f.message());
        }
        Summary summary = new Summary(inputs.size(), List.copyOf(alerts), List.copyOf(problems), delivery);
        log.info(() -> summary.inputs() + " input(s), " + alerts.size() + " alert(s), " + delivery.delivered()
                + " delivery(ies), " + delivery.failures().size() + " failure(s), " + problems.size() + " problem(s)");
        if (!problems.isEmpty()) {
            throw new InvocationFailedException(problems.size() + " input(s) could not be judged: "
                    + problems.stream().map(p -> LogSafe.id(p.origin().source())).distinct().toList());
        }
        if (delivery.retryable()) {
            throw new InvocationFailedException(delivery.failures().size() + " delivery failure(s), retrying: alerts "
                    + delivery.failures().stream().map(f -> LogSafe.id(f.alertId())).distinct().toList());
        }
        return summary;
    }

    /**
     * Delivers the alerts, then takes back what the automatic response planned and delivers its follow-ups (added to
     * {@code alerts}). The response follows the delivery attempt whatever its result: a world-open rule is not left
     * open because a sink was down.
     */
    private DeliveryReport deliverAndRespond(List<Alert> alerts) {
        DeliveryReport delivery = runtime.dispatcher().dispatch(alerts, runtime.deliveryBudget());
        List<Alert> followUps = runtime.response().carryOut(alerts);
        if (followUps.isEmpty()) {
            return delivery;
        }
        for (Alert f : followUps) {
            log.info(() -> "automatic response for " + LogSafe.id(f.id()) + ": " + f.response().action() + " "
                    + f.response().status().wire());
        }
        DeliveryReport followUpDelivery = runtime.dispatcher().dispatch(followUps, runtime.deliveryBudget());
        List<DeliveryReport.Failure> failures = new ArrayList<>(delivery.failures());
        failures.addAll(followUpDelivery.failures());
        alerts.addAll(followUps);
        return new DeliveryReport(delivery.delivered() + followUpDelivery.delivered(),
                delivery.skipped() + followUpDelivery.skipped(), failures);
    }
}
