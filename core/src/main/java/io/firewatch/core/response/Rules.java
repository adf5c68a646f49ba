package io.firewatch.core.response;

import io.firewatch.core.model.Rule;
import java.util.List;
import java.util.stream.Collectors;

/** Short plain-words forms of rules for response details. */
final class Rules {
    private Rules() {
    }

    static String summary(List<Rule> rules) {
        return rules.stream().map(Rules::summary).collect(Collectors.joining("; "));
    }

    static String summary(Rule r) {
        String ports = r.ports() == null || r.ports().isAll() ? "" : "/" + r.ports();
        String proto = r.isAllProtocols() ? "all traffic" : r.protocol() + ports;
        return proto + " from " + String.join(", ", r.sources());
    }
}
