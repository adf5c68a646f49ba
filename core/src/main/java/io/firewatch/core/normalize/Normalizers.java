package io.firewatch.core.normalize;

import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.normalize.aws.AwsNormalizers;
import io.firewatch.core.normalize.azure.AzureNormalizers;
import io.firewatch.core.normalize.gcp.GcpNormalizers;
import java.util.ArrayList;
import java.util.List;

/**
 * Every shape Firewatch reads, in the order they are tried. Each cloud contributes its envelopes first and its
 * record normalizers last; no two recognise the same document (NormalizersTest checks that on every fixture).
 */
public final class Normalizers {
    private Normalizers() {
    }

    public static List<Normalizer> standard(OperationCatalog catalog) {
        List<Normalizer> all = new ArrayList<>();
        all.addAll(AwsNormalizers.create(catalog));
        all.addAll(AzureNormalizers.create(catalog));
        all.addAll(GcpNormalizers.create(catalog));
        return List.copyOf(all);
    }
}
