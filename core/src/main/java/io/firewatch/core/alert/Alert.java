package io.firewatch.core.alert;

import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Severity;
import java.util.List;

/**
 * One alert per change (CONTRACT §2): the change, the detector's verdict and whether an allow-list matched.
 * {@link AlertJson} is the only writer of its wire form.
 */
public record Alert(String id, FirewallChange change, Severity severity, Boolean openToWorld, List<String> reasons,
                    boolean suppressed) {

    /** ATT&CK v19 id first, then the pre-v19 id, so both generations of consumers match. */
    public static final List<String> TECHNIQUES = List.of("T1686.001", "T1562.007");

    public Alert {
        reasons = List.copyOf(reasons);
    }

    public List<String> techniques() {
        return TECHNIQUES;
    }
}
