package io.firewatch.core.normalize.aws;

import io.firewatch.core.model.Rule;
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

        boolean isEmpty() {
            return rules.isEmpty();
        }

        boolean hasNotes() {
            return !notes.isEmpty() || !unreadable.isEmpty();
        }

        int size() {
            return rules.size();
        }

        /**
         * Removes from the rules added after the first {@code kept} the addresses those first rules already state
         * for the same direction, access, protocol and ports (the response's rule set repeats the request, one rule
         * per address), and drops rules left without addresses. What only the later source says stays.
         */
        void dropRepeatedAddresses(int kept) {
            List<Rule> later = new ArrayList<>(rules.subList(kept, rules.size()));
            rules.subList(kept, rules.size()).clear();
            for (Rule r : later) {
                if (r.sources().isEmpty() && r.destinations().isEmpty()) {
                    if (!rules.contains(r)) {
                        rules.add(r);
                    }
                    continue;
                }
                java.util.Set<String> stated = new java.util.HashSet<>();
                for (Rule k : rules) {
                    if (k.direction() == r.direction() && k.access() == r.access() && k.protocol().equals(r.protocol())
                            && java.util.Objects.equals(k.ports(), r.ports())) {
                        stated.addAll(k.sources());
                        stated.addAll(k.destinations());
                    }
                }
                List<String> sources = r.sources().stream().filter(a -> !stated.contains(a)).toList();
                List<String> destinations = r.destinations().stream().filter(a -> !stated.contains(a)).toList();
                if (!sources.isEmpty() || !destinations.isEmpty()) {
                    rules.add(new Rule(r.direction(), r.access(), r.protocol(), r.ports(), sources, destinations, r.name(), r.priority()));
                }
            }
        }

        ParsedRules result() {
            return new ParsedRules(rules, known, notes, unreadable);
        }
    }
}
