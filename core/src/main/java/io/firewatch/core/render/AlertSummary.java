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
 * The one-line summary every channel leads with (the Teams card, both email bodies, the email and SNS subjects):
 * who did what to which firewall, where. For example {@code NetworkAdmin/mallory opened tcp/22 (SSH) to the internet
 * on security group web (sg-0123) in account 111122223333 (payments-prod), us-east-1}. The result is one line of
 * unescaped text; each renderer escapes it.
 */
public final class AlertSummary {
    /** Alert ids of deliberate test alerts ({@code notify-test}) start with this; every channel then says TEST first. */
    public static final String TEST_ID_PREFIX = "test:";

    static final int MAX_LENGTH = 400;
    private static final int MAX_PART = 120;
    private static final int MAX_RULES = 3;
    /** Where the resource goes in a verb phrase; a control character, so no event text (all one-lined) can hold it. */
    private static final String ON = "\u0000";

    private AlertSummary() {
    }

    public static boolean isTest(Alert alert) {
        return alert.id() != null && alert.id().startsWith(TEST_ID_PREFIX);
    }

    /** A principal as a person names it ({@code NetworkAdmin/mallory} for an assumed-role ARN). */
    public static String principal(String principal) {
        return Text.oneLine(Describe.principal(principal));
    }

    /** A resource as a person names it: {@code web (sg-0123)}, or the meaningful tail of a long id. */
    public static String resourceLabel(io.firewatch.core.model.ResourceRef resource) {
        return Text.oneLine(Describe.label(resource));
    }

    /** A follow-up of the automatic response (CONTRACT §6): what was done about an alert already sent. */
    public static boolean isFollowUp(Alert alert) {
        return alert.response() != null && !alert.response().planned() && alert.id() != null
                && alert.id().endsWith(io.firewatch.core.response.AutomaticResponse.FOLLOW_UP_SUFFIX);
    }

    /** {@code taken back}, {@code could not be taken back} or {@code nothing to take back}, for a follow-up. */
    private static String responseOutcome(Alert alert) {
        return switch (alert.response().status()) {
            case DONE -> "taken back";
            case FAILED -> "could not be taken back";
            default -> "nothing to take back";
        };
    }

    /** The severity word channels lead with: {@code CRITICAL}, or {@code TEST} for a test alert. */
    public static String severityWord(Alert alert) {
        return isTest(alert) ? "TEST" : alert.severity().wire().toUpperCase(java.util.Locale.ROOT);
    }

    /** The heading above the summary: {@code CRITICAL · firewall change}; a test alert says it is one. */
    public static String title(Alert alert) {
        if (isTest(alert)) {
            return "TEST · not a real alert: no firewall was changed";
        }
        if (isFollowUp(alert)) {
            return severityWord(alert) + " · automatic response: " + responseOutcome(alert);
        }
        return severityWord(alert) + " · firewall change" + (alert.change().succeeded() ? "" : " attempt");
    }

    /** The first line of a body: {@code CRITICAL: <summary>}, or {@code TEST ALERT (no firewall was changed): ...}. */
    public static String firstLine(Alert alert, AccountAliases aliases) {
        if (isFollowUp(alert)) {
            return "AUTOMATIC RESPONSE, " + responseOutcome(alert) + ": " + of(alert, aliases);
        }
        return (isTest(alert) ? "TEST ALERT (no firewall was changed): " : severityWord(alert) + ": ") + of(alert, aliases);
    }

    /** The subject of a message (email, SNS), not yet cut to a channel's limit: {@code [Firewatch HIGH] <summary>}. */
    public static String subject(Alert alert, AccountAliases aliases) {
        if (isFollowUp(alert)) {
            return "[Firewatch RESPONSE] " + responseOutcome(alert) + ": " + of(alert, aliases);
        }
        return "[Firewatch " + severityWord(alert) + "] " + of(alert, aliases);
    }

    public static String of(Alert alert) {
        return of(alert, AccountAliases.NONE);
    }

    public static String of(Alert alert, AccountAliases aliases) {
        FirewallChange c = alert.change();
        String who = c.actor().principal() == null ? "An unknown principal" : Text.field(Describe.principal(c.actor().principal()), MAX_PART);
        String resource = Text.field(Describe.label(c.resource()), MAX_PART);
        String on = Describe.kind(c.resource().type()) + (resource == null ? "" : " " + resource);
        return Text.truncate(Text.oneLine(who + " " + verbPhrase(alert, on, where(c, aliases))), MAX_LENGTH);
    }

    /**
     * What happened in the fewest words, without who, which resource and where: {@code opened tcp/22 (SSH) to the
     * internet}, {@code deleted network security group}; for places that show the resource beside it (the CLI's table).
     */
    public static String whatHappened(Alert alert) {
        String kind = Describe.kind(alert.change().resource().type());
        String phrase = verbPhrase(alert, ON, "");
        for (String link : new String[] {" on ", " to ", " from ", " of "}) {
            phrase = phrase.replace(link + ON, "");
        }
        return Text.oneLine(phrase.replace(ON, kind));
    }

    private static String verbPhrase(Alert alert, String on, String where) {
        FirewallChange c = alert.change();
        String what = what(alert);
        if (c.succeeded()) {
            return what.replace(ON, on) + where;
        }
        String code = c.errorCode() == null ? "" : " (" + Text.field(c.errorCode(), 60) + ")";
        return "tried to " + infinitive(what).replace(ON, on) + where + ": refused" + code;
    }

    /** {@code in account 111122223333 (payments-prod), us-east-1}; the alias only where one is configured. */
    static String where(FirewallChange c, AccountAliases aliases) {
        StringBuilder b = new StringBuilder();
        if (c.account() != null) {
            b.append(" in ").append(accountWord(c)).append(Text.field(c.account(), 80));
            String alias = aliases.of(c.account());
            if (alias != null) {
                b.append(" (").append(Text.field(alias, 60)).append(')');
            }
        }
        if (c.region() != null) {
            b.append(b.length() == 0 ? " in " : ", ").append(Text.field(c.region(), 40));
        }
        return b.toString();
    }

    private static String accountWord(FirewallChange c) {
        if (c.account().indexOf('/') >= 0) {
            return "";   // organizations/123 and folders/456 name themselves
        }
        return switch (c.provider()) {
            case AWS -> "account ";
            case AZURE -> "subscription ";
            case GCP -> "project ";
        };
    }

    /** The verb phrase, past tense, with {@link #ON} where the resource goes. */
    private static String what(Alert alert) {
        FirewallChange c = alert.change();
        List<Rule> world = Boolean.TRUE.equals(alert.openToWorld()) ? worldOpenIngress(c) : List.of();
        if (!world.isEmpty() && c.target() == Target.ADDRESS_LIST) {
            return "added the whole internet to " + ON;
        }
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
