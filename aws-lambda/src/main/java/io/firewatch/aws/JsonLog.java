package io.firewatch.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.sink.DeliveryReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * One JSON object per line on stdout, which Lambda ships to CloudWatch Logs where Logs Insights reads the fields.
 * Lines carry ids and verdicts, never whole events; every value goes through the JSON writer, so attacker-controlled
 * text cannot break a line or forge a field. Non-ASCII is escaped too, so the platform's default charset cannot garble
 * a line.
 */
final class JsonLog {
    static final int MAX_TEXT = 500;
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final PrintStream out;
    private final Clock clock;

    JsonLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void alert(String requestId, String input, Alert alert) {
        line("INFO", "alert", requestId, input, g -> {
            g.writeStringField("alertId", alert.id());
            g.writeStringField("severity", alert.severity().wire());
            g.writeStringField("operation", alert.change().operation());
            g.writeStringField("account", clip(alert.change().account()));
            g.writeStringField("region", clip(alert.change().region()));
            g.writeStringField("outcome", alert.change().outcome().wire());
            g.writeStringField("eventId", clip(alert.change().eventId()));
            g.writeBooleanField("suppressed", alert.suppressed());
        });
    }

    void problem(String requestId, String input, Problem problem) {
        line("ERROR", "input-failure", requestId, input, g -> {
            g.writeStringField("kind", problem.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("at", clip(problem.origin().path()));
            g.writeStringField("detail", clip(problem.message()));
        });
    }

    void inputFailure(String requestId, String input, String detail) {
        line("ERROR", "input-failure", requestId, input, g -> g.writeStringField("detail", clip(detail)));
    }

    void deliveryFailure(String requestId, String input, DeliveryReport.Failure failure) {
        line("ERROR", "delivery-failure", requestId, input, g -> {
            g.writeStringField("alertId", failure.alertId());
            g.writeStringField("sink", failure.sink());
            g.writeBooleanField("retryable", failure.retryable());
            g.writeStringField("detail", clip(failure.message()));
        });
    }

    void setupFailure(String requestId, String detail) {
        line("ERROR", "setup-failure", requestId, null, g -> g.writeStringField("detail", clip(detail)));
    }

    void notice(String requestId, String detail) {
        line("WARN", "notice", requestId, null, g -> g.writeStringField("detail", clip(detail)));
    }

    private void line(String level, String type, String requestId, String input, Fields fields) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("time", clock.instant().toString());
            g.writeStringField("level", level);
            g.writeStringField("type", type);
            if (requestId != null) {
                g.writeStringField("requestId", requestId);
            }
            if (input != null) {
                g.writeStringField("input", clip(input));
            }
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(w);
    }

    /** Long values are cut: a log line names things, it does not carry them. */
    static String clip(String value) {
        if (value == null || value.length() <= MAX_TEXT) {
            return value;
        }
        return value.substring(0, MAX_TEXT) + "…";
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }
}
