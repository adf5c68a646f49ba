package io.firewatch.core.normalize;

import io.firewatch.core.model.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the rules one event states in several places (a request's items, its flat parameters, the response's
 * canonical record; an Azure request body and response body) into one list. A rule is dropped only when earlier rules
 * of the same kind (direction, access, protocol, ports, name, priority and the other end) already name every one of its
 * sources (or, for a rule without sources, its destinations), so repeats go and nothing a single place adds is lost.
 */
public final class DistinctRules {
    private DistinctRules() {
    }

    public static List<Rule> of(List<Rule> rules) {
        List<Rule> kept = new ArrayList<>();
        Map<List<Object>, Set<String>> seen = new HashMap<>();
        for (Rule r : rules) {
            List<Object> kind = kindOf(r);
            Set<String> addresses = seen.computeIfAbsent(kind, k -> new HashSet<>());
            List<String> own = r.sources().isEmpty() ? r.destinations() : r.sources();
            boolean repeat = own.isEmpty() ? kept.contains(r) : addresses.containsAll(own);
            if (!repeat) {
                kept.add(r);
                addresses.addAll(own);
            }
        }
        return kept;
    }

    private static List<Object> kindOf(Rule r) {
        Object otherEnd = r.sources().isEmpty() ? "no sources" : new HashSet<>(r.destinations());
        return Arrays.asList(r.direction(), r.access(), r.protocol(), r.ports(), r.name(), r.priority(), otherEnd);
    }
}
