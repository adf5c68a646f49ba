package io.firewatch.core.render;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.detect.AddressSpace;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one-line summary every channel leads with: who did what to which firewall, where. For example
 * {@code arn:…/alice opened tcp/22 (SSH) to the internet on security group sg-0123 in 111122223333 us-east-1}
 * (long ARNs keep their last segment; the facts carry the full principal). The result is one line of unescaped text; each renderer escapes it.
 */
public final class AlertSummary {
    static final int MAX_LENGTH = 400;
    private static final int MAX_PART = 120;
    private static final int MAX_RULES = 3;
    /** Where the resource goes in a verb phrase; a control character, so no event text (all one-lined) can hold it. */
    private static final String ON = "\u0000";

    private AlertSummary() {
    }

    public static String of(Alert alert) {
        FirewallChange c = alert.change();
        String who = c.actor().principal() == null ? "An unknown principal" : Text.field(Describe.principal(c.actor().principal()), MAX_PART);
        String what = what(alert);
        String resource = Text.field(Describe.label(c.resource()), MAX_PART);
        String on = Describe.kind(c.resource().type()) + (resource == null ? "" : " " + resource);
        String where = where(c);
        String sentence;
        if (c.succeeded()) {
            sentence = who + " " + what.replace(ON, on) + where;
        } else {
            String code = c.errorCode() == null ? "" : " (" + Text.field(c.errorCode(), 60) + ")";
            sentence = who + " tried to " + infinitive(what).replace(ON, on) + where + ": refused" + code;
        }
        return Text.truncate(Text.oneLine(sentence), MAX_LENGTH);
    }

    private static String where(FirewallChange c) {
        StringBuilder b = new StringBuilder();
        if (c.account() != null) {
            b.append(" in ").append(Text.field(c.account(), 80));
        }
        if (c.region() != null) {
            b.append(b.length() == 0 ? " in " : " ").append(Text.field(c.region(), 40));
        }
        return b.toString();
    }

    /** The verb phrase, past tense, with {@link #ON} where the resource goes. */
    private static String what(Alert alert) {
        FirewallChange c = alert.change();
        List<Rule> world = Boolean.TRUE.equals(alert.openToWorld()) ? worldOpenIngress(c) : List.of();
        if (!world.isEmpty() && (c.action() == Action.CREATE || c.action() == Action.MODIFY || c.action() == Action.ENABLE)) {
            return "opened " + portList(world) + " to the internet on " + ON;
        }
        Rule first = c.rules().isEmpty() ? null : c.rules().get(0);
        String rule = first == null ? "" : " (" + Text.field(Describe.ruleBrief(first), 60) + more(c.rules().size()) + ")";
        boolean ruleLevel = c.target() == Target.RULE || c.target() == Target.RULE_GROUP;
        return switch (c.action()) {
            case CREATE -> ruleLevel ? "added " + (first == null ? "a rule" : "a rule" + rule) + " to " + ON : "created " + ON;
            case MODIFY -> ruleLevel && first != null ? "changed a rule" + rule + " of " + ON : "modified " + ON;
            case DELETE -> ruleLevel ? "removed " + (first == null ? "a rule" : "a rule" + rule) + " from " + ON : "deleted " + ON;
            case DISABLE -> ruleLevel && first != null ? "disabled a rule" + rule + " of " + ON : "disabled " + ON;
            case ENABLE -> ruleLevel && first != null ? "enabled a rule" + rule + " of " + ON : "enabled " + ON;
            case ATTACH -> "attached " + ON;
            case DETACH -> "detached " + ON;
            case TRUST -> "changed the trusted addresses of " + ON;
        };
    }

    private static String more(int rules) {
        return rules > 1 ? " and " + (rules - 1) + " more" : "";
    }

    private static String infinitive(String pastTense) {
        String[][] verbs = {{"opened", "open"}, {"added", "add"}, {"created", "create"}, {"changed", "change"},
                {"modified", "modify"}, {"removed", "remove"}, {"deleted", "delete"}, {"disabled", "disable"},
                {"enabled", "enable"}, {"attached", "attach"}, {"detached", "detach"}};
        for (String[] v : verbs) {
            if (pastTense.startsWith(v[0] + " ")) {
                return v[1] + pastTense.substring(v[0].length());
            }
        }
        return pastTense;
    }

    /** The ingress allow rules that admit the internet; all ingress allow rules when only together they do. */
    private static List<Rule> worldOpenIngress(FirewallChange c) {
        List<Rule> world = new ArrayList<>();
        List<Rule> ingress = new ArrayList<>();
        for (Rule r : c.rules()) {
            if (r.access() == Access.ALLOW && r.direction() != Direction.EGRESS) {
                ingress.add(r);
                if (AddressSpace.cover(r.sources()).world()) {
                    world.add(r);
                }
            }
        }
        return world.isEmpty() ? ingress : world;
    }

    private static String portList(List<Rule> rules) {
        Set<String> ports = new LinkedHashSet<>();
        for (Rule r : rules) {
            ports.add(Text.field(Describe.ports(r), 40));
        }
        List<String> list = new ArrayList<>(ports);
        if (list.size() <= MAX_RULES) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, MAX_RULES)) + " and " + (list.size() - MAX_RULES) + " more";
    }
}
