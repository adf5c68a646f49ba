package io.firewatch.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.ChangeEnricher;
import io.firewatch.core.Firewatch;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Severity;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.testing.RecordingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** A worker runtime for tests: real core, the given enricher, one recording sink. */
final class Harness {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final RecordingSink sink = new RecordingSink();
    final FunctionRuntime runtime;

    Harness(ChangeEnricher enricher) {
        this.runtime = new FunctionRuntime(new Firewatch(FirewatchConfig.defaults(), enricher),
                new Dispatcher(List.of(sink), Severity.LOW), Duration.ofSeconds(5));
    }

    FirewallEventGrid eventGrid() {
        return new FirewallEventGrid(() -> runtime);
    }

    FirewallActivityLog activityLog() {
        return new FirewallActivityLog(() -> runtime);
    }

    /** The only alert delivered, in its contract JSON form. */
    JsonNode onlyAlert() {
        if (sink.sent.size() != 1) {
            throw new AssertionError("expected one alert, got " + sink.sent.size() + ": " + sink.sent);
        }
        return json(sink.sent.get(0));
    }

    static JsonNode json(Alert alert) {
        try {
            return MAPPER.readTree(AlertJson.toJson(alert));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
