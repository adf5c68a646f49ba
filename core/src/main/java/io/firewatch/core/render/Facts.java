package io.firewatch.core.render;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled facts of an alert in reading order, shared by the card and both email bodies so that every channel
 * tells the same story. Values are one line, truncated to the given limits, and not yet escaped.
 */
final class Facts {
    /** A label and its value; the label is ours, the value comes from the event. */
    record Fact(String label, String value) {
    }

    /** How much of each event value and how many list items a rendering may hold. */
    record Limits(int field, int items) {
        static final Limits EMAIL = new Limits(2000, 50);

        Limits smaller() {
            return new Limits(Math.max(16, field / 2), Math.max(1, items / 2));
        }
    }

    private Facts() {
    }

    static String severityLabel(Alert alert) {
        return alert.severity().wire().toUpperCase(java.util.Locale.ROOT);
    }

    static String providerName(Provider p) {
        return switch (p) {
            case AWS -> "AWS";
            case AZURE -> "Azure";
            case GCP -> "Google Cloud";
        };
    }

    static List<Fact> of(Alert alert, Limits limits) {
        FirewallChange c = alert.change();
        List<Fact> facts = new ArrayList<>();
        int max = limits.field();
        facts.add(new Fact("Severity", severityLabel(alert)));
        facts.add(new Fact("Provider", providerName(c.provider())));
        facts.add(new Fact(accountLabel(c.provider()), orDash(Text.field(c.account(), max))));
        facts.add(new Fact("Region", orDash(Text.field(c.region(), max))));
        facts.add(new Fact("Resource", resource(c.resource(), max)));
        facts.add(new Fact("Operation", Text.field(c.operation(), max) + " (" + c.action().wire() + ", " + c.outcome().wire()
                + (c.errorCode() == null ? "" : ": " + Text.field(c.errorCode(), max)) + ")"));
        Actor a = c.actor();
        facts.add(new Fact("Actor", a.principal() == null ? "unknown"
                : Text.field(a.principal(), max) + (a.type() == null ? "" : " (" + Text.field(a.type(), 60) + ")")));
        facts.add(new Fact("Source IP", orDash(Text.field(a.sourceIp(), max))));
        facts.add(new Fact("User agent", orDash(Text.field(a.userAgent(), max))));
        facts.add(new Fact("Open to the internet", alert.openToWorld() == null ? "unknown" : alert.openToWorld() ? "yes" : "no"));
        if (alert.response() != null) {
            facts.add(new Fact("Automatic response", responseLine(alert, max)));
        }
        List<String> rules = rules(c, limits);
        for (int i = 0; i < rules.size(); i++) {
            facts.add(new Fact(rules.size() == 1 ? "Rule" : "Rule " + (i + 1), rules.get(i)));
        }
        if (rules.isEmpty()) {
            facts.add(new Fact("Rules", c.rulesKnown() ? "none in the event" : "not in the event"));
        }
        facts.add(new Fact("ATT&CK", "T1686.001 Cloud Firewall (v19), T1562.007 (before v19)"));
        facts.add(new Fact("Event ID", orDash(Text.field(c.eventId(), max))));
        facts.add(new Fact("Time", c.time() == null ? "-" : c.time().toString()));
        facts.add(new Fact("Alert ID", Text.field(alert.id(), max)));
        return facts;
    }

    /** Why the alert has its severity, one reason per item, at most {@code limits.items()}. */
    static List<String> reasons(Alert alert, Limits limits) {
        List<String> out = new ArrayList<>();
        List<String> all = alert.reasons();
        for (int i = 0; i < all.size() && i < limits.items(); i++) {
            out.add(Text.field(all.get(i), limits.field()));
        }
        if (all.size() > limits.items()) {
            out.add("… and " + (all.size() - limits.items()) + " more reasons (truncated)");
        }
        return out;
    }

    private static List<String> rules(FirewallChange c, Limits limits) {
        List<String> out = new ArrayList<>();
        List<Rule> all = c.rules();
        int addresses = Math.max(2, limits.items());
        for (int i = 0; i < all.size() && i < limits.items(); i++) {
            out.add(Text.field(Describe.rule(all.get(i), addresses), limits.field()));
        }
        if (all.size() > limits.items()) {
            out.add("… and " + (all.size() - limits.items()) + " more rules (truncated)");
        }
        return out;
    }

    /** The response in words: "taken back: …", "dry-run: would …", "none: why". */
    static String responseLine(Alert alert, int max) {
        var r = alert.response();
        String head = switch (r.status()) {
            case PLANNED -> r.mode().wire() + ": ";
            case SKIPPED -> r.action().equals("none") ? "none: " : "";
            default -> "";
        };
        return Text.field(head + r.detail(), max);
    }

    private static String accountLabel(Provider p) {
        return switch (p) {
            case AWS -> "Account";
            case AZURE -> "Subscription";
            case GCP -> "Project";
        };
    }

    private static String resource(ResourceRef r, int max) {
        StringBuilder b = new StringBuilder();
        if (r.type() != null) {
            b.append(Text.field(r.type(), max)).append(' ');
        }
        b.append(r.id() == null ? "(no id)" : Text.field(r.id(), max));
        if (r.name() != null && !r.name().equals(r.id())) {
            b.append(" (").append(Text.field(r.name(), max)).append(')');
        }
        return b.toString();
    }

    private static String orDash(String v) {
        return v == null ? "-" : v;
    }
}
