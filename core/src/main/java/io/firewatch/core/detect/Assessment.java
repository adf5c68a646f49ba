package io.firewatch.core.detect;

import io.firewatch.core.model.Severity;
import java.util.List;

/**
 * The detector's verdict on one change.
 *
 * @param openToWorld true when an ingress allow rule admits the whole internet; null when that cannot be told
 */
public record Assessment(Severity severity, Boolean openToWorld, List<String> reasons) {
    public Assessment {
        reasons = List.copyOf(reasons);
    }
}
