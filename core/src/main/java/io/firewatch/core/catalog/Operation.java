package io.firewatch.core.catalog;

import io.firewatch.core.model.Action;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.Target;
import java.util.List;

/**
 * One watched operation: a line of {@code catalog/<provider>.csv}.
 *
 * @param service      AWS event source, Azure resource provider, or GCP service name
 * @param operation    AWS event name, Azure operation name (mixed case), GCP method (compute methods without their
 *                     {@code v1.}/{@code beta.}/{@code alpha.} prefix)
 * @param rules        the name of the rule parser that reads this operation's payload ({@code none} for none)
 * @param resourceId   dotted paths (AWS) tried in order for the resource id; empty where the normalizer knows
 * @param requires     a dotted path that must be present for the event to be a firewall change (else ignored)
 */
public record Operation(Provider provider, String service, String operation, String resourceType, Action action,
                        Target target, String rules, List<String> resourceId, List<String> resourceName,
                        String requires, String note) {

    public Operation {
        resourceId = List.copyOf(resourceId);
        resourceName = List.copyOf(resourceName);
    }
}
