package io.firewatch.core.normalize.gcp;

import io.firewatch.core.model.Action;
import io.firewatch.core.model.Rule;
import java.util.List;

/**
 * A rule parser's reading of an entry.
 *
 * @param action   the catalogue action, or its refinement (a patch that only disables a rule is DISABLE)
 * @param known    false when the entry does not carry the rule content
 * @param previous the rules before the change, where the entry carries them
 * @param notes    facts for the alert's reasons
 * @param ignored  why the entry is no firewall change after all (a Cloud SQL patch that leaves the network alone), else
 *                 null
 */
record ParsedRules(Action action, List<Rule> rules, boolean known, List<Rule> previous, List<String> notes, String ignored) {

    ParsedRules {
        rules = List.copyOf(rules);
        previous = List.copyOf(previous);
        notes = List.copyOf(notes);
    }

    ParsedRules(Action action, List<Rule> rules, boolean known, List<Rule> previous, List<String> notes) {
        this(action, rules, known, previous, notes, null);
    }

    static ParsedRules ignored(String why) {
        return new ParsedRules(Action.MODIFY, List.of(), true, List.of(), List.of(), why);
    }

    static ParsedRules unknown(Action action, List<String> notes) {
        return new ParsedRules(action, List.of(), false, List.of(), notes);
    }

    static ParsedRules of(Action action, List<Rule> rules, List<String> notes) {
        return new ParsedRules(action, rules, true, List.of(), notes);
    }
}
