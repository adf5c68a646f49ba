package io.firewatch.core.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import io.firewatch.core.response.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes an alert as the contract's JSON (CONTRACT §2), one line, fields in contract order. */
public final class AlertJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private AlertJson() {
    }

    public static String toJson(Alert alert) {
        StringWriter out = new StringWriter(1024);
        write(alert, out);
        return out.toString();
    }

    public static void write(Alert alert, Writer writer) {
        try (JsonGenerator g = FACTORY.createGenerator(writer)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(alert, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Alert alert, JsonGenerator g) throws IOException {
        FirewallChange c = alert.change();
        g.writeStartObject();
        g.writeStringField("id", alert.id());
        g.writeStringField("provider", c.provider().wire());
        g.writeStringField("account", c.account());
        g.writeStringField("region", c.region());
        g.writeStringField("time", c.time() == null ? null : c.time().toString());
        g.writeStringField("operation", c.operation());
        g.writeStringField("action", c.action().wire());
        g.writeStringField("outcome", c.outcome().wire());
        g.writeStringField("severity", alert.severity().wire());
        g.writeFieldName("openToWorld");
        if (alert.openToWorld() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(alert.openToWorld());
        }
        ResourceRef r = c.resource();
        g.writeObjectFieldStart("resource");
        g.writeStringField("id", r.id());
        g.writeStringField("name", r.name());
        g.writeStringField("type", r.type());
        g.writeEndObject();
        Actor a = c.actor();
        g.writeObjectFieldStart("actor");
        g.writeStringField("principal", a.principal());
        g.writeStringField("type", a.type());
        g.writeStringField("sourceIp", a.sourceIp());
        g.writeStringField("userAgent", a.userAgent());
        g.writeEndObject();
        g.writeArrayFieldStart("rules");
        for (Rule rule : c.rules()) {
            writeRule(rule, g);
        }
        g.writeEndArray();
        strings(g, "techniques", alert.techniques());
        g.writeStringField("eventId", c.eventId());
        strings(g, "reasons", alert.reasons());
        g.writeBooleanField("suppressed", alert.suppressed());
        Response response = alert.response();
        if (response != null) {
            g.writeObjectFieldStart("response");
            g.writeStringField("mode", response.mode().wire());
            g.writeStringField("action", response.action());
            g.writeStringField("status", response.status().wire());
            g.writeStringField("detail", response.detail());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeRule(Rule rule, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("direction", rule.direction().wire());
        g.writeStringField("access", rule.access().wire());
        g.writeStringField("protocol", rule.protocol());
        if (rule.ports() == null) {
            g.writeNullField("fromPort");
            g.writeNullField("toPort");
        } else {
            g.writeNumberField("fromPort", rule.ports().from());
            g.writeNumberField("toPort", rule.ports().to());
        }
        strings(g, "sources", rule.sources());
        strings(g, "destinations", rule.destinations());
        // Optional context, written only when the event carries it (older consumers never see a null they did not expect).
        if (rule.name() != null) {
            g.writeStringField("name", rule.name());
        }
        if (rule.priority() != null) {
            g.writeNumberField("priority", rule.priority());
        }
        if (rule.description() != null) {
            g.writeStringField("description", rule.description());
        }
        if (rule.network() != null) {
            g.writeStringField("network", rule.network());
        }
        if (!rule.targets().isEmpty()) {
            strings(g, "targets", rule.targets());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
