package io.firewatch.core.response;

import io.firewatch.core.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs after delivery in {@code enforce} mode: takes back what each alert planned and returns one follow-up alert per
 * answered change, for the same sinks, so the on-call engineer sees "taken back" or "could not take back: why". A
 * follow-up has its own id (the alert's id + {@code :response}), so dedup stores treat it as a delivery of its own.
 */
public final class AutomaticResponse {
    public static final String FOLLOW_UP_SUFFIX = ":response";

    private final ResponsePlanner planner;
    private final Responder responder;

    public AutomaticResponse(ResponsePlanner planner, Responder responder) {
        this.planner = planner;
        this.responder = responder;
    }

    public boolean enforcing() {
        return planner.settings().mode() == ResponseMode.ENFORCE;
    }

    /** Carries out the planned responses of {@code alerts}; returns their follow-ups (none outside enforce). */
    public List<Alert> carryOut(List<Alert> alerts) {
        List<Alert> followUps = new ArrayList<>();
        if (!enforcing()) {
            return followUps;
        }
        for (Alert alert : alerts) {
            if (alert.response() == null || !alert.response().planned()) {
                continue;
            }
            List<Remedy> remedies = planner.remedies(alert);
            if (remedies.isEmpty()) {
                continue;
            }
            followUps.add(followUp(alert, remedies));
        }
        return followUps;
    }

    private Alert followUp(Alert alert, List<Remedy> remedies) {
        List<String> details = new ArrayList<>();
        boolean failed = false;
        boolean done = false;
        for (Remedy remedy : remedies) {
            Responder.Outcome o;
            try {
                o = responder.take(remedy);
            } catch (RuntimeException e) {
                o = Responder.Outcome.failed("the responder failed: " + e.getClass().getSimpleName());
            }
            failed |= o.status() == Response.Status.FAILED;
            done |= o.status() == Response.Status.DONE;
            details.add(o.detail());
        }
        Response.Status status = failed ? Response.Status.FAILED : done ? Response.Status.DONE : Response.Status.SKIPPED;
        String prefix = switch (status) {
            case DONE -> "taken back: ";
            case FAILED -> "could not take back: ";
            default -> "nothing to take back: ";
        };
        Response outcome = new Response(ResponseMode.ENFORCE, remedies.get(0).action(), status, prefix + String.join("; ", details));
        return new Alert(alert.id() + FOLLOW_UP_SUFFIX, alert.change(), alert.severity(), alert.openToWorld(),
                alert.reasons(), alert.suppressed(), outcome);
    }
}
