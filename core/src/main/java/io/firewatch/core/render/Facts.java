package io.firewatch.core.render;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled facts of an alert in reading order, shared by the card and both email bodies so that every channel
 * tells the same story. Values are one line, truncated to the given limits, and not yet escaped.
 */
final class Facts {
    /**
     * A label and its value; the label is ours, the value comes from the event. A {@code detail} (a full id, a user
     * agent) is one tap away where space is short (the Teams card), in line elsewhere.
     */
    record Fact(String label, String value, boolean detail) {
        Fact(String label, String value) {
            this(label, value, false);
        }
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

    /**
     * The facts the summary line does not already state, in reading order; a value the event lacks is left out,
     * never shown as a dash.
     */
    static List<Fact> of(Alert alert, Limits limits) {
        FirewallChange c = alert.change();
        List<Fact> facts = new ArrayList<>();
        int max = limits.field();
        if (alert.response() != null) {
            facts.add(new Fact("Automatic response", responseLine(alert, max)));
        }
        // Rules the event does not carry, and an exposure that is therefore unknown, are said once, by the reasons.
        List<String> rules = rules(c, limits);
        for (int i = 0; i < rules.size(); i++) {
            facts.add(new Fact(rules.size() == 1 ? "Rule" : "Rule " + (i + 1), rules.get(i)));
        }
        facts.add(new Fact("Operation", Text.field(Describe.operation(c.provider(), c.operation()), max)));
        if (c.time() != null) {
            facts.add(new Fact("Time", TIME.format(c.time())));
        }
        Actor a = c.actor();
        if (a.principal() != null && !a.principal().equals(Describe.principal(a.principal()))) {
            facts.add(new Fact("Actor", Text.field(a.principal(), max), true));
        }
        add(facts, "Source IP", Text.field(a.sourceIp(), max), false);
        add(facts, "User agent", Text.field(a.userAgent(), max), true);
        if (Describe.labelHidesId(c.resource())) {
            facts.add(new Fact("Resource ID", Text.field(c.resource().id(), max), true));
        }
        add(facts, "Event ID", Text.field(c.eventId(), max), true);
        facts.add(new Fact("ATT&CK", "T1686.001 Cloud Firewall (formerly T1562.007)", true));
        facts.add(new Fact("Alert ID", Text.field(alert.id(), max), true));
        return facts;
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private static void add(List<Fact> facts, String label, String value, boolean detail) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value, detail));
        }
    }

    /** Why the alert has its severity, one reason per item, at most {@code limits.items()}. */
    static List<String> reasons(Alert alert, Limits limits) {
        List<String> out = new ArrayList<>();
        List<String> all = alert.reasons();
        for (int i = 0; i < all.size() && i < limits.items(); i++) {
            out.add(Text.field(shortenArmIds(all.get(i)), limits.field()));
        }
        if (all.size() > limits.items()) {
            out.add("… and " + (all.size() - limits.items()) + " more reasons (truncated)");
        }
        return out;
    }

    private static final java.util.regex.Pattern ARM_ID =
            java.util.regex.Pattern.compile("(?i)/subscriptions/[0-9a-f-]{36}(/[^\\s/,;:]+)+");

    /** A reason names a resource by its ARM id's meaningful tail; the full id is in the alert's details. */
    static String shortenArmIds(String reason) {
        return ARM_ID.matcher(reason).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(Describe.tail(m.group())));
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

}
