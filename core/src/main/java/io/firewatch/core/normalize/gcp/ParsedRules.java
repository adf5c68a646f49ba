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
 */
record ParsedRules(Action action, List<Rule> rules, boolean known, List<Rule> previous, List<String> notes) {
    /** Ends the note of a rule that is off: it admits nothing, so having no rule to judge is no unknown. */
    static final String DISABLED = " is disabled: it admits and blocks nothing";
    /** Ends the note of a policy rule that only hands the decision to the next level of the hierarchy. */
    static final String GOTO_NEXT = " is goto_next: it hands the decision to the next level";

    ParsedRules {
        rules = List.copyOf(rules);
        previous = List.copyOf(previous);
        notes = List.copyOf(notes);
    }

    static ParsedRules unknown(Action action, List<String> notes) {
        return new ParsedRules(action, List.of(), false, List.of(), notes);
    }

    /** True when the rule was read and admits nothing by itself (disabled, or goto_next), so no rule is expected. */
    boolean admitsNothing() {
        return known && rules.isEmpty() && !notes.isEmpty()
                && notes.stream().allMatch(n -> n.endsWith(DISABLED) || n.endsWith(GOTO_NEXT));
    }

    static ParsedRules of(Action action, List<Rule> rules, List<String> notes) {
        return new ParsedRules(action, rules, true, List.of(), notes);
    }
}
