package io.firewatch.core.normalize.gcp;

import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.normalize.Normalizer;
import java.util.List;

/**
 * The GCP shapes, envelopes first: a Pub/Sub push envelope, a bare Pub/Sub message (also the gen1 background-function
 * form), a structured CloudEvent of a {@code google.*} type, and last the Cloud Audit Logs {@code LogEntry} they carry.
 */
public final class GcpNormalizers {
    private GcpNormalizers() {
    }

    public static List<Normalizer> create(OperationCatalog catalog) {
        return List.of(new PubSubPushEnvelope(), new PubSubMessage(), new GoogleCloudEvent(), new AuditLogEntry(catalog));
    }
}
