package io.firewatch.core.normalize.azure;

import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.normalize.Normalizer;
import java.util.List;

/** The Azure shapes: Event Grid schema events, CloudEvents 1.0 events, Activity Log records. */
public final class AzureNormalizers {
    private AzureNormalizers() {
    }

    public static List<Normalizer> create(OperationCatalog catalog) {
        AzureChanges changes = new AzureChanges(catalog);
        ResourceEvents events = new ResourceEvents(catalog, changes);
        return List.of(new EventGridNormalizer(events), new CloudEventNormalizer(events),
                new ActivityLogNormalizer(catalog, changes));
    }
}
