package io.firewatch.core.normalize.azure;

import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.normalize.Normalizer;
import java.util.List;

/** The Azure shapes, envelopes first. */
public final class AzureNormalizers {
    private AzureNormalizers() {
    }

    public static List<Normalizer> create(OperationCatalog catalog) {
        return List.of();
    }
}
