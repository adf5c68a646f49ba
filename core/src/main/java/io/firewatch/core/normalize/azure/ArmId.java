package io.firewatch.core.normalize.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An Azure Resource Manager id read leniently: transports spell the same id in different cases
 * ({@code resourceGroups}, {@code resourcegroups}, {@code RESOURCEGROUPS}), so segments are matched ignoring case
 * and the id itself is kept as written.
 *
 * @param subscription the subscription GUID in lower case, or null
 * @param name         the last segment (the resource's own name), or null
 * @param type         {@code Namespace/type/childType} of the innermost provider, or null
 */
record ArmId(String id, String subscription, String name, String type) {

    static ArmId parse(String id) {
        if (id == null || id.isBlank()) {
            return new ArmId(null, null, null, null);
        }
        List<String> segments = new ArrayList<>();
        for (String s : id.strip().split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        String subscription = null;
        int providers = -1;
        for (int i = 0; i + 1 < segments.size(); i++) {
            String s = segments.get(i);
            if (subscription == null && s.equalsIgnoreCase("subscriptions")) {
                subscription = segments.get(i + 1).toLowerCase(Locale.ROOT);
            }
            if (s.equalsIgnoreCase("providers")) {
                providers = i;
            }
        }
        String name = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        return new ArmId(id, subscription, name, type(segments, providers));
    }

    /** {@code providers/Ns/t1/n1/t2/n2} gives {@code Ns/t1/t2}; a provider with no typed child gives null. */
    private static String type(List<String> segments, int providers) {
        if (providers < 0 || providers + 2 >= segments.size()) {
            return null;
        }
        StringBuilder b = new StringBuilder(segments.get(providers + 1));
        for (int i = providers + 2; i < segments.size(); i += 2) {
            b.append('/').append(segments.get(i));
        }
        return b.toString();
    }
}
