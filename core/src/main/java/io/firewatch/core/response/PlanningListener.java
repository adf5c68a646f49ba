package io.firewatch.core.response;

import io.firewatch.core.ScanListener;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;

/** Writes each alert's {@code response} plan before the alert reaches the listener behind it. */
public final class PlanningListener implements ScanListener {
    private final ResponsePlanner planner;
    private final ScanListener next;

    public PlanningListener(ResponsePlanner planner, ScanListener next) {
        this.planner = planner;
        this.next = next;
    }

    @Override
    public void alert(Alert alert) {
        next.alert(planner.plan(alert));
    }

    @Override
    public void problem(Problem problem) {
        next.problem(problem);
    }

    @Override
    public void ignored(Origin origin, String why) {
        next.ignored(origin, why);
    }
}
