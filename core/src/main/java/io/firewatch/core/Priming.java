package io.firewatch.core;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.sink.Dispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs built-in events of every provider through the whole alert path at a function's initialisation (and, under
 * AWS SnapStart, before the snapshot), so class loading and the first pass through the parser, normalizers, detector,
 * alert JSON and each sink's rendering and request building happen before the first real event. Pure computation:
 * the events carry their rules (no enrichment lookup), sinks only {@linkplain io.firewatch.core.sink.Sink#prime
 * prime}, nothing is delivered, no connection is opened and no clock or random value is kept.
 */
public final class Priming {
    private static final List<String> EVENTS = List.of("aws.json", "azure.json", "gcp.json");

    private Priming() {
    }

    /** Returns the alerts the built-in events gave (one per provider when core works as expected). Never throws. */
    public static List<Alert> prime(Firewatch firewatch, Dispatcher dispatcher) {
        List<Alert> alerts = new ArrayList<>();
        try {
            Scan scan = firewatch.newScan(alerts::add);
            for (String name : EVENTS) {
                try (InputStream in = Priming.class.getResourceAsStream("priming/" + name)) {
                    if (in != null) {
                        scan.read(in.readAllBytes(), "priming:" + name);
                    }
                }
            }
            scan.finish();
            // The alert JSON is what every function logs; each sink renders its own form when it primes.
            for (Alert a : alerts) {
                AlertJson.toJson(a);
            }
            if (!alerts.isEmpty() && dispatcher != null) {
                dispatcher.prime(alerts.get(0));
            }
        } catch (IOException | RuntimeException e) {
            // Priming only saves time; the first real event does the same work if it failed.
        }
        return alerts;
    }
}
