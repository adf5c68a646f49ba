package io.firewatch.core.normalize.aws;

import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Rule;
import java.util.List;
import java.util.stream.Collectors;

/** A compact, readable form of rules for table tests: {@code ingress allow tcp 22 from 0.0.0.0/0 ::/0}. */
final class RuleSummary {
    private RuleSummary() {
    }

    static String of(List<Rule> rules) {
        return rules.stream().map(RuleSummary::of).collect(Collectors.joining("; "));
    }

    static String of(Rule r) {
        StringBuilder b = new StringBuilder();
        b.append(r.direction() == Direction.UNKNOWN ? "?" : r.direction().wire()).append(' ')
                .append(r.access().wire()).append(' ')
                .append(r.protocol()).append(' ')
                .append(r.ports() == null ? "*" : r.ports().toString());
        if (!r.sources().isEmpty()) {
            b.append(" from ").append(String.join(" ", r.sources()));
        }
        if (!r.destinations().isEmpty()) {
            b.append(" to ").append(String.join(" ", r.destinations()));
        }
        return b.toString();
    }
}
