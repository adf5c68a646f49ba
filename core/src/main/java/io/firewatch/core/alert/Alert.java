package io.firewatch.core.alert;

import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Severity;
import io.firewatch.core.response.Response;
import java.util.List;

/**
 * One alert per change (CONTRACT §2): the change, the detector's verdict, whether an allow-list matched and, when a
 * response mode is on, what is done about it ({@code response}, else null). {@link AlertJson} is the only writer of
 * its wire form.
 */
public record Alert(String id, FirewallChange change, Severity severity, Boolean openToWorld, List<String> reasons,
                    boolean suppressed, Response response) {

    /** ATT&CK v19 id first, then the pre-v19 id, so both generations of consumers match. */
    public static final List<String> TECHNIQUES = List.of("T1686.001", "T1562.007");

    public Alert {
        reasons = List.copyOf(reasons);
    }

    public Alert(String id, FirewallChange change, Severity severity, Boolean openToWorld, List<String> reasons,
                 boolean suppressed) {
        this(id, change, severity, openToWorld, reasons, suppressed, null);
    }

    public Alert withResponse(Response r) {
        return new Alert(id, change, severity, openToWorld, reasons, suppressed, r);
    }

    public List<String> techniques() {
        return TECHNIQUES;
    }
}
