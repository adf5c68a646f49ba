package io.firewatch.aws;

import io.firewatch.core.Firewatch;
import io.firewatch.core.Scan;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.FirewatchConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one built-in event through core during init, so class loading and the first pass through the parser,
 * normalizers and detector happen before the first real event (and, with SnapStart, inside the snapshot). It is
 * pure computation: no connection, no clock or random value is kept, and nothing is delivered.
 */
final class Priming {
    private static final String EVENT = "priming-event.json";

    private Priming() {
    }

    /** Returns the number of alerts the built-in event gave (one when core works as expected). */
    static int prime() {
        try (InputStream in = Priming.class.getResourceAsStream(EVENT)) {
            if (in == null) {
                return 0;
            }
            List<Alert> alerts = new ArrayList<>();
            Scan scan = new Firewatch(FirewatchConfig.defaults()).newScan(alerts::add);
            scan.read(in.readAllBytes(), "priming");
            scan.finish();
            for (Alert a : alerts) {
                AlertJson.toJson(a);
                SnsPublication.of(a);
            }
            return alerts.size();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
