package io.firewatch.core.normalize.aws;

import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.DistinctRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule parser read from one CloudTrail record.
 *
 * @param known      false when the record does not carry (all of) the rule content
 * @param notes      facts for the alert's reasons
 * @param unreadable fields that were present but could not be read, each naming its path
 */
record ParsedRules(List<Rule> rules, boolean known, List<String> notes, List<String> unreadable) {

    ParsedRules {
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
        unreadable = List.copyOf(unreadable);
    }

    static ParsedRules none() {
        return new ParsedRules(List.of(), true, List.of(), List.of());
    }

    static ParsedRules unknown() {
        return new ParsedRules(List.of(), false, List.of(), List.of());
    }

    /** Collects rules while a parser walks a record. */
    static final class Collector {
        private final List<Rule> rules = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> unreadable = new ArrayList<>();
        private boolean known = true;

        void add(Rule rule) {
            rules.add(rule);
        }

        void note(String note) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }

        void unreadable(Unreadable e) {
            unreadable.add(e.getMessage());
            known = false;
        }

        void unknown() {
            known = false;
        }

        boolean anyUnreadable() {
            return !unreadable.isEmpty();
        }

        boolean isEmpty() {
            return rules.isEmpty();
        }

        ParsedRules result() {
            return new ParsedRules(DistinctRules.of(rules), known, notes, unreadable);
        }
    }
}
