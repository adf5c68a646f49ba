package io.firewatch.gcp;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/** A CloudEvent as the Functions Framework hands one over, built by hand (cloudevents-core is not on the classpath). */
record TestCloudEvent(String id, String type, String source, String subject, OffsetDateTime time, String data,
                      Map<String, Object> extensions) implements CloudEvent {

    static TestCloudEvent of(String id, String type, String data) {
        return new TestCloudEvent(id, type, "//pubsub.googleapis.com/projects/acme-security/topics/firewatch-audit-logs",
                null, OffsetDateTime.parse("2026-03-14T12:30:05.114+01:00"), data, Map.of());
    }

    @Override
    public CloudEventData getData() {
        return data == null ? null : () -> data.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public SpecVersion getSpecVersion() {
        return SpecVersion.V1;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public URI getSource() {
        return URI.create(source);
    }

    @Override
    public String getDataContentType() {
        return "application/json";
    }

    @Override
    public URI getDataSchema() {
        return null;
    }

    @Override
    public String getSubject() {
        return subject;
    }

    @Override
    public OffsetDateTime getTime() {
        return time;
    }

    @Override
    public Object getAttribute(String name) {
        return switch (name) {
            case "id" -> id;
            case "type" -> type;
            case "source" -> getSource();
            case "subject" -> subject;
            case "time" -> time;
            case "specversion" -> getSpecVersion();
            case "datacontenttype" -> getDataContentType();
            default -> null;
        };
    }

    @Override
    public Object getExtension(String name) {
        return extensions.get(name);
    }

    @Override
    public Set<String> getExtensionNames() {
        return extensions.keySet();
    }
}
