package io.firewatch.core.detect;

import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Protocols;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.model.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Judges a firewall change by CONTRACT §3: how exposed does it leave the account, and how sure are we. */
public final class Detector {
    private final List<PortRange> adminPorts;
    private final List<PortRange> publicPorts;

    public Detector(FirewatchConfig config) {
        this.adminPorts = config.adminPorts();
        this.publicPorts = config.publicPorts();
    }

    public Assessment assess(FirewallChange change) {
        Verdict v = new Verdict();
        boolean removes = change.action() == Action.DELETE || change.action() == Action.DISABLE;
        if (removes) {
            judgeRemoval(change, v);
        } else if (change.target() == Target.ADDRESS_LIST) {
            judgeAddressList(change, v);
        } else {
            judgeExposure(change, v);
        }
        if (change.target() == Target.TRUST_LIST) {
            v.raise(Severity.HIGH, change.action() == Action.DELETE
                    ? "a monitoring trust list was deleted: " + describe(change)
                    : "a monitoring trust list was changed: addresses on it raise no findings");
        }
        if (v.reasons.isEmpty()) {
            v.reasons.add(summary(change));
        }
        change.notes().forEach(v.reasons::add);
        if (!change.succeeded()) {
            String code = change.errorCode() == null ? "" : " (" + change.errorCode() + ")";
            v.reasons.add(0, "the call failed" + code + ": nothing changed; rated as an attempt");
            return new Assessment(Severity.LOW, false, v.reasons);
        }
        return new Assessment(v.severity, v.openToWorld, v.reasons);
    }

    private void judgeRemoval(FirewallChange change, Verdict v) {
        v.openToWorld = false;
        String what = change.action() == Action.DELETE ? "deleted" : "disabled";
        if (change.target() == Target.FIREWALL && change.action() == Action.DELETE) {
            v.raise(Severity.HIGH, "a whole firewall was deleted: " + describe(change));
            return;
        }
        if (change.target() != Target.RULE && change.target() != Target.RULE_GROUP) {
            return;
        }
        if (!change.rulesKnown()) {
            v.openToWorld = null;
            v.raise(Severity.HIGH, "the " + (change.target() == Target.RULE ? "rule" : "rule group") + " " + what
                    + " is not described in the event: it may have been a deny rule");
            return;
        }
        for (Rule r : change.rules()) {
            if (r.access() == Access.DENY) {
                v.raise(Severity.HIGH, "deny rule " + what + ": " + describe(r));
            }
        }
    }

