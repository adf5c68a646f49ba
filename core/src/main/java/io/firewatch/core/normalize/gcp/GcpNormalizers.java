package io.firewatch.core.normalize.gcp;

import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.normalize.Normalizer;
import java.util.List;

/** The Gcp shapes, envelopes first. */
public final class GcpNormalizers {
    private GcpNormalizers() {
    }

    public static List<Normalizer> create(OperationCatalog catalog) {
        return List.of();
    }
}
