package io.firewatch.core;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;

/** Receives a scan's results as they happen. */
public interface ScanListener {
    void alert(Alert alert);

    /** Input that could not be read, parsed or recognised. */
    default void problem(Problem problem) {
    }

    /** A recognised event that is no firewall change. */
    default void ignored(Origin origin, String why) {
    }
}