    private void judgeExposure(FirewallChange change, Verdict v) {
        v.openToWorld = false;
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Rule r : change.rules()) {
            if (r.access() != Access.ALLOW || r.direction() == Direction.EGRESS) {
                continue;
            }
            String key = r.direction() + "|" + r.protocol() + "|" + r.ports();
            groups.computeIfAbsent(key, k -> new Group(r)).sources.addAll(r.sources());
        }
        for (Group g : groups.values()) {
            AddressSpace.Coverage coverage = AddressSpace.cover(g.sources);
            if (!coverage.malformed().isEmpty()) {
                v.reasons.add("source " + String.join(", ", coverage.malformed()) + " is not a valid address and was not read as the internet");
            }
            if (!coverage.world()) {
                continue;
            }
            boolean assumed = g.rule.direction() == Direction.UNKNOWN;
            if (!assumed) {
                v.openToWorld = true;
            } else if (!Boolean.TRUE.equals(v.openToWorld)) {
                v.openToWorld = null;
            }
            String prefix = (assumed ? "direction not in the event, rated as ingress: " : "")
                    + "ingress from the whole internet (" + String.join(", ", coverage.worldSources()) + ")";
            judgePorts(g.rule, prefix, v);
        }
        if (writesRules(change) && !readable(change)) {
            if (!Boolean.TRUE.equals(v.openToWorld)) {
                v.openToWorld = null;
            }
            v.raise(Severity.HIGH, !change.rules().isEmpty()
                    ? "the event carries only part of the rule content, so the change may admit more than the rules shown"
                    : change.rulesKnown() ? "the change writes rules but no rule could be read from the event, so its exposure is unknown"
                    : "the event does not carry the rule content, so its exposure is unknown");
        }
        judgeUnreadAssociation(change, v);
    }

    /**
     * Lists that rules reference (CONTRACT §3): the whole internet added to one is high, since every rule that names
     * the list now admits the internet; any other change is medium. Entries that could not be read are never closed.
     */
    private static void judgeAddressList(FirewallChange change, Verdict v) {
        v.openToWorld = false;
        List<String> added = new ArrayList<>();
        change.rules().forEach(r -> added.addAll(r.sources()));
        AddressSpace.Coverage coverage = AddressSpace.cover(added);
        if (!coverage.malformed().isEmpty()) {
            v.reasons.add("entry " + String.join(", ", coverage.malformed()) + " is not a valid address and was not read as the internet");
        }
        if (coverage.world()) {
            v.openToWorld = true;
            v.raise(Severity.HIGH, "the whole internet (" + String.join(", ", coverage.worldSources()) + ") added to "
                    + describe(change) + ": every rule that references the list now admits the internet");
        }
        if (!change.rulesKnown()) {
            if (!Boolean.TRUE.equals(v.openToWorld)) {
                v.openToWorld = null;
            }
            v.raise(Severity.HIGH, change.rules().isEmpty()
                    ? "the entries written to the list are not in the event, so whether it now holds the whole internet is unknown"
                    : "some entries written to the list could not be read, so it may hold more than shown");
        }
    }

    /**
     * An association write whose effect the event does not show (an Azure subnet or interface write whose body could
     * not be read may have detached its network security group): never closed, at least high.
     */
    private static void judgeUnreadAssociation(FirewallChange change, Verdict v) {
        if (change.target() == Target.ASSOCIATION && change.action() == Action.MODIFY && !change.rulesKnown()) {
            v.openToWorld = null;
            v.raise(Severity.HIGH, "the event does not show what the write did to the firewall association of "
                    + describe(change) + ", so it may have removed a firewall");
        }
    }

    /**
     * Unknown is never closed (CONTRACT §3). A write that adds or changes rules is a create, modify or enable of a
     * rule, a rule group or a whole firewall; when it succeeded and its rules were not (wholly) read, it is judged on
     * what was read, is never {@code openToWorld: false} (null unless a read rule admits the internet) and is at least
     * high. Deletes, disables, attachments, trust lists and settings add no rule.
     */
    private static boolean writesRules(FirewallChange c) {
        boolean adds = c.action() == Action.CREATE || c.action() == Action.MODIFY || c.action() == Action.ENABLE;
        return adds && (c.target() == Target.RULE || c.target() == Target.RULE_GROUP || c.target() == Target.FIREWALL);
    }

    /**
     * Whether the rules of a write were read. A whole firewall may rightly have none (a new security group); a rule or
     * rule-group write that yields no rule counts as read only when its normalizer said why it admits nothing (a
     * disabled rule, a goto_next policy rule, a Cloud Armor rule in preview): a note beside the empty list.
     */
    private static boolean readable(FirewallChange c) {
        return c.rulesKnown() && (!c.rules().isEmpty() || c.target() == Target.FIREWALL || !c.notes().isEmpty());
    }

    private void judgePorts(Rule rule, String prefix, Verdict v) {
        if (rule.isAllProtocols() && (rule.ports() == null || rule.ports().isAll())) {
            v.raise(Severity.CRITICAL, prefix + " on all protocols and ports");
            return;
        }
        // Azure's "*" protocol with a port range (and Any on Azure Firewall) opens those ports on TCP and UDP.
        String proto = rule.isAllProtocols() ? "tcp+udp" : rule.protocol();
        if (!rule.isAllProtocols() && !Protocols.hasPorts(proto)) {
            v.raise(Severity.MEDIUM, prefix + " for " + proto + " (no ports)");
            return;
        }
        PortRange ports = rule.ports() == null ? PortRange.ALL : rule.ports();
        if (ports.isAll()) {
            v.raise(Severity.CRITICAL, prefix + " to " + proto + "/" + ports + " (all ports)");
            return;
        }
        List<String> admin = Ports.hits(ports, adminPorts, 4);
        if (!admin.isEmpty()) {
            String where = ports.from() == ports.to() ? Ports.label(ports.from())
                    : ports + " (includes " + String.join(", ", admin) + ")";
            v.raise(Severity.CRITICAL, prefix + " to " + proto + "/" + where);
        } else if (Ports.within(ports, publicPorts)) {
            String where = ports.from() == ports.to() ? Ports.label(ports.from()) : ports.toString();
            v.raise(Severity.MEDIUM, prefix + " to " + proto + "/" + where + ", an authorized public port");
        } else {
            v.raise(Severity.HIGH, prefix + " to " + proto + "/" + ports + ", outside the authorized public ports ("
                    + Ports.list(publicPorts) + ")");
        }
    }

    /** The reason of a change that raised nothing: what it did, to what, with which rules. */
    private static String summary(FirewallChange c) {
        StringBuilder b = new StringBuilder("firewall change (").append(c.action().wire()).append(") on ").append(describe(c));
        List<Rule> rules = c.rules();
        for (int i = 0; i < Math.min(3, rules.size()); i++) {
            b.append(i == 0 ? ": " : "; ").append(describe(rules.get(i)));
        }
        if (rules.size() > 3) {
            b.append(" and ").append(rules.size() - 3).append(" more rules");
        }
        return b.toString();
    }

    private static String describe(FirewallChange c) {
        String type = Objects.requireNonNullElse(c.resource().type(), c.operation());
        String id = c.resource().id() != null ? c.resource().id() : c.resource().name();
        return id == null ? type : type + " " + id;
    }

    /** {@code name: allow ingress tcp/22 from 0.0.0.0/0}. */
    private static String describe(Rule r) {
        StringBuilder b = new StringBuilder();
        if (r.name() != null) {
            b.append(r.name()).append(": ");
        }
        b.append(r.access().wire()).append(' ');
        if (r.direction() != Direction.UNKNOWN) {
            b.append(r.direction().wire()).append(' ');
        }
        b.append(r.protocol());
        if (r.ports() != null) {
            b.append('/').append(r.ports());
        }
        if (!r.sources().isEmpty()) {
            b.append(" from ").append(String.join(", ", r.sources()));
        }
        return b.toString();
    }

    private static final class Group {
        final Rule rule;
        final List<String> sources = new ArrayList<>();

        Group(Rule rule) {
            this.rule = rule;
        }
    }

    private static final class Verdict {
        Severity severity = Severity.MEDIUM;
        Boolean openToWorld;
        final List<String> reasons = new ArrayList<>();

        void raise(Severity s, String reason) {
            reasons.add(reason);
            if (s.compareTo(severity) > 0) {
                severity = s;
            }
        }
    }
}
