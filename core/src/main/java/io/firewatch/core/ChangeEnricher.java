package io.firewatch.core;

import io.firewatch.core.model.FirewallChange;

/**
 * Fills in what an event leaves out, before the detector judges it: the Azure function reads a rule from ARM when
 * Event Grid carried none. Must not throw: on failure it returns the change as it was, with a note saying why.
 */
@FunctionalInterface
public interface ChangeEnricher {
    ChangeEnricher NONE = change -> change;

    FirewallChange enrich(FirewallChange change);
}
