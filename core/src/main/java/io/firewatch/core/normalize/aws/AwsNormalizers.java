package io.firewatch.core.normalize.aws;

import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.normalize.Normalizer;
import java.util.List;

/** The Aws shapes, envelopes first. */
public final class AwsNormalizers {
    private AwsNormalizers() {
    }

    public static List<Normalizer> create(OperationCatalog catalog) {
        return List.of();
    }
}
